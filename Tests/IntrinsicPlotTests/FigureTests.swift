// Tests of each figure kind: legends, diagonal, ∞ line, bars, log scale, histogram bins.
import Foundation
import Testing
@testable import IntrinsicPlot

@Suite("Figures")
struct FigureTests {
    static let allStyles = [RenderStyle(), RenderStyle(unicode: false), RenderStyle(density: true),
                            RenderStyle(unicode: false, density: true, logScale: true, bars: false)]

    static func sampleFigures() -> [Figure] {
        var generator = SeededGenerator(state: 7)
        let x = (0..<300).map { _ in Double.random(in: -3...3, using: &generator) }
        let y = x.map { $0 * $0 + Double.random(in: 0...1, using: &generator) }
        let categories = x.indices.map { String($0 % 12) }
        let diagram = DiagramData(
            dimensions: [0, 1],
            pairs: [[(0, 0.4), (0, 1.2), (0, .infinity)], [(0.8, 1.5), (1.0, .infinity)]])
        return [
            .scatter(ScatterData(x: x, y: y, categories: categories, xTitle: "x", yTitle: "y", title: "parabola")),
            .spectrum(SpectrumData(values: [5, 3, 1, 0.5, 0, 0.1], quantity: "variance", cumulative: [0.5, 0.8, 0.9, 0.95, 0.95, 1])),
            .persistenceDiagram(diagram),
            .barcode(diagram),
            .histogram(HistogramData(values: x, title: "x values", marker: 0.25)),
        ]
    }

    @Test("ASCII style writes only ASCII")
    func asciiOnly() {
        for figure in Self.sampleFigures() {
            for size in [(60, 20), (20, 5), (12, 3), (35, 9)] {
                for style in Self.allStyles where !style.unicode {
                    let text = figure.render(width: size.0, height: size.1, style: style).text
                    let foreign = text.unicodeScalars.filter { !$0.isASCII }
                    #expect(foreign.isEmpty, "\(figure.kind) \(size): \(String(String.UnicodeScalarView(foreign)))")
                }
            }
        }
    }

    @Test("scatter legend lists each category in natural order")
    func scatterLegend() {
        let labels = ["10", "2", "b", "a", "1"]
        let data = ScatterData(x: [0, 1, 2, 3, 4], y: [4, 3, 2, 1, 0], categories: labels)
        let grid = Figure.scatter(data).render(width: 80, height: 20)
        let rows = labels.map { label in grid.row(containing: "⣿ \(label)") }
        for (label, row) in zip(labels, rows) {
            #expect(row != nil, "legend misses \(label)")
        }
        // Natural order 1, 2, 10, a, b, one entry per row at the right.
        let ordered = [4, 1, 0, 3, 2].map { rows[$0] ?? -1 }
        #expect(ordered == ordered.sorted())
        #expect(Set(ordered).count == labels.count)
    }

    @Test("legend colours match the points")
    func legendColours() throws {
        let data = ScatterData(x: [0, 10], y: [0, 10], categories: ["q", "p"])
        let grid = Figure.scatter(data).render(width: 60, height: 16)
        let symbols = grid.positions(of: "⣿")
        #expect(symbols.count == 2)
        // "p" sorts first, so it is series 0 and the legend's first line.
        #expect(grid[symbols[0].x, symbols[0].y].role == .series(0))
        #expect(grid.line(symbols[0].y).hasSuffix("⣿ p"))
        let area = try #require(grid.plotArea())
        #expect(grid[area.left, area.bottom].role == .series(1))
        #expect(grid[area.left + area.columns - 1, area.top].role == .series(0))
    }

