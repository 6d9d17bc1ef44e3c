// Levina–Bickel maximum-likelihood intrinsic dimension.

public struct LevinaBickelMethod: AnalysisMethod {
    public init() {}
    public let name = "id-mle"
    public let summary = "Levina–Bickel maximum-likelihood intrinsic dimension (MacKay–Ghahramani average)"
    public let parameters: [ParameterSpec] = [
        ParameterSpec("k", .integer(2...Int.max), default: .integer(20), help: "neighbours per point"),
    ]

    public func run(on dataset: Dataset, parameters: ParameterSet, context: JobContext) throws -> MethodResult {
        throw MethodError(method: name, "not implemented yet")
    }
}
