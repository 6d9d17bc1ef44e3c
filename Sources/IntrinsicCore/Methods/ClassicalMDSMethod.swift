// Classical (Torgerson) multidimensional scaling.

public struct ClassicalMDSMethod: AnalysisMethod {
    public init() {}
    public let name = "mds"
    public let summary = "Classical (Torgerson) MDS of Euclidean distances to 2-D"
    public let parameters: [ParameterSpec] = [
        ParameterSpec("dimensions", .integer(1...Int.max), default: .integer(2), help: "output dimensions"),
    ]

    public func run(on dataset: Dataset, parameters: ParameterSet, context: JobContext) throws -> MethodResult {
        throw MethodError(method: name, "not implemented yet")
    }
}