    @Test("legend that does not fit says how many are hidden")
    func legendTruncated() {
        let count = 60
        let labels = (0..<count).map { "cluster \($0)" }
        let data = ScatterData(x: labels.indices.map(Double.init), y: labels.indices.map(Double.init), categories: labels)
        for size in [(100, 20), (50, 20)] {
            let grid = Figure.scatter(data).render(width: size.0, height: size.1)
            let text = grid.text
            let shown = (0..<count).filter { text.contains("⣿ cluster \($0)\n") || text.contains("⣿ cluster \($0) ") || text.hasSuffix("⣿ cluster \($0)") }.count
            let match = text.firstMatch(of: /…\+(\d+) more/)
            #expect(match != nil, "no '…+N more' at \(size)")
            if let match {
                #expect(shown + Int(match.1)! == count, "\(shown) shown + \(match.1) hidden at \(size)")
            }
        }
    }

    @Test("persistence diagram draws the diagonal")
    func diagramDiagonal() throws {
        // Points far above the diagonal, so every diagonal cell belongs to the guide.
        let data = DiagramData(dimensions: [1], pairs: [[(0, 4), (0.2, 3.8)]])
        let grid = Figure.persistenceDiagram(data).render(width: 60, height: 22)
        let area = try #require(grid.plotArea())
        // Both axes span 0 … 4 · 1.05.
        let upper = 4 * 1.05
        let mapping = DotMapping(xRange: 0...upper, yRange: 0...upper, dotColumns: area.columns * 2, dotRows: area.rows * 4)
        for fraction in stride(from: 0.0, through: 1.0, by: 0.125) {
            let value = fraction * upper
            let dot = try #require(mapping.dot(x: value, y: value))
            let cell = grid[area.left + dot.column / 2, area.top + dot.row / 4]
            // Bresenham's line may pass one dot off the rounded point, but stays in its cell.
            #expect(cell.role == .muted, "diagonal at \(value)")
            #expect((0x2801...0x28FF).contains(cell.character.unicodeScalars.first!.value), "diagonal at \(value)")
        }
        #expect(grid.row(containing: "⣿ H1") != nil)
    }

    @Test("essential classes sit on the ∞ line")
    func diagramEssential() throws {
        let data = DiagramData(dimensions: [0, 1], pairs: [[(0, 1), (0, 2), (0, .infinity)], [(1.5, .infinity)]])
        let grid = Figure.persistenceDiagram(data).render(width: 60, height: 20)
        let infinityRow = try #require(grid.row(containing: "∞│"))
        let area = try #require(grid.plotArea())
        #expect(area.top == infinityRow)
        let axisColumn = area.axisColumn
        let upper = 2 * 1.05
        let columns = area.columns
        let mapping = DotMapping(xRange: 0...upper, yRange: 0...upper, dotColumns: columns * 2, dotRows: 4)
        for (birth, dimension) in [(0.0, 0), (1.5, 1)] {
            let x = axisColumn + 1 + mapping.column(birth)! / 2
            #expect(grid[x, infinityRow].role == .series(dimension), "essential H\(dimension) at birth \(birth)")
        }
        // No H1 point anywhere below the ∞ line: its only class is essential.
        for y in (infinityRow + 1)..<grid.height {
            for x in 0..<grid.width where grid[x, y].role == .series(1) {
                #expect(grid[x, y].character == "⣿", "H1 cell at (\(x), \(y)) outside the legend")
            }
        }
    }

    @Test("spectrum bars fall with a descending spectrum")
    func spectrumMonotone() throws {
        for count in [8, 64, 150] {
            let values = (0..<count).map { 10 * exp(-Double($0) / 9) }
            let grid = Figure.spectrum(SpectrumData(values: values, quantity: "variance")).render(width: 70, height: 20)
            let area = try #require(grid.plotArea())
            let groups = ComponentGroups(components: count, columns: area.columns)
            let heights = (0..<groups.groupCount).map { barEighths(grid, x: area.left + groups.centerColumn(ofGroup: $0), bottom: area.bottom) }
            #expect(heights[0] == area.rows * 8, "tallest bar fills the plot for \(count) components")
            for (a, b) in zip(heights, heights.dropFirst()) {
                #expect(a >= b, "\(count) components: heights \(heights)")
            }
            #expect(heights.last! >= 1)
        }
    }

