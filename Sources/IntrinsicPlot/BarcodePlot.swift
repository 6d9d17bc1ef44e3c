// Persistence barcodes: one horizontal bar per pair, grouped by homology dimension.

/// Renders a barcode, keeping the longest bars of each dimension when rows run out.
struct BarcodePlot {
    let data: DiagramData
    let style: RenderStyle

    func render(width: Int, height: Int) -> CellGrid {
        let glyphs = GlyphSet.forStyle(style)
        let cleaned = PlotPairs(data)
        guard !cleaned.pairs.isEmpty else {
            return PlotMessage.centered("no pairs", width: width, height: height)
        }

        var spec = ChartSpec()
        spec.title = data.title
        spec.xTitle = "filtration value"
        spec.x = AxisRequest(lower: cleaned.lower, upper: cleaned.upper, loose: false)
        let dimensions = Array(Set(cleaned.pairs.map(\.dimension))).sorted()
        spec.leftLabelWidth = dimensions.map { "H\($0)".count }.max() ?? 2
        if cleaned.skipped > 0 {
            spec.notes.append("\(cleaned.skipped) pairs left out: birth not finite, or death NaN or -infinity")
        }
        // A note row for hidden bars, whenever the bars might outnumber the rows.
        let total = cleaned.pairs.count
        if total > height - 4 {
            spec.layoutNote = { _, rows in
                let shown = Self.selectBars(cleaned.pairs, rows: rows).count
                guard shown < total else { return "" }
                return "showing the longest \(shown) of \(total) bars, by dimension; \(total - shown) hidden"
            }
        }
        guard var frame = ChartFrame(width: width, height: height, spec: spec, glyphs: glyphs) else {
            return PlotMessage.tooSmall(width: width, height: height, glyphs: glyphs)
        }

        let shown = Self.selectBars(cleaned.pairs, rows: frame.plotRows)
        let mapping = frame.mapping
        var previousDimension: Int?
        for (offset, pair) in shown.enumerated() {
            let row = frame.plotTop + offset
            if pair.dimension != previousDimension {
                frame.grid.put("H\(pair.dimension)", rightAlignedAt: frame.plotLeft - 2, y: row, role: .series(pair.dimension))
                previousDimension = pair.dimension
            }
            guard let startDot = mapping.column(pair.birth) else { continue }
            let start = frame.plotLeft + startDot / 2
            let lastColumn = frame.plotLeft + frame.plotColumns - 1
            let end = pair.isEssential ? lastColumn : frame.plotLeft + (mapping.column(min(pair.death, cleaned.upper)) ?? 0) / 2
            for x in start...max(start, end) {
                frame.grid[x, row] = Cell(glyphs.barBody, role: .series(pair.dimension))
            }
            if pair.isEssential {
                frame.grid[lastColumn, row] = Cell(glyphs.barArrow, role: .series(pair.dimension))
            }
        }
        return frame.grid
    }

    /// The bars to draw in at most `rows` rows, sorted by dimension, then birth, then death.
    ///
    /// With too few rows, each dimension gets a share of rows proportional to its bar count,
    /// and at least one while rows last. Its longest bars fill that share, and essential
    /// bars count as the longest.
    static func selectBars(_ pairs: [PlotPair], rows: Int) -> [PlotPair] {
        let ordered = pairs.sorted { a, b in
            (a.dimension, a.birth, a.death) < (b.dimension, b.birth, b.death)
        }
        guard ordered.count > rows else { return ordered }
        guard rows > 0 else { return [] }

        let byDimension = Dictionary(grouping: ordered, by: \.dimension)
        let dimensions = byDimension.keys.sorted()
        var quota = [Int: Int]()
        // Largest-remainder apportionment of the rows.
        var remainders: [(dimension: Int, remainder: Double)] = []
        var assigned = 0
        for dimension in dimensions {
            let exact = Double(rows) * Double(byDimension[dimension]!.count) / Double(ordered.count)
            quota[dimension] = Int(exact)
            assigned += Int(exact)
            remainders.append((dimension, exact - exact.rounded(.down)))
        }
        for (dimension, _) in remainders.sorted(by: { $0.remainder > $1.remainder }) where assigned < rows {
            quota[dimension]! += 1
            assigned += 1
        }
        // Every dimension shows at least one bar, taken from the dimension with most rows.
        for dimension in dimensions where quota[dimension] == 0 {
            guard let donor = dimensions.max(by: { quota[$0]! < quota[$1]! }), quota[donor]! > 1 else { break }
            quota[donor]! -= 1
            quota[dimension] = 1
        }

        var result: [PlotPair] = []
        for dimension in dimensions {
            let longest = byDimension[dimension]!
                .sorted { $0.persistence > $1.persistence }
                .prefix(quota[dimension]!)
            result += longest.sorted { ($0.birth, $0.death) < ($1.birth, $1.death) }
        }
        return result
    }
}
