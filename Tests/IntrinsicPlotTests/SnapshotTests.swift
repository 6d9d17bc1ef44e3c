// Plain-text snapshots of every figure kind at a fixed size, kept in Snapshots/.
import Foundation
import Testing
@testable import IntrinsicPlot

/// Compares `text` with `Snapshots/<name>.txt` beside this file.
///
/// Run the tests with RECORD_SNAPSHOTS=1 to write the current output instead; recording
/// fails the test so that it cannot pass unnoticed. A differing snapshot means the
/// rendering changed: review the diff (`git diff Tests/IntrinsicPlotTests/Snapshots`)
/// and record again if the new output is intended. A difference is not necessarily a bug.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
        .appendingPathComponent("\(name).txt")
    let content = text + "\n"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try content.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name).txt; run again without RECORD_SNAPSHOTS to compare", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("snapshot \(url.path) is missing; record it with RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests", sourceLocation: sourceLocation)
        return
    }
    if expected != content {
        Issue.record("""
            \(name) differs from its snapshot; review the change and re-record with RECORD_SNAPSHOTS=1 if intended.
            expected:
            \(expected)
            actual:
            \(content)
            """, sourceLocation: sourceLocation)
    }
}

@Suite("Snapshots")
struct SnapshotTests {
    /// Two clusters on a seeded generator, labelled "2" and "10" to show the natural order.
    static func clusters() -> ScatterData {
        var generator = SeededGenerator(state: 11)
        var x: [Double] = []
        var y: [Double] = []
        var labels: [String] = []
        for index in 0..<240 {
            let first = index % 2 == 0
            x.append((first ? -2 : 3) + Double.random(in: -1.5...1.5, using: &generator))
            y.append((first ? 1 : -1) + Double.random(in: -1...1, using: &generator))
            labels.append(first ? "10" : "2")
        }
        return ScatterData(x: x, y: y, categories: labels, xTitle: "PC1", yTitle: "PC2", title: "two clusters")
    }

    static func spectrum() -> SpectrumData {
        let values = (0..<12).map { 8 * pow(0.6, Double($0)) }
        let total = values.reduce(0, +)
        var sum = 0.0
        return SpectrumData(values: values, quantity: "explained variance", cumulative: values.map { sum += $0; return sum / total })
    }

    static func diagram() -> DiagramData {
        DiagramData(dimensions: [0, 1], pairs: [
            [(0, 0.3), (0, 0.5), (0, 0.9), (0, 1.4), (0, .infinity)],
            [(0.8, 1.1), (1.0, 2.2), (1.6, 1.9), (1.2, .infinity)],
        ])
    }

    static func histogram() -> HistogramData {
        var generator = SeededGenerator(state: 5)
        let values = (0..<400).map { _ in (0..<3).map { _ in Double.random(in: 0...2, using: &generator) }.reduce(0, +) }
        return HistogramData(values: values, title: "local dimension", marker: 3)
    }

    static let cases: [String: (Figure, RenderStyle)] = [
        "scatter": (.scatter(clusters()), RenderStyle()),
        "scatter-ascii": (.scatter(clusters()), RenderStyle(unicode: false)),
        "scatter-density": (.scatter(clusters()), RenderStyle(density: true)),
        "spectrum": (.spectrum(spectrum()), RenderStyle()),
        "spectrum-log-line": (.spectrum(spectrum()), RenderStyle(logScale: true, bars: false)),
        "diagram": (.persistenceDiagram(diagram()), RenderStyle()),
        "diagram-ascii": (.persistenceDiagram(diagram()), RenderStyle(unicode: false)),
        "barcode": (.barcode(diagram()), RenderStyle()),
        "histogram": (.histogram(histogram()), RenderStyle()),
        "histogram-ascii": (.histogram(histogram()), RenderStyle(unicode: false)),
    ]

    @Test("figure matches its snapshot", arguments: cases.keys.sorted())
    func snapshot(name: String) throws {
        let (figure, style) = Self.cases[name]!
        try assertSnapshot(figure.render(width: 64, height: 20, style: style).text, named: name)
    }
}
