// Vietoris–Rips persistent homology over Z/2: the method wrapper around `RipsPersistence`.

/// The `rips` method: H0 and H1 persistence diagrams of the Vietoris–Rips filtration.
///
/// Parameters: `max-dimension` (0 or 1, default 1) and `threshold` (largest edge length,
/// default inf: the full filtration, which stops at the enclosing radius). With a finite
/// threshold, H0 has one essential class per component and H1 classes alive at the threshold
/// are essential.
///
/// JSON `results` keys:
/// - `diagrams`: one `{"dimension", "pairs"}` object per dimension, `null` for an infinite death;
/// - `enclosing_radius`, `diameter`, `threshold` (a number or "inf") and `filtration_end`;
/// - `simplex_counts`: `vertices`, and `edges` of diameter at most the filtration end.
///   Triangles are enumerated on demand, so they are not counted.
public struct RipsMethod: AnalysisMethod {
    public init() {}
    public let name = "rips"
    public let summary = "Vietoris–Rips persistent homology in dimensions 0 and 1 over Z/2 (exact)"
    public let parameters: [ParameterSpec] = [
        ParameterSpec("max-dimension", .integer(0...1), default: .integer(1), help: "highest homology dimension"),
        ParameterSpec("threshold", .real(0...Double.infinity), default: .real(.infinity), help: "maximum edge length (inf: the full filtration)"),
    ]

    public func run(on dataset: Dataset, parameters: ParameterSet, context: JobContext) throws -> MethodResult {
        let threshold = parameters.real("threshold")
        let result: RipsPersistenceResult
        do {
            result = try RipsPersistence.compute(
                dataset, maxDimension: parameters.integer("max-dimension"), threshold: threshold, context: context)
        } catch let error as RipsError {
            throw MethodError(method: name, error.description)
        }

        let json = JSONValue.object([
            ("diagrams", .array(result.diagrams.map(\.json))),
            ("enclosing_radius", .number(result.enclosingRadius)),
            ("diameter", .number(result.diameter)),
            ("threshold", threshold.isFinite ? .number(threshold) : .string("inf")),
            ("filtration_end", .number(result.filtrationEnd)),
            ("simplex_counts", .object([
                ("vertices", .number(Double(result.vertexCount))),
                ("edges", .number(Double(result.edgeCount))),
            ])),
        ])
        return MethodResult(artifacts: [.diagrams(result.diagrams)], json: json, warnings: [])
    }
}
