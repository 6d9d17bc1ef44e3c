// Tests that odd inputs render a message or a plot, never a crash or a NaN label.
import Testing
@testable import IntrinsicPlot

@Suite("Degenerate inputs")
struct DegenerateInputTests {
    static let styles = [RenderStyle(), RenderStyle(unicode: false), RenderStyle(density: true), RenderStyle(logScale: true, bars: false)]

    static let oddFigures: [(name: String, figure: Figure)] = [
        ("empty scatter", .scatter(ScatterData(x: [], y: []))),
        ("single point", .scatter(ScatterData(x: [3], y: [-2], categories: ["a"]))),
        ("all equal", .scatter(ScatterData(x: [1, 1, 1], y: [0, 0, 0]))),
        ("non-finite", .scatter(ScatterData(x: [1, .nan, 3, .infinity, 2], y: [1, 2, -.infinity, 4, 2]))),
        ("only NaN", .scatter(ScatterData(x: [.nan], y: [.nan]))),
        ("huge range", .scatter(ScatterData(x: [-1e308, 1e308], y: [1e-300, 2e-300]))),
        ("category count mismatch", .scatter(ScatterData(x: [1, 2], y: [1, 2], categories: ["a"]))),
        ("empty spectrum", .spectrum(SpectrumData(values: [], quantity: "v"))),
        ("zero spectrum", .spectrum(SpectrumData(values: [0, 0, 0], quantity: "v", cumulative: [0, 0, 0]))),
        ("single value", .spectrum(SpectrumData(values: [2], quantity: "v", cumulative: [1]))),
        ("NaN spectrum", .spectrum(SpectrumData(values: [.nan, 1, -.infinity], quantity: "v", cumulative: [.nan]))),
        ("empty diagram", .persistenceDiagram(DiagramData(dimensions: [], pairs: []))),
        ("only essential", .persistenceDiagram(DiagramData(dimensions: [0], pairs: [[(0, .infinity)]]))),
        ("zero pairs", .persistenceDiagram(DiagramData(dimensions: [0, 1], pairs: [[(0, 0)], [(0, 0)]]))),
        ("NaN pairs", .barcode(DiagramData(dimensions: [0], pairs: [[(.nan, 1), (0, .nan), (0.5, 1)]]))),
        ("empty barcode", .barcode(DiagramData(dimensions: [0], pairs: [[]]))),
        ("empty histogram", .histogram(HistogramData(values: [], title: "h"))),
        ("constant histogram", .histogram(HistogramData(values: [4, 4, 4], title: "h", marker: 4))),
        ("NaN histogram", .histogram(HistogramData(values: [.nan, .infinity], title: "h", marker: .nan))),
        ("marker outside", .histogram(HistogramData(values: [1, 2, 3], title: "h", marker: 99))),
    ]

    @Test("odd data never prints NaN", arguments: oddFigures.map(\.name))
    func noNaNLabels(name: String) {
        let figure = Self.oddFigures.first { $0.name == name }!.figure
        for style in Self.styles {
            for size in [(60, 20), (20, 5), (21, 6), (200, 60)] {
                let grid = figure.render(width: size.0, height: size.1, style: style)
                #expect(grid.width == size.0)
                #expect(grid.height == size.1)
                let text = grid.text
                // Messages spell "NaN"; a lower-case "nan" can only come from formatting a number.
                #expect(!text.contains("nan"), "\(name) at \(size): \(text)")
                #expect(!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(name) at \(size) drew nothing")
            }
        }
    }

    static let emptyFigures: [String: (Figure, String)] = [
        "scatter": (.scatter(ScatterData(x: [], y: [])), "no points"),
        "spectrum": (.spectrum(SpectrumData(values: [], quantity: "v")), "no values"),
        "diagram": (.persistenceDiagram(DiagramData(dimensions: [], pairs: [])), "no pairs"),
        "barcode": (.barcode(DiagramData(dimensions: [0], pairs: [[]])), "no pairs"),
        "histogram": (.histogram(HistogramData(values: [], title: "h")), "no values"),
    ]

    @Test("empty data shows a centred message", arguments: emptyFigures.keys.sorted())
    func emptyMessage(kind: String) {
        let (figure, message) = Self.emptyFigures[kind]!
        let grid = figure.render(width: 41, height: 11)
        let line = grid.line(5)
        let start = line.distance(from: line.startIndex, to: line.range(of: message)!.lowerBound)
        let end = start + message.count
        #expect(abs(start - (41 - end)) <= 1, "'\(line)' is not centred")
        #expect(grid.text.trimmingCharacters(in: .whitespacesAndNewlines) == message)
    }

    @Test("non-finite points are skipped and counted")
    func skippedPoints() {
        let data = ScatterData(x: [1, .nan, 3, .infinity, 2], y: [1, 2, -.infinity, 4, 2])
        let text = Figure.scatter(data).render(width: 60, height: 20).text
        #expect(text.contains("3 of 5 points skipped: NaN or infinite coordinates"))
        let dots = text.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
        #expect(dots.count == 2)
    }

    @Test("tiny grids get a one-line message", arguments: [(19, 30), (80, 4), (5, 2), (0, 0), (-3, 10)])
    func tooSmall(width: Int, height: Int) {
        for figure in FigureTests.sampleFigures() {
            let grid = figure.render(width: width, height: height)
            #expect(grid.width == max(0, width))
            #expect(grid.height == max(0, height))
            guard height > 0 else { continue }
            let expected = "plot too small (\(max(0, width))×\(height), needs at least 20×5)"
            #expect(grid.line(0) == String(expected.prefix(max(0, width))) + String(repeating: " ", count: max(0, width - expected.count)))
            #expect((1..<height).allSatisfy { grid.line($0).allSatisfy { $0 == " " } })
        }
    }

    @Test("smallest allowed grid draws every figure")
    func smallestGrid() {
        for figure in FigureTests.sampleFigures() {
            let text = figure.render(width: 20, height: 5).text
            #expect(!text.contains("too small"), "\(figure.kind): \(text)")
            #expect(text.contains("└"), "\(figure.kind) has no axes: \(text)")
        }
    }
}
