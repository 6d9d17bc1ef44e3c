// Levina–Bickel maximum-likelihood intrinsic dimension.

import Foundation

/// Levina–Bickel maximum-likelihood intrinsic dimension with MacKay–Ghahramani averaging,
/// as scikit-dimension's `MLE(k=20, comb="mle", unbiased=False)` computes it.
///
/// References: E. Levina, P. J. Bickel, "Maximum likelihood estimation of intrinsic
/// dimension", NIPS 17 (2004); D. J. C. MacKay, Z. Ghahramani, "Comments on 'Maximum
/// likelihood estimation of intrinsic dimension'" (2005), which averages the inverses.
///
/// 1. For point i with neighbour distances T₁ ≤ … ≤ T_k (self excluded):
///    mᵢ = (k − 1) / Σⱼ ln(T_k / Tⱼ); the j = k term is 0.
/// 2. Global estimate: 1 / mean(1 / mᵢ).
///
/// Duplicates: a zero Tⱼ makes ln(T_k / Tⱼ) infinite, mᵢ = 0, and the average of inverses
/// infinite (scikit-dimension then reports 0). Here each point uses only its strictly
/// positive distances: with k′ of them, mᵢ = (k′ − 1) / Σ over those j. A point left with
/// fewer than 2 positive distances, or whose positive distances are all equal (Σ = 0, no
/// information on the growth rate), gets no local estimate. Both cases are counted in a
/// warning. On data without duplicates the result is exactly the formula above.
///
/// JSON `results`: `dimension`, `k`, `mean_of_estimates` (mean of mᵢ),
/// `median_of_estimates`. The estimate artifact carries mᵢ for every point that has one.
public struct LevinaBickelMethod: AnalysisMethod {
    public init() {}
    public let name = "id-mle"
    public let summary = "Levina–Bickel maximum-likelihood intrinsic dimension (MacKay–Ghahramani average)"
    public let parameters: [ParameterSpec] = [
        ParameterSpec("k", .integer(2...Int.max), default: .integer(20), help: "neighbours per point"),
    ]

    public func run(on dataset: Dataset, parameters: ParameterSet, context: JobContext) throws -> MethodResult {
        let k = parameters.integer("k")
        let n = dataset.rows
        guard n >= 3 else { throw MethodError(method: name, "needs at least 3 points; the data set has \(n)") }
        guard k < n else {
            throw MethodError(method: name, "k = \(k) needs at least \(k + 1) points (k neighbours besides the point itself); the data set has \(n), so choose k ≤ \(n - 1)")
        }

        let table = try NearestNeighbors.search(Matrix(dataset), k: k, context: context, progress: 0...0.95)
        context.report("local estimates", 0.95)
        let local = localEstimates(table)
        report(local, context: context)
        guard local.values.count >= 1 else {
            throw MethodError(method: name, "no point has a local estimate: all \(n) points have fewer than 2 distinct positive distances among their \(k) neighbours; raise k")
        }

        let values = local.values
        let inverseMean = values.reduce(0) { $0 + 1 / $1 } / Double(values.count)
        let dimension = 1 / inverseMean
        let mean = values.reduce(0, +) / Double(values.count)
        let median = Self.median(values)
        context.report("done", 1)

        let json = JSONValue.object([
            ("dimension", .number(dimension)),
            ("k", .number(Double(k))),
            ("mean_of_estimates", .number(mean)),
            ("median_of_estimates", .number(median)),
        ])
        let estimate = Estimate(name: "dimension", value: dimension, pointwise: values, pointwiseName: "local dimension")
        return MethodResult(artifacts: [.estimate(estimate)], json: json, warnings: context.warnings)
    }

    /// Local estimates and the counts of points that had zero distances or got none.
    struct LocalEstimates {
        var values: [Double] = []
        /// Points with at least one zero neighbour distance (an exact duplicate nearby).
        var withDuplicates = 0
        /// Points with no estimate.
        var skipped = 0
    }

    /// Computes mᵢ for every point from its strictly positive neighbour distances.
    func localEstimates(_ table: NeighborTable) -> LocalEstimates {
        var out = LocalEstimates()
        out.values.reserveCapacity(table.rows)
        for i in 0..<table.rows {
            // Distances are sorted, so the zero ones come first.
            var first = 0
            while first < table.k && table.distance(i, first) == 0 { first += 1 }
            if first > 0 { out.withDuplicates += 1 }
            let positive = table.k - first
            guard positive >= 2 else {
                out.skipped += 1
                continue
            }
            let largest = table.distance(i, table.k - 1)
            var sum = 0.0
            for j in first..<(table.k - 1) { sum += log(largest / table.distance(i, j)) }
            guard sum > 0 else {
                out.skipped += 1
                continue
            }
            out.values.append(Double(positive - 1) / sum)
        }
        return out
    }

    func report(_ local: LocalEstimates, context: JobContext) {
        if local.withDuplicates > 0 {
            context.warn("\(local.withDuplicates) point\(local.withDuplicates == 1 ? " has" : "s have") an exact duplicate among the neighbours; their zero distances were left out of the local estimates")
        }
        if local.skipped > 0 {
            context.warn("\(local.skipped) point\(local.skipped == 1 ? " has" : "s have") no local estimate (fewer than 2 positive or only equal neighbour distances) and \(local.skipped == 1 ? "is" : "are") left out of the average")
        }
    }

    /// Returns the median, the mean of the two middle values for an even count.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let m = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
    }
}
