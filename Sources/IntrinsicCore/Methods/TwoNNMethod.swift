// TwoNN intrinsic dimension (Facco et al. 2017).

import Foundation

/// TwoNN intrinsic dimension: the linear fit of scikit-dimension's `TwoNN(method="linear")`.
///
/// Reference: E. Facco, M. d'Errico, A. Rodriguez, A. Laio, "Estimating the intrinsic
/// dimension of datasets by a minimal neighborhood information", Sci. Rep. 7, 12140 (2017),
/// doi:10.1038/s41598-017-11873-y. Under local uniformity μ = r₂/r₁ is Pareto distributed,
/// F(μ) = 1 − μ^(−d), so −ln(1 − F) = d ln μ is a line through the origin.
///
/// 1. μᵢ = r₂/r₁ from each point's two nearest neighbours (self excluded).
/// 2. Points with r₁ = 0 (an exact duplicate) have no finite μ; they are dropped with a
///    warning that gives their number. N = points left.
/// 3. Sort μ, keep the n = ⌊N (1 − discard-fraction)⌋ smallest, and set Fᵢ = i/N (i = 1…n).
///    With discard-fraction = 0 the largest ratio would get F = 1 and −ln 0 = ∞, so it is
///    always left out: n ≤ N − 1.
/// 4. d = Σ xᵢyᵢ / Σ xᵢ², the least-squares slope through the origin of yᵢ = −ln(1 − Fᵢ)
///    against xᵢ = ln μ₍ᵢ₎.
///
/// JSON `results`: `dimension`, `points_used` (n), `duplicates_dropped`, `discard_fraction`.
/// The estimate artifact carries μ for each of the N points.
public struct TwoNNMethod: AnalysisMethod {
    public init() {}
    public let name = "id-twonn"
    public let summary = "TwoNN intrinsic dimension from the ratio of 2nd to 1st neighbour distances"
    public let parameters: [ParameterSpec] = [
        ParameterSpec("discard-fraction", .real(0...0.9), default: .real(0.1), help: "fraction of the largest ratios left out of the fit"),
    ]

    public func run(on dataset: Dataset, parameters: ParameterSet, context: JobContext) throws -> MethodResult {
        let discard = parameters.real("discard-fraction")
        let rows = dataset.rows
        guard rows >= 3 else {
            throw MethodError(method: name, "needs at least 3 points (each point needs 2 neighbours); the data set has \(rows)")
        }

        let table = try NearestNeighbors.search(Matrix(dataset), k: 2, context: context, progress: 0...0.95)
        context.report("fitting", 0.95)

        // Step 2: drop duplicates.
        var ratios: [Double] = []
        ratios.reserveCapacity(rows)
        for i in 0..<rows where table.distance(i, 0) > 0 {
            ratios.append(table.distance(i, 1) / table.distance(i, 0))
        }
        let dropped = rows - ratios.count
        if dropped > 0 {
            context.warn("dropped \(dropped) point\(dropped == 1 ? "" : "s") with zero distance to the nearest neighbour (exact duplicates); \(ratios.count) remain")
        }
        let total = ratios.count
        guard total >= 3 else {
            throw MethodError(method: name, "only \(total) of \(rows) points remain after dropping \(dropped) exact duplicates; at least 3 are needed. Remove the duplicate rows (keeping one copy of each) and run it again")
        }

        // Step 3: the same floating-point expression as skdim, so n agrees at the boundary.
        let used = min(Int((Double(total) * (1 - discard)).rounded(.down)), total - 1)
        guard used >= 2 else {
            throw MethodError(method: name, "discard-fraction = \(discard) leaves \(used) of \(total) ratios for the fit; at least 2 are needed, so lower discard-fraction")
        }
        let sorted = ratios.sorted()

        // Step 4.
        var sxy = 0.0, sxx = 0.0
        for i in 0..<used {
            let x = log(sorted[i])
            let y = -log(1 - Double(i + 1) / Double(total))
            sxy += x * y
            sxx += x * x
        }
        guard sxx > 0 else {
            throw MethodError(method: name, "all \(used) ratios r2/r1 in the fit equal 1 (every nearest distance is tied), so the slope is undefined")
        }
        let dimension = sxy / sxx
        context.report("done", 1)

        let json = JSONValue.object([
            ("dimension", .number(dimension)),
            ("points_used", .number(Double(used))),
            ("duplicates_dropped", .number(Double(dropped))),
            ("discard_fraction", .number(discard)),
        ])
        let estimate = Estimate(name: "dimension", value: dimension, pointwise: ratios, pointwiseName: "μ = r2/r1")
        return MethodResult(artifacts: [.estimate(estimate)], json: json, warnings: context.warnings)
    }
}
