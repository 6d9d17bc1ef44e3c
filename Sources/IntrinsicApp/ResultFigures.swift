// Turns a method's artifacts into the figures the TUI and batch mode draw.

import Foundation
import IntrinsicCore
import IntrinsicPlot

public enum ResultFigures {
    /// Builds the figures for a result, the default view first. An embedding is coloured by
    /// the data set's labels when it has them. Diagrams give a persistence diagram and a
    /// barcode. An estimate with per-point values gives a histogram marked at the global value.
    public static func figures(for result: MethodResult, dataset: Dataset) -> [Figure] {
        var figures: [Figure] = []
        for artifact in result.artifacts {
            switch artifact {
            case .embedding(let embedding):
                figures.append(.scatter(scatter(embedding, labels: dataset.labels)))
            case .spectrum(let spectrum):
                var cumulative: [Double]?
                if let ratios = spectrum.ratios {
                    var total = 0.0
                    cumulative = ratios.map { total += $0; return total }
                }
                figures.append(.spectrum(SpectrumData(values: spectrum.values, quantity: spectrum.quantity, cumulative: cumulative)))
            case .diagrams(let diagrams):
                let data = DiagramData(
                    dimensions: diagrams.map(\.dimension),
                    pairs: diagrams.map { $0.pairs.map { (birth: $0.birth, death: $0.death) } })
                figures.append(.persistenceDiagram(data))
                figures.append(.barcode(data))
            case .estimate(let estimate):
                if let pointwise = estimate.pointwise, !pointwise.isEmpty {
                    let title = "\(estimate.pointwiseName ?? "per-point value") (\(estimate.name) \(formatValue(estimate.value)))"
                    figures.append(.histogram(HistogramData(values: pointwise, title: title, marker: estimate.value)))
                }
            }
        }
        return figures
    }

    /// Formats one line per scalar of the result for the results pane, such as "dimension = 6.84".
    public static func summaryLines(for result: MethodResult) -> [String] {
        var lines: [String] = []
        for artifact in result.artifacts {
            switch artifact {
            case .estimate(let e):
                lines.append("\(e.name) = \(formatValue(e.value))")
            case .spectrum(let s):
                let top = s.values.prefix(5).map(formatValue).joined(separator: ", ")
                lines.append("\(s.quantity): \(top)\(s.values.count > 5 ? ", …" : "") (\(s.values.count) values)")
                if let ratios = s.ratios, ratios.count >= 2 {
                    lines.append("first two components explain \(formatPercent(ratios[0] + ratios[1]))")
                }
            case .diagrams(let diagrams):
                for d in diagrams {
                    let essential = d.pairs.filter { !$0.death.isFinite }.count
                    let longest = d.pairs.filter { $0.death.isFinite }.map(\.persistence).max()
                    var line = "H\(d.dimension): \(d.pairs.count) pairs, \(essential) essential"
                    if let longest { line += ", longest finite \(formatValue(longest))" }
                    lines.append(line)
                }
            case .embedding(let e):
                lines.append("embedding: \(e.rows) points × \(e.dimensions) dimensions")
            }
        }
        return lines
    }

    static func scatter(_ embedding: Embedding, labels: [String]?) -> ScatterData {
        let d = embedding.dimensions
        let x = (0..<embedding.rows).map { embedding.coordinates[$0 * d] }
        let y = (0..<embedding.rows).map { d > 1 ? embedding.coordinates[$0 * d + 1] : 0 }
        return ScatterData(
            x: x, y: y, categories: labels,
            xTitle: embedding.axisNames.first ?? "", yTitle: embedding.axisNames.count > 1 ? embedding.axisNames[1] : "")
    }
}

/// Formats a value with about four significant digits for display.
public func formatValue(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "-∞") }
    if x == 0 { return "0" }
    let magnitude = abs(x)
    if magnitude >= 1e5 || magnitude < 1e-3 {
        return String(format: "%.3e", x)
    }
    var text = String(format: "%.4g", x)
    if text.contains("e") { text = String(format: "%.3f", x) }
    return text
}

func formatPercent(_ fraction: Double) -> String {
    String(format: "%.1f %%", fraction * 100)
}
