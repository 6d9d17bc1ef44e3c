// Scatter plots: dots coloured by category with a legend, or cells shaded by point count.
import Foundation

/// Renders a scatter plot: finite points only, categories in natural order.
struct ScatterPlot {
    let data: ScatterData
    let style: RenderStyle

    /// Points and category indices after dropping non-finite coordinates.
    private struct CleanPoints {
        var x: [Double] = []
        var y: [Double] = []
        /// Index into `categoryNames` per point, or 0 when there are no categories.
        var category: [Int] = []
        var categoryNames: [String] = []
        var skipped = 0
    }

    func render(width: Int, height: Int) -> CellGrid {
        let glyphs = GlyphSet.forStyle(style)
        let points = cleanPoints()
        guard !points.x.isEmpty else {
            let detail = points.skipped > 0 ? " (\(points.skipped) with NaN or infinite coordinates)" : ""
            return PlotMessage.centered("no points" + detail, width: width, height: height)
        }

        var spec = ChartSpec()
        spec.title = data.title
        spec.leftTitle = data.yTitle
        spec.xTitle = data.xTitle
        spec.x = AxisRequest(lower: points.x.min()!, upper: points.x.max()!, loose: true)
        spec.y = AxisRequest(lower: points.y.min()!, upper: points.y.max()!, loose: true)
        if points.skipped > 0 {
            spec.notes.append("\(points.skipped) of \(data.x.count) points skipped: NaN or infinite coordinates")
        }
        if style.density {
            spec.notes.append(densityNote(glyphs: glyphs))
        } else if data.categories != nil {
            spec.legend = points.categoryNames.enumerated().map { LegendEntry(label: $1.isEmpty ? "(none)" : $1, role: .series($0)) }
        }
        guard var frame = ChartFrame(width: width, height: height, spec: spec, glyphs: glyphs) else {
            return PlotMessage.tooSmall(width: width, height: height, glyphs: glyphs)
        }

        if style.density {
            drawDensity(points, frame: &frame)
        } else {
            drawDots(points, frame: &frame)
        }
        return frame.grid
    }

    private func cleanPoints() -> CleanPoints {
        var result = CleanPoints()
        let labels = data.categories.flatMap { $0.count == data.x.count ? $0 : nil }
        var indexOfName: [String: Int] = [:]
        if let labels {
            result.categoryNames = Array(Set(labels)).sorted(by: naturalLess)
            for (index, name) in result.categoryNames.enumerated() { indexOfName[name] = index }
        }
        result.x.reserveCapacity(data.x.count)
        result.y.reserveCapacity(data.x.count)
        result.category.reserveCapacity(data.x.count)
        for i in 0..<data.x.count {
            let x = data.x[i]
            let y = data.y[i]
            guard x.isFinite, y.isFinite else {
                result.skipped += 1
                continue
            }
            result.x.append(x)
            result.y.append(y)
            result.category.append(labels.map { indexOfName[$0[i]]! } ?? 0)
        }
        return result
    }

    /// Draws categories one after another in legend order, so a tie in a cell goes to the
    /// later category.
    private func drawDots(_ points: CleanPoints, frame: inout ChartFrame) {
        var canvas = DotCanvas(columns: frame.plotColumns, rows: frame.dataRows)
        let categoryCount = max(1, points.categoryNames.count)
        for category in 0..<categoryCount {
            _ = canvas.addLayer(role: .series(category))
        }
        // Counting sort by category keeps the input order inside each category.
        var starts = [Int](repeating: 0, count: categoryCount + 1)
        for category in points.category { starts[category + 1] += 1 }
        for k in 0..<categoryCount { starts[k + 1] += starts[k] }
        var order = [Int](repeating: 0, count: points.x.count)
        var next = starts
        for (index, category) in points.category.enumerated() {
            order[next[category]] = index
            next[category] += 1
        }

        let mapping = frame.mapping
        for index in order {
            guard let dot = mapping.dot(x: points.x[index], y: points.y[index]) else { continue }
            canvas.set(column: dot.column, row: dot.row, layer: points.category[index])
        }
        canvas.draw(into: &frame.grid, left: frame.plotLeft, top: frame.dataTop, glyphs: frame.glyphs)
    }

    /// Shades each cell by its point count on a logarithmic scale, so sparse outliers stay
    /// visible next to dense clusters.
    private func drawDensity(_ points: CleanPoints, frame: inout ChartFrame) {
        let mapping = frame.mapping
        let columns = frame.plotColumns
        var counts = [Int](repeating: 0, count: columns * frame.dataRows)
        for index in 0..<points.x.count {
            guard let dot = mapping.dot(x: points.x[index], y: points.y[index]) else { continue }
            counts[(dot.row / 4) * columns + dot.column / 2] += 1
        }
        let densest = counts.max() ?? 0
        guard densest > 0 else { return }
        let levels = frame.glyphs.density
        let logDensest = log(Double(densest))
        for row in 0..<frame.dataRows {
            for column in 0..<columns {
                let count = counts[row * columns + column]
                guard count > 0 else { continue }
                // ln(count) / ln(densest): 0 for a lone point, 1 for the densest cell.
                let fraction = densest == 1 ? 1 : log(Double(count)) / logDensest
                let level = min(levels.count - 1, Int(fraction * Double(levels.count)))
                let ramp = min(7, Int((fraction * 7).rounded()))
                frame.grid[frame.plotLeft + column, frame.dataTop + row] = Cell(levels[level], role: .ramp(ramp))
            }
        }
    }

    private func densityNote(glyphs: GlyphSet) -> String {
        let ramp = glyphs.density.map(String.init).joined()
        return "density: points per cell, \(ramp) from 1 to the densest cell (log scale)"
    }
}
