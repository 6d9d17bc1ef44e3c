// Vertical bars with eighth-cell heights in block elements, for spectra and histograms.

enum Bars {
    /// The height of `value` in eighths of a cell over `rows` rows, for the range
    /// `lower…upper`; a value above `lower` gets at least one eighth so it stays visible.
    static func eighths(_ value: Double, lower: Double, upper: Double, rows: Int) -> Int {
        guard value.isFinite, upper > lower, value > lower else { return 0 }
        let total = rows * 8
        let fraction = min(1, (value - lower) / (upper - lower))
        return min(total, max(1, Int((fraction * Double(total)).rounded())))
    }

    /// Draws a bar `eighths` high in column `x`, standing on row `bottom` and growing upward.
    static func draw(into grid: inout CellGrid, x: Int, bottom: Int, eighths: Int, role: ColorRole, glyphs: GlyphSet) {
        var left = eighths
        var row = bottom
        while left > 0 && row >= 0 {
            let fill = min(8, left)
            grid[x, row] = Cell(glyphs.upwardEighths[fill], role: role)
            left -= fill
            row -= 1
        }
    }
}
