// Tests of the ANSI colour output of a cell grid.
import Testing
@testable import IntrinsicPlot

@Suite("ANSI text")
struct AnsiTextTests {
    @Test("styles change only where roles change and lines end reset")
    func sequences() {
        var grid = CellGrid(width: 6, height: 2)
        grid.put("ab", x: 0, y: 0, role: .series(0))
        grid.put("c", x: 2, y: 0, role: .series(0), bold: true)
        grid.put("d", x: 3, y: 0)
        grid.put("x", x: 0, y: 1)
        let colors: (ColorRole) -> String? = { role in
            if case .series(let n) = role { return "3\(n + 1)" }
            return nil
        }
        let lines = grid.ansiText(colors: colors).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "\u{1B}[31mab\u{1B}[0m\u{1B}[1;31mc\u{1B}[0md")
        #expect(lines[1] == "x")
    }

    @Test("no colours and no bold gives the plain text")
    func plain() {
        // The diagram sample has no title, the only bold text.
        let figure = FigureTests.sampleFigures()[2]
        let grid = figure.render(width: 60, height: 20)
        #expect(grid.ansiText { _ in nil } == grid.text)
    }

    @Test("a coloured line ends with a reset")
    func resetAtLineEnd() {
        let grid = FigureTests.sampleFigures()[2].render(width: 60, height: 20)
        let text = grid.ansiText { role in role == .normal ? nil : "2" }
        var styled = 0
        for line in text.split(separator: "\n") {
            guard let last = line.ranges(of: "\u{1B}[").last else { continue }
            styled += 1
            // The last sequence of a line must restore the default style.
            #expect(line[last.lowerBound...].hasPrefix("\u{1B}[0m"), "\(line.debugDescription)")
        }
        #expect(styled > 0)
    }
}