    @Test("wider bars for fewer components")
    func spectrumBarWidth() {
        #expect(ComponentGroups(components: 4, columns: 60).barWidth == 14)
        #expect(ComponentGroups(components: 64, columns: 60).barWidth == 1)
        #expect(ComponentGroups(components: 64, columns: 60).groupCount == 60)
        let groups = ComponentGroups(components: 64, columns: 60)
        let covered = (0..<groups.groupCount).flatMap { Array(groups.componentRange(ofGroup: $0)) }
        #expect(covered == Array(0..<64))
        #expect((0..<64).allSatisfy { groups.componentRange(ofGroup: groups.group(ofComponent: $0)).contains($0) })
    }

    @Test("cumulative axis reads 1 at the end")
    func spectrumCumulative() throws {
        let values = [4.0, 2, 1, 0.5, 0.5]
        let total = values.reduce(0, +)
        var sum = 0.0
        let cumulative = values.map { sum += $0; return sum / total }
        let grid = Figure.spectrum(SpectrumData(values: values, quantity: "variance", cumulative: cumulative)).render(width: 60, height: 18)
        let corner = try #require(grid.positions(of: "┘").first)
        let oneRow = try #require((0..<grid.height).first { y in
            grid[corner.x, y].character == "├" && grid[corner.x + 1, y].character == "1" && grid[corner.x + 2, y].character == " "
        })
        let curve = (0..<grid.height).flatMap { y in (0..<corner.x).filter { grid[$0, y].role == .series(1) && grid[$0, y].character != "⣿" }.map { (x: $0, y: y) } }
        let last = try #require(curve.max { $0.x < $1.x })
        #expect(last.y == oneRow)
        #expect(grid.line(0).contains("cumulative"))
    }

    @Test("log scale leaves out values at or below zero")
    func spectrumLog() throws {
        let values = [100.0, 10, 1, 0.1, 0, -1]
        let grid = Figure.spectrum(SpectrumData(values: values, quantity: "variance")).render(width: 60, height: 20, style: RenderStyle(logScale: true))
        let text = grid.text
        #expect(text.contains("2 of 6 values ≤ 0 left out (log scale)"))
        for label in ["0.1┤", "1┤", "10┤", "100┤"] {
            #expect(text.contains(label), "missing tick \(label)")
        }
        let area = try #require(grid.plotArea())
        let groups = ComponentGroups(components: values.count, columns: area.columns)
        let heights = (0..<4).map { barEighths(grid, x: area.left + groups.centerColumn(ofGroup: $0), bottom: area.bottom) }
        // Equal ratios give equal steps on a log axis, within one eighth of rounding.
        let steps = zip(heights, heights.dropFirst()).map { $0 - $1 }
        #expect(steps.max()! - steps.min()! <= 1, "heights \(heights)")
        #expect(barEighths(grid, x: area.left + groups.centerColumn(ofGroup: 4), bottom: area.bottom) == 0)
    }

    @Test("histogram counts sum to the finite values")
    func histogramCounts() {
        var generator = SeededGenerator(state: 3)
        var values = (0..<997).map { _ in Double.random(in: 0...1, using: &generator) * Double.random(in: 1...5, using: &generator) }
        values += [.nan, .infinity, -.infinity]
        for maxBins in [5, 12, 80, 400] {
            let binning = HistogramBinning.freedmanDiaconis(values, maxBins: maxBins)
            #expect(binning.counts.reduce(0, +) == 997)
            #expect(binning.skipped == 3)
            #expect(binning.edges.count == binning.counts.count + 1)
            #expect((5...max(5, maxBins)).contains(binning.counts.count))
            #expect(binning.edges.first! == values.filter(\.isFinite).min()!)
            #expect(binning.edges.last! == values.filter(\.isFinite).max()!)
        }
    }

    @Test("Freedman–Diaconis width on evenly spaced values")
    func histogramRule() {
        // 1000 values evenly over 0…1: IQR 0.5, width 2 · 0.5 / 1000^(1/3) = 0.1, so 10 bins.
        let values = (0..<1000).map { Double($0) / 999 }
        let binning = HistogramBinning.freedmanDiaconis(values, maxBins: 100)
        #expect(binning.counts.count == 10)
        #expect(binning.counts.allSatisfy { $0 == 100 })
        // Equal values: IQR 0 falls back to Sturges, ⌈log2 64⌉ + 1 = 7 bins, all counts in one.
        let flat = HistogramBinning.freedmanDiaconis(Array(repeating: 2.5, count: 64), maxBins: 100)
        #expect(flat.counts.count == 7)
        #expect(flat.counts.reduce(0, +) == 64)
        #expect(flat.edges.allSatisfy { $0.isFinite })
    }

    @Test("histogram marker draws a line at its value")
    func histogramMarker() throws {
        let values = (0..<200).map { Double($0 % 50) / 10 }
        let grid = Figure.histogram(HistogramData(values: values, title: "d", marker: 2.5)).render(width: 60, height: 16)
        let area = try #require(grid.plotArea())
        let column = try #require(HistogramPlot.column(of: 2.5, lower: 0, upper: 4.9, columns: area.columns))
        for y in area.top...area.bottom {
            #expect(grid[area.left + column, y].character == "│")
            #expect(grid[area.left + column, y].role == .series(1))
        }
        #expect(grid.line(area.top).contains("│2.5"))
    }

    @Test("barcode keeps the longest bars per dimension")
    func barcodeSelection() {
        var pairs: [PlotPair] = (0..<30).map { PlotPair(dimension: 0, birth: 0, death: Double($0)) }
        pairs += (0..<5).map { PlotPair(dimension: 1, birth: Double($0), death: Double($0) + 0.5) }
        pairs.append(PlotPair(dimension: 0, birth: 0, death: .infinity))
        pairs.append(PlotPair(dimension: 2, birth: 3, death: 3.1))
        let shown = BarcodePlot.selectBars(pairs, rows: 10)
        #expect(shown.count == 10)
        #expect(Set(shown.map(\.dimension)) == [0, 1, 2])
        #expect(shown.contains { $0.isEssential })
        let keptH0 = shown.filter { $0.dimension == 0 && !$0.isEssential }.map(\.death)
        #expect(keptH0.allSatisfy { $0 >= 29 - Double(keptH0.count) })
        #expect(shown.map(\.dimension) == shown.map(\.dimension).sorted())
    }

    @Test("barcode draws essential bars to the edge and counts hidden bars")
    func barcodeRender() throws {
        let h0: [(birth: Double, death: Double)] = (0..<40).map { (0, Double($0 + 1) / 10) } + [(0, .infinity)]
        let data = DiagramData(dimensions: [0, 1], pairs: [h0, [(1.0, 2.0)]])
        let grid = Figure.barcode(data).render(width: 60, height: 16)
        let area = try #require(grid.plotArea())
        let arrows = grid.positions(of: "▶")
        #expect(arrows.count == 1)
        #expect(arrows.first?.x == area.left + area.columns - 1)
        let match = grid.text.firstMatch(of: /showing the longest (\d+) of 42 bars, by dimension; (\d+) hidden/)
        let counts = try #require(match)
        #expect(Int(counts.1)! == area.rows)
        #expect(Int(counts.1)! + Int(counts.2)! == 42)
        #expect(grid.text.contains("H0│"))
        #expect(grid.text.contains("H1│"))
    }

    @Test("density mode shades by count")
    func scatterDensity() throws {
        let x = Array(repeating: 0.0, count: 500) + [10]
        let y = Array(repeating: 0.0, count: 500) + [10]
        let grid = Figure.scatter(ScatterData(x: x, y: y)).render(width: 40, height: 14, style: RenderStyle(density: true))
        let area = try #require(grid.plotArea())
        #expect(grid[area.left, area.bottom].character == "█")
        #expect(grid[area.left, area.bottom].role == .ramp(7))
        #expect(grid[area.left + area.columns - 1, area.top].character == "░")
        #expect(grid[area.left + area.columns - 1, area.top].role == .ramp(0))
        #expect(grid.text.contains("density: points per cell"))
    }
}
