// Principal component analysis: explained-variance spectrum and 2-D projection.

public struct PCAMethod: AnalysisMethod {
    public init() {}
    public let name = "pca"
    public let summary = "Principal components: explained-variance spectrum and 2-D projection (LAPACK)"
    public let parameters: [ParameterSpec] = [
        ParameterSpec("dimensions", .integer(1...Int.max), default: .integer(2), help: "number of components in the projection"),
        ParameterSpec("center", .boolean, default: .boolean(true), help: "subtract each column's mean first"),
        ParameterSpec("scale", .boolean, default: .boolean(false), help: "divide each column by its standard deviation (n − 1)"),
    ]

    public func run(on dataset: Dataset, parameters: ParameterSet, context: JobContext) throws -> MethodResult {
        throw MethodError(method: name, "not implemented yet")
    }
}
