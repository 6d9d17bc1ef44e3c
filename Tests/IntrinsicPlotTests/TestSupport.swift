// Helpers shared by the plot tests: locating the plot area in a rendered grid.
@testable import IntrinsicPlot

/// The plot area of a rendered figure, found from its axis corner.
struct PlotArea {
    /// Column of the left axis line.
    var axisColumn: Int
    /// Row of the bottom axis line.
    var axisRow: Int
    /// First row with the left axis line.
    var top: Int
    /// First column right of the left axis.
    var left: Int { axisColumn + 1 }
    var bottom: Int { axisRow - 1 }
    /// Plot columns: up to the right axis, or the last horizontal axis character.
    var columns: Int
    var rows: Int { axisRow - top }
}

extension CellGrid {
    /// Returns every (x, y) whose cell contains `character`.
    func positions(of character: Character) -> [(x: Int, y: Int)] {
        var result: [(x: Int, y: Int)] = []
        for y in 0..<height {
            for x in 0..<width where self[x, y].character == character {
                result.append((x, y))
            }
        }
        return result
    }

    /// Finds the plot area of a Unicode rendering from its "└" corner.
    func plotArea() -> PlotArea? {
        guard let corner = positions(of: "└").first else { return nil }
        var top = corner.y
        while top > 0, ["│", "┤"].contains(self[corner.x, top - 1].character) { top -= 1 }
        var end = corner.x + 1
        while end < width, ["─", "┬"].contains(self[end, corner.y].character) { end += 1 }
        return PlotArea(axisColumn: corner.x, axisRow: corner.y, top: top, columns: end - corner.x - 1)
    }

    /// Returns the first row, from the top, whose text contains `text`.
    func row(containing text: String) -> Int? {
        (0..<height).first { line($0).contains(text) }
    }
}

/// Height of a block-element column, in eighths of a cell, from `bottom` upward.
func barEighths(_ grid: CellGrid, x: Int, bottom: Int) -> Int {
    let eighths: [Character: Int] = ["▁": 1, "▂": 2, "▃": 3, "▄": 4, "▅": 5, "▆": 6, "▇": 7, "█": 8]
    var total = 0
    var y = bottom
    while y >= 0, let fill = eighths[grid[x, y].character] {
        total += fill
        y -= 1
    }
    return total
}

/// A small linear congruential generator so test data is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
}
