// TwoNN intrinsic dimension (Facco et al. 2017).

public struct TwoNNMethod: AnalysisMethod {
    public init() {}
    public let name = "id-twonn"
    public let summary = "TwoNN intrinsic dimension from the ratio of 2nd to 1st neighbour distances"
    public let parameters: [ParameterSpec] = [
        ParameterSpec("discard-fraction", .real(0...0.9), default: .real(0.1), help: "fraction of the largest ratios left out of the fit"),
    ]

    public func run(on dataset: Dataset, parameters: ParameterSet, context: JobContext) throws -> MethodResult {
        throw MethodError(method: name, "not implemented yet")
    }
}
