// Histogram binning by the Freedman–Diaconis rule, clamped to a bin-count range.
import Foundation

/// Equal-width bins over the finite values, and how many values fell in each.
public struct HistogramBinning: Sendable, Equatable {
    /// Bin edges in increasing order; `edges.count == counts.count + 1` unless empty.
    public var edges: [Double]
    public var counts: [Int]
    /// Values left out because they were NaN or infinite.
    public var skipped: Int

    /// Bins `values` by the Freedman–Diaconis rule.
    ///
    /// The bin width is 2 · IQR · n^(−1/3). The bin count is the range over that width,
    /// rounded up and clamped to `minBins…maxBins`. When the interquartile range is 0 the
    /// width is undefined, so Sturges' count ⌈log2 n⌉ + 1 is used instead. All-equal values
    /// get a padded range (see `paddedRange`). Bins are half-open [a, b) except the last,
    /// which also contains the maximum.
    ///
    /// - Parameters:
    ///   - values: any values; NaN and ±∞ are skipped and counted in `skipped`.
    ///   - minBins: the fewest bins, ≥ 1; default 5.
    ///   - maxBins: the most bins, for example the plot width in cells; values below
    ///     `minBins` count as `minBins`.
    /// - Returns: no bins when no value is finite.
    public static func freedmanDiaconis(_ values: [Double], minBins: Int = 5, maxBins: Int) -> HistogramBinning {
        let finite = values.filter(\.isFinite).sorted()
        let skipped = values.count - finite.count
        guard let first = finite.first, let last = finite.last else {
            return HistogramBinning(edges: [], counts: [], skipped: skipped)
        }
        let low = max(1, minBins)
        let high = max(low, maxBins)
        let (lower, upper) = paddedRange(lower: first, upper: last)
        let n = Double(finite.count)
        let iqr = quantile(finite, 0.75) - quantile(finite, 0.25)
        var bins: Int
        if iqr > 0 {
            let width = 2 * iqr / cbrt(n)
            let exact = ((upper - lower) / width).rounded(.up)
            bins = exact.isFinite ? Int(min(exact, Double(high))) : high
        } else {
            bins = Int(log2(n).rounded(.up)) + 1
        }
        bins = min(max(bins, low), high)
        return binned(finite, lower: lower, upper: upper, bins: bins, skipped: skipped)
    }

    /// Counts sorted finite values into `bins` equal bins over `lower…upper`.
    private static func binned(_ sorted: [Double], lower: Double, upper: Double, bins: Int, skipped: Int) -> HistogramBinning {
        let width = (upper - lower) / Double(bins)
        let edges = (0...bins).map { $0 == bins ? upper : lower + Double($0) * width }
        var counts = [Int](repeating: 0, count: bins)
        for value in sorted {
            let index = Int(((value - lower) / (upper - lower) * Double(bins)).rounded(.down))
            counts[min(max(index, 0), bins - 1)] += 1
        }
        return HistogramBinning(edges: edges, counts: counts, skipped: skipped)
    }

    /// Linear interpolation between order statistics, as NumPy's `percentile` does by default.
    private static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + (sorted[above] - sorted[below]) * fraction
    }
}
