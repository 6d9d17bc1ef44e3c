// Birth–death pairs cleaned for plotting: finite births, deaths finite or +∞.

/// One plottable pair of a persistence diagram.
struct PlotPair: Equatable {
    var dimension: Int
    var birth: Double
    /// `.infinity` for an essential class.
    var death: Double
    var isEssential: Bool { death == .infinity }
    /// Lifetime, infinite for essential classes.
    var persistence: Double { death - birth }
}

/// Pairs of all dimensions with the common filtration range of diagram and barcode.
struct PlotPairs {
    var pairs: [PlotPair] = []
    /// Pairs left out because a birth was not finite, or a death was NaN or -∞.
    var skipped = 0
    var lower = 0.0
    /// The largest finite birth or death, times 1.05 (from `lower`) so points on the
    /// maximum stay off the frame.
    var upper = 1.0

    init(_ data: DiagramData) {
        var low = 0.0
        var high = -Double.infinity
        for (dimension, list) in zip(data.dimensions, data.pairs) {
            for pair in list {
                guard pair.birth.isFinite, !pair.death.isNaN, pair.death != -.infinity else {
                    skipped += 1
                    continue
                }
                pairs.append(PlotPair(dimension: dimension, birth: pair.birth, death: pair.death))
                low = min(low, pair.birth)
                high = max(high, pair.birth)
                if pair.death.isFinite {
                    low = min(low, pair.death)
                    high = max(high, pair.death)
                }
            }
        }
        if !(high > low) { high = low + 1 }
        lower = low
        upper = low + (high - low) * 1.05
    }
}
