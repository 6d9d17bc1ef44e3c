// Histograms: block-element bars over Freedman–Diaconis bins, with an optional marker line.

/// Renders a histogram; bins never outnumber the plot columns.
struct HistogramPlot {
    let data: HistogramData
    let style: RenderStyle

    func render(width: Int, height: Int) -> CellGrid {
        let glyphs = GlyphSet.forStyle(style)
        // Bins never outnumber the plot columns: the grid width less the axis and the widest
        // count label (one digit more than n, allowing for a tick above n).
        let finiteCount = data.values.reduce(0) { $0 + ($1.isFinite ? 1 : 0) }
        let maxBins = width - 2 - String(finiteCount).count - 1
        var binning = HistogramBinning.freedmanDiaconis(data.values, maxBins: maxBins)
        guard let peak = binning.counts.max() else {
            let detail = binning.skipped > 0 ? " (\(binning.skipped) NaN or infinite)" : ""
            return PlotMessage.centered("no values" + detail, width: width, height: height)
        }

        var spec = ChartSpec()
        spec.title = data.title
        spec.leftTitle = "count"
        spec.y = AxisRequest(lower: 0, upper: Double(peak), loose: true, minimumStep: 1)
        let lower = binning.edges.first!
        let upper = binning.edges.last!
        spec.customXTicks = { columns in Self.valueTicks(lower: lower, upper: upper, columns: columns) }
        if binning.skipped > 0 {
            spec.notes.append("\(binning.skipped) of \(data.values.count) values left out: NaN or infinite")
        }
        let binWidth = (upper - lower) / Double(binning.counts.count)
        spec.notes.append("\(binning.counts.count) bins of width \(formatCompact(binWidth)) (Freedman-Diaconis)")
        guard var frame = ChartFrame(width: width, height: height, spec: spec, glyphs: glyphs) else {
            return PlotMessage.tooSmall(width: width, height: height, glyphs: glyphs)
        }

        if binning.counts.count > frame.plotColumns {
            // Only when a legend or label took more room than estimated; bars then clip at the top.
            binning = HistogramBinning.freedmanDiaconis(data.values, maxBins: frame.plotColumns)
        }
        let yTicks = frame.yTicks!
        let bottom = frame.dataTop + frame.dataRows - 1
        let bins = binning.counts.count
        for column in 0..<frame.plotColumns {
            let bin = min(bins - 1, column * bins / frame.plotColumns)
            let eighths = Bars.eighths(Double(binning.counts[bin]), lower: yTicks.lower, upper: yTicks.upper, rows: frame.dataRows)
            Bars.draw(into: &frame.grid, x: frame.plotLeft + column, bottom: bottom, eighths: eighths, role: .series(0), glyphs: glyphs)
        }

        if let marker = data.marker, marker.isFinite, let column = Self.column(of: marker, lower: lower, upper: upper, columns: frame.plotColumns) {
            let x = frame.plotLeft + column
            for row in frame.dataTop...bottom {
                frame.grid[x, row] = Cell(glyphs.vertical, role: .series(1), bold: true)
            }
            let label = formatCompact(marker)
            // The label goes right of the line when it fits, else left of it.
            let right = x + 1 + label.count <= frame.plotLeft + frame.plotColumns
            frame.grid.put(label, x: right ? x + 1 : x - label.count, y: frame.dataTop, role: .series(1), bold: true)
        }
        return frame.grid
    }

    /// Returns the plot column whose value span contains `value`, or nil outside `lower…upper`.
    static func column(of value: Double, lower: Double, upper: Double, columns: Int) -> Int? {
        guard value >= lower, value <= upper, upper > lower else { return nil }
        return min(columns - 1, Int(((value - lower) / (upper - lower) * Double(columns)).rounded(.down)))
    }

    /// Nice ticks inside the binned range at the columns that hold them.
    static func valueTicks(lower: Double, upper: Double, columns: Int) -> [(column: Int, label: String)] {
        var maxCount = max(2, columns / 6)
        while true {
            let ticks = niceTicks(lower: lower, upper: upper, maxCount: maxCount, loose: false)
            let marks = ticks.values.compactMap { value in
                column(of: value, lower: lower, upper: upper, columns: columns).map { (column: $0, label: formatTick(value, step: ticks.step)) }
            }
            if maxCount <= 2 || !ChartFrame.labelsOverlap(marks) { return marks }
            maxCount -= 1
        }
    }
}
