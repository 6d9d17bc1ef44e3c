// Maps data coordinates to dot coordinates, and dot coordinates to Braille cells and bits.

/// A linear map from a data rectangle onto a grid of dots, row 0 at the top.
///
/// x grows to the right and y upward: `xRange.lowerBound` maps to dot column 0,
/// `xRange.upperBound` to column `dotColumns - 1`, `yRange.upperBound` to dot row 0 and
/// `yRange.lowerBound` to row `dotRows - 1`. Values in between round to the nearest dot.
public struct DotMapping: Sendable, Equatable {
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    public let dotColumns: Int
    public let dotRows: Int

    /// - Parameters:
    ///   - xRange, yRange: the data window; an empty range maps every value to its middle.
    ///   - dotColumns, dotRows: dots across and down (2 and 4 per cell for Braille), ≥ 1.
    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, dotColumns: Int, dotRows: Int) {
        precondition(dotColumns >= 1 && dotRows >= 1, "DotMapping needs at least one dot, got \(dotColumns)×\(dotRows)")
        self.xRange = xRange
        self.yRange = yRange
        self.dotColumns = dotColumns
        self.dotRows = dotRows
    }

    /// The dot column of `x`, or nil when `x` is outside `xRange` or not finite.
    public func column(_ x: Double) -> Int? {
        guard let f = Self.fraction(x, in: xRange) else { return nil }
        return Int((f * Double(dotColumns - 1)).rounded())
    }

    /// The dot row of `y` (0 at the top), or nil when `y` is outside `yRange` or not finite.
    public func row(_ y: Double) -> Int? {
        guard let f = Self.fraction(y, in: yRange) else { return nil }
        return (dotRows - 1) - Int((f * Double(dotRows - 1)).rounded())
    }

    /// The dot of a data point, or nil when the point is outside the window.
    public func dot(x: Double, y: Double) -> (column: Int, row: Int)? {
        guard let column = column(x), let row = row(y) else { return nil }
        return (column, row)
    }

    private static func fraction(_ value: Double, in range: ClosedRange<Double>) -> Double? {
        guard value.isFinite, range.contains(value) else { return nil }
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return 0.5 }
        return (value - range.lowerBound) / span
    }
}

/// The Unicode Braille patterns (U+2800 … U+28FF): a cell of 2 × 4 dots, one bit per dot.
///
/// Dot numbers and bits, as Unicode assigns them:
///
///     column:   left        right
///     row 0:    dot 1 = 0   dot 4 = 3
///     row 1:    dot 2 = 1   dot 5 = 4
///     row 2:    dot 3 = 2   dot 6 = 5
///     row 3:    dot 7 = 6   dot 8 = 7
///
/// Dots 7 and 8 came later than the six-dot cell, which is why the bottom row does not
/// continue the column order.
public enum BrailleDots {
    /// Bit masks indexed by `row * 2 + column` inside the cell.
    static let bitTable: [UInt8] = [
        1 << 0, 1 << 3,
        1 << 1, 1 << 4,
        1 << 2, 1 << 5,
        1 << 6, 1 << 7,
    ]

    /// The bit of the dot at `column` (0…1) and `row` (0…3, top to bottom) inside one cell.
    public static func bit(column: Int, row: Int) -> UInt8 {
        precondition((0...1).contains(column) && (0...3).contains(row), "Braille dot (\(column), \(row)) is outside the 2×4 cell")
        return bitTable[row &* 2 &+ column]
    }

    /// The Braille character with the dots of `bits` raised.
    public static func character(_ bits: UInt8) -> Character {
        GlyphSet.unicode.dots[Int(bits)]
    }

    /// The cell and bit holding dot (`dotColumn`, `dotRow`) of a canvas.
    public static func cell(dotColumn: Int, dotRow: Int) -> (x: Int, y: Int, bit: UInt8) {
        (dotColumn >> 1, dotRow >> 2, bitTable[(dotRow & 3) &* 2 &+ (dotColumn & 1)])
    }
}
