// Vietoris–Rips persistent homology over Z/2.

public struct RipsMethod: AnalysisMethod {
    public init() {}
    public let name = "rips"
    public let summary = "Vietoris–Rips persistent homology in dimensions 0 and 1 over Z/2 (exact)"
    public let parameters: [ParameterSpec] = [
        ParameterSpec("max-dimension", .integer(0...1), default: .integer(1), help: "highest homology dimension"),
        ParameterSpec("threshold", .real(0...Double.infinity), default: .real(.infinity), help: "maximum edge length (inf: the full filtration)"),
    ]

    public func run(on dataset: Dataset, parameters: ParameterSet, context: JobContext) throws -> MethodResult {
        throw MethodError(method: name, "not implemented yet")
    }
}
