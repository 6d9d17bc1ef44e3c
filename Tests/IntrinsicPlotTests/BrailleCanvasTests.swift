// Tests of the data-to-dot mapping, the Braille bit table and the dot canvas.
import Testing
@testable import IntrinsicPlot

@Suite("Braille canvas")
struct BrailleCanvasTests {
    @Test("dot mapping puts corners on the edge dots")
    func dotMappingCorners() {
        let mapping = DotMapping(xRange: 0...10, yRange: -1...1, dotColumns: 40, dotRows: 20)
        #expect(mapping.dot(x: 0, y: -1)! == (0, 19))
        #expect(mapping.dot(x: 10, y: 1)! == (39, 0))
        #expect(mapping.dot(x: 0, y: 1)! == (0, 0))
        #expect(mapping.dot(x: 10, y: -1)! == (39, 19))
        // Halfway rounds to the nearest dot: 0.5 · 39 = 19.5 → 20; 0.5 · 19 = 9.5 → 10 from the bottom.
        #expect(mapping.dot(x: 5, y: 0)! == (20, 9))
        #expect(mapping.dot(x: 11, y: 0) == nil)
        #expect(mapping.dot(x: .nan, y: 0) == nil)
    }

    @Test("dot mapping of an empty range uses its middle")
    func dotMappingEmptyRange() {
        let mapping = DotMapping(xRange: 3...3, yRange: 3...3, dotColumns: 5, dotRows: 9)
        #expect(mapping.dot(x: 3, y: 3)! == (2, 4))
    }

    @Test("Braille bits follow the Unicode dot numbering", arguments: [
        // (column, row, dot number)
        (0, 0, 1), (0, 1, 2), (0, 2, 3), (1, 0, 4), (1, 1, 5), (1, 2, 6), (0, 3, 7), (1, 3, 8),
    ])
    func brailleBitTable(column: Int, row: Int, dot: Int) {
        // Unicode sets bit (dot − 1) for dot number `dot`.
        #expect(BrailleDots.bit(column: column, row: row) == UInt8(1) << (dot - 1))
        let scalar = BrailleDots.character(BrailleDots.bit(column: column, row: row)).unicodeScalars.first!
        #expect(scalar.value == 0x2800 + (UInt32(1) << (dot - 1)))
    }

    @Test("canvas dot lands in its cell and bit")
    func canvasDotCell() {
        var canvas = DotCanvas(columns: 3, rows: 2)
        let layer = canvas.addLayer(role: .series(4))
        canvas.set(column: 5, row: 6, layer: layer)  // cell (2, 1), right column, third row: dot 6
        var grid = CellGrid(width: 3, height: 2)
        canvas.draw(into: &grid, left: 0, top: 0, glyphs: .unicode)
        #expect(grid[2, 1].character == "\u{2820}")
        #expect(grid[2, 1].role == .series(4))
        #expect(grid[0, 0].character == " ")
    }

    @Test("cell colour goes to the layer with most dots, ties to the latest")
    func canvasColourRule() {
        var canvas = DotCanvas(columns: 2, rows: 1)
        let first = canvas.addLayer(role: .series(0))
        let second = canvas.addLayer(role: .series(1))
        canvas.set(column: 0, row: 0, layer: first)
        canvas.set(column: 0, row: 1, layer: first)
        canvas.set(column: 1, row: 0, layer: second)
        // Cell 1: one dot each, the second layer drew last.
        canvas.set(column: 2, row: 0, layer: first)
        canvas.set(column: 3, row: 0, layer: second)
        var grid = CellGrid(width: 2, height: 1)
        canvas.draw(into: &grid, left: 0, top: 0, glyphs: .unicode)
        #expect(grid[0, 0].role == .series(0))
        #expect(grid[0, 0].character == "\u{280B}")
        #expect(grid[1, 0].role == .series(1))
    }

    @Test("guide layer colours a cell only when alone")
    func canvasGuidePriority() {
        var canvas = DotCanvas(columns: 1, rows: 1)
        let guide = canvas.addLayer(role: .muted, priority: 0)
        let points = canvas.addLayer(role: .series(2))
        canvas.set(column: 0, row: 0, layer: guide)
        canvas.set(column: 0, row: 1, layer: guide)
        canvas.set(column: 1, row: 3, layer: points)
        var grid = CellGrid(width: 1, height: 1)
        canvas.draw(into: &grid, left: 0, top: 0, glyphs: .unicode)
        #expect(grid[0, 0].role == .series(2))
    }

    @Test("scatter points land in the right Braille dots")
    func scatterKnownPoints() throws {
        // The data range 0…10 is already on nice ticks, so the axes keep it exactly.
        let data = ScatterData(x: [0, 10, 0, 10, 5], y: [0, 10, 10, 0, 5])
        let grid = Figure.scatter(data).render(width: 40, height: 14)
        let area = try #require(grid.plotArea())
        let right = area.left + area.columns - 1
        #expect(grid[area.left, area.bottom].character == "\u{2840}")  // dot 7: bottom left
        #expect(grid[right, area.bottom].character == "\u{2880}")  // dot 8: bottom right
        #expect(grid[area.left, area.top].character == "\u{2801}")  // dot 1: top left
        #expect(grid[right, area.top].character == "\u{2808}")  // dot 4: top right
        #expect(grid.line(area.top).hasPrefix("10┤"))
        #expect(grid.line(area.bottom).hasPrefix(" 0┤"))

        let mapping = DotMapping(xRange: 0...10, yRange: 0...10, dotColumns: area.columns * 2, dotRows: area.rows * 4)
        let middle = try #require(mapping.dot(x: 5, y: 5))
        let cell = BrailleDots.cell(dotColumn: middle.column, dotRow: middle.row)
        #expect(grid[area.left + cell.x, area.top + cell.y].character == BrailleDots.character(cell.bit))
    }
}
