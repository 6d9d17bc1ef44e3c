// "Nice" axis ticks: steps of 1, 2 or 5 × 10^k, and padding for empty ranges.
import Foundation

/// Tick values for one axis and the range they label.
public struct TickSet: Sendable, Equatable {
    /// The axis range: the data range widened to whole steps when the ticks were loose.
    public var lower: Double
    public var upper: Double
    /// Distance between ticks, 1, 2 or 5 × 10^k (or a multiple of `minimumStep`).
    public var step: Double
    /// Ticks in increasing order, all inside `lower…upper`.
    public var values: [Double]
}

/// Computes ticks at multiples of a nice step (1, 2 or 5 × 10^k).
///
/// - Parameters:
///   - lower, upper: the data range; an empty or inverted range is padded by `paddedRange`.
///   - maxCount: the most ticks wanted, ≥ 2 (smaller values count as 2).
///   - loose: true widens the range outward to the nearest ticks, so the first and last
///     tick are the axis ends and cover the data; false keeps the range and places ticks
///     inside it.
///   - minimumStep: the smallest allowed step, for example 1 for counts and indices.
/// - Returns: the ticks and the final axis range.
public func niceTicks(lower: Double, upper: Double, maxCount: Int, loose: Bool, minimumStep: Double = 0) -> TickSet {
    let (low, high) = paddedRange(lower: lower, upper: upper)
    let wanted = max(2, maxCount)
    let span = high - low
    guard span.isFinite, span > 0 else {
        return TickSet(lower: low, upper: high, step: 1, values: [])
    }
    let rough = span / Double(wanted - 1)
    var magnitude = pow(10, (log10(rough)).rounded(.down))
    var step = magnitude
    // Walk 1, 2, 5, 10, 20, … until the ticks fit into `wanted`.
    search: while true {
        for multiplier in [1.0, 2.0, 5.0] {
            step = max(multiplier * magnitude, minimumStep)
            let (first, last) = tickIndexRange(low: low, high: high, step: step, loose: loose)
            if last - first + 1 <= Double(wanted) { break search }
        }
        magnitude *= 10
    }

    var (first, last) = tickIndexRange(low: low, high: high, step: step, loose: loose)
    // A narrow inside range can hold no multiple of the step: halve until one fits.
    var halvings = 0
    while !loose, last < first, halvings < 8, step / 2 >= minimumStep {
        step /= 2
        (first, last) = tickIndexRange(low: low, high: high, step: step, loose: loose)
        halvings += 1
    }
    guard last >= first else { return TickSet(lower: low, upper: high, step: step, values: []) }

    // Multiplying integer indices by the step avoids accumulating rounding errors.
    let values = stride(from: first, through: last, by: 1).map { index -> Double in
        let value = index * step
        return abs(value) < step * 1e-9 ? 0 : value
    }
    if loose {
        return TickSet(lower: min(low, values[0]), upper: max(high, values[values.count - 1]), step: step, values: values)
    }
    return TickSet(lower: low, upper: high, step: step, values: values)
}

/// Indices k of the ticks k × step: loose ticks enclose the range, inside ticks lie within it.
private func tickIndexRange(low: Double, high: Double, step: Double, loose: Bool) -> (Double, Double) {
    // A relative slack keeps values such as 0.3 / 0.1 = 2.9999999999999996 on their tick.
    let slack = 1e-9
    if loose {
        return ((low / step + slack).rounded(.down), (high / step - slack).rounded(.up))
    }
    return ((low / step - slack).rounded(.up), (high / step + slack).rounded(.down))
}

/// Widens a range that is empty, inverted or not finite so that mapping onto it never
/// divides by zero.
///
/// An empty range at v becomes v ± 10 % of |v| (± 0.5 at zero), so a single value sits in
/// the middle of the axis.
public func paddedRange(lower: Double, upper: Double) -> (lower: Double, upper: Double) {
    var low = lower.isFinite ? lower : 0
    var high = upper.isFinite ? upper : low
    if high < low { swap(&low, &high) }
    let scale = max(abs(low), abs(high))
    if high - low <= scale * 1e-12 {
        let pad = scale > 0 ? scale * 0.1 : 0.5
        return (low - pad, high + pad)
    }
    if !(high - low).isFinite {
        // Halving both ends keeps the span representable, at the cost of clipping the extremes.
        return (low / 2, high / 2)
    }
    return (low, high)
}
