// The drawing target of every pane: the curses screen, or a headless grid for tests.

import IntrinsicApp
import IntrinsicPlot

/// Something panes draw on: a `width × height` grid of single-width cells with theme roles.
///
/// Text is clipped at the edges. Each `Character` takes one cell, so callers must not draw
/// double-width characters.
@MainActor
public protocol Surface: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// Blanks every cell.
    func clear()
    /// Writes `text` from column `x` of row `y` in `role`, clipped at the right edge.
    func put(_ text: String, x: Int, y: Int, role: ThemeRole, bold: Bool)
    /// Copies a rendered plot with its top-left corner at `(x, y)`.
    func blit(_ grid: CellGrid, x: Int, y: Int)
}

extension Surface {
    public func put(_ text: String, x: Int, y: Int, role: ThemeRole = .text) {
        put(text, x: x, y: y, role: role, bold: false)
    }

    /// Default `blit`: one `put` per run of cells that share a role and weight, so a
    /// terminal gets few attribute changes.
    public func blit(_ grid: CellGrid, x: Int, y: Int) {
        for row in 0..<grid.height {
            var start = 0
            var run = ""
            for column in 0..<grid.width {
                let cell = grid[column, row]
                if column > start {
                    let first = grid[start, row]
                    if first.role != cell.role || first.bold != cell.bold {
                        put(run, x: x + start, y: y + row, role: ThemeRole.plot(first.role), bold: first.bold)
                        run = ""
                        start = column
                    }
                }
                run.append(cell.character)
            }
            if !run.isEmpty {
                let first = grid[start, row]
                put(run, x: x + start, y: y + row, role: ThemeRole.plot(first.role), bold: first.bold)
            }
        }
    }

    /// Fills a rectangle with spaces in `role`.
    func fill(x: Int, y: Int, width: Int, height: Int, role: ThemeRole = .text) {
        guard width > 0, height > 0 else { return }
        let blank = String(repeating: " ", count: width)
        for row in y..<(y + height) { put(blank, x: x, y: row, role: role, bold: false) }
    }
}

/// One cell of a `ScreenModel`.
public struct ModelCell: Equatable, Sendable {
    public var character: Character
    public var role: ThemeRole
    public var bold: Bool
}

/// A headless `Surface`: a grid of characters and roles that tests inspect.
@MainActor
public final class ScreenModel: Surface {
    public let width: Int
    public let height: Int
    public private(set) var cells: [ModelCell]

    public init(width: Int, height: Int) {
        precondition(width >= 0 && height >= 0, "ScreenModel size must be non-negative, got \(width)×\(height)")
        self.width = width
        self.height = height
        cells = Array(repeating: ModelCell(character: " ", role: .text, bold: false), count: width * height)
    }

    public func clear() {
        for i in cells.indices { cells[i] = ModelCell(character: " ", role: .text, bold: false) }
    }

    public func put(_ text: String, x: Int, y: Int, role: ThemeRole, bold: Bool) {
        guard y >= 0, y < height else { return }
        var column = x
        for character in text {
            if column >= width { break }
            if column >= 0 { cells[y * width + column] = ModelCell(character: character, role: role, bold: bold) }
            column += 1
        }
    }

    public subscript(x: Int, y: Int) -> ModelCell { cells[y * width + x] }

    /// Row `y` as text, trailing spaces kept.
    public func line(_ y: Int) -> String {
        String(cells[(y * width)..<((y + 1) * width)].map(\.character))
    }

    /// The whole screen as text, one line per row, trailing spaces removed.
    public var text: String {
        (0..<height).map { y in
            var s = line(y)
            while s.last == " " { s.removeLast() }
            return s
        }.joined(separator: "\n")
    }

    /// The position of the first occurrence of `needle` on a single row, scanning from the top.
    public func find(_ needle: String) -> (x: Int, y: Int)? {
        for y in 0..<height {
            let row = line(y)
            if let range = row.range(of: needle) {
                return (row.distance(from: row.startIndex, to: range.lowerBound), y)
            }
        }
        return nil
    }
}
