// Persistence diagrams: birth against death, a diagonal guide and an ∞ line on top.

/// Renders a persistence diagram with both axes over the same range.
struct DiagramPlot {
    let data: DiagramData
    let style: RenderStyle

    func render(width: Int, height: Int) -> CellGrid {
        let glyphs = GlyphSet.forStyle(style)
        let cleaned = PlotPairs(data)
        guard !cleaned.pairs.isEmpty else {
            return PlotMessage.centered("no pairs", width: width, height: height)
        }
        let hasEssential = cleaned.pairs.contains { $0.isEssential }

        var spec = ChartSpec()
        spec.title = data.title
        spec.leftTitle = "death"
        spec.xTitle = "birth"
        spec.x = AxisRequest(lower: cleaned.lower, upper: cleaned.upper, loose: false)
        spec.y = AxisRequest(lower: cleaned.lower, upper: cleaned.upper, loose: false)
        spec.legend = data.dimensions.map { LegendEntry(label: "H\($0)", role: .series($0)) }
        if hasEssential {
            // The ∞ line, then one blank row that keeps it apart from the finite range, unless
            // the grid is so low that the finite range needs that row.
            spec.reservedTopRows = height >= 10 ? 2 : 1
            spec.reservedLabel = glyphs.infinity
        }
        if cleaned.skipped > 0 {
            spec.notes.append("\(cleaned.skipped) pairs left out: birth not finite, or death NaN or -infinity")
        }
        guard var frame = ChartFrame(width: width, height: height, spec: spec, glyphs: glyphs) else {
            return PlotMessage.tooSmall(width: width, height: height, glyphs: glyphs)
        }

        let reservedDots = spec.reservedTopRows * 4
        var canvas = DotCanvas(columns: frame.plotColumns, rows: frame.plotRows)
        let guide = canvas.addLayer(role: .muted, priority: 0)
        var layerOfDimension: [Int: Int] = [:]
        for dimension in data.dimensions where layerOfDimension[dimension] == nil {
            layerOfDimension[dimension] = canvas.addLayer(role: .series(dimension))
        }

        // Diagonal death = birth over the whole shared range.
        let mapping = frame.mapping
        if let start = mapping.dot(x: cleaned.lower, y: cleaned.lower), let end = mapping.dot(x: cleaned.upper, y: cleaned.upper) {
            canvas.line(from: (start.column, start.row + reservedDots), to: (end.column, end.row + reservedDots), layer: guide)
        }
        if hasEssential {
            // A dotted guide: one dot every two cells on the second dot row.
            for column in stride(from: 0, to: canvas.dotColumns, by: 4) {
                canvas.set(column: column, row: 1, layer: guide)
            }
        }

        for pair in cleaned.pairs {
            let layer = layerOfDimension[pair.dimension]!
            guard let column = mapping.column(pair.birth) else { continue }
            if pair.isEssential {
                canvas.set(column: column, row: 1, layer: layer)
                canvas.set(column: column, row: 2, layer: layer)
            } else if let row = mapping.row(pair.death) {
                canvas.set(column: column, row: row + reservedDots, layer: layer)
            }
        }
        canvas.draw(into: &frame.grid, left: frame.plotLeft, top: frame.plotTop, glyphs: glyphs)
        return frame.grid
    }
}
