// The frame around a plot: layout of titles, axes with ticks, notes and legend.

/// A numeric axis as a renderer requests it, before ticks fix its final range.
struct AxisRequest {
    var lower: Double
    var upper: Double
    /// Widen the range to the nearest ticks (see `niceTicks`).
    var loose: Bool
    var minimumStep: Double = 0
    /// The label of a tick, given its value and the tick step.
    var label: @Sendable (Double, Double) -> String = { formatTick($0, step: $1) }
}

/// The titles, axes, notes and legend a renderer requests around its plot area.
struct ChartSpec {
    var title = ""
    /// Title of the left axis, drawn above it.
    var leftTitle = ""
    /// Title of the right axis, drawn above it.
    var rightTitle = ""
    var xTitle = ""
    var x: AxisRequest?
    /// Tick columns and labels for a plot whose x positions are not linear in a value;
    /// called with the number of plot columns.
    var customXTicks: ((Int) -> [(column: Int, label: String)])?
    var y: AxisRequest?
    /// Minimum width of the left label column, for labels the renderer writes itself.
    var leftLabelWidth = 0
    /// A secondary axis on the right; its range is kept as given.
    var right: AxisRequest?
    var legend: [LegendEntry] = []
    var notes: [String] = []
    /// A note that depends on the plot size (columns, rows), written after `notes`. It
    /// takes a row whenever it is set, and an empty result leaves that row blank.
    var layoutNote: ((Int, Int) -> String)?
    /// Plot rows above the data area for something outside the y range (the ∞ line).
    var reservedTopRows = 0
    /// Left label of the first reserved row.
    var reservedLabel = ""
}

/// The laid-out frame of one plot, with its axes and decorations drawn into `grid`.
///
/// The plot area is `plotColumns × plotRows` cells from (`plotLeft`, `plotTop`). Its first
/// `reservedTopRows` rows are outside the y range; the data area below them maps the
/// y range through `mapping`.
struct ChartFrame {
    var grid: CellGrid
    let glyphs: GlyphSet
    let plotLeft: Int
    let plotTop: Int
    let plotColumns: Int
    let plotRows: Int
    let dataTop: Int
    let dataRows: Int
    let xTicks: TickSet?
    let yTicks: TickSet?
    let rightTicks: TickSet?

    /// Data coordinates to dots of the data area: 2 dots per column, 4 per row.
    var mapping: DotMapping {
        DotMapping(
            xRange: (xTicks?.lower ?? 0)...(xTicks?.upper ?? 1),
            yRange: (yTicks?.lower ?? 0)...(yTicks?.upper ?? 1),
            dotColumns: plotColumns * 2, dotRows: dataRows * 4)
    }

    /// Dots of the right axis range over the data area.
    var rightMapping: DotMapping {
        DotMapping(
            xRange: (xTicks?.lower ?? 0)...(xTicks?.upper ?? 1),
            yRange: (rightTicks?.lower ?? 0)...(rightTicks?.upper ?? 1),
            dotColumns: plotColumns * 2, dotRows: dataRows * 4)
    }

    /// Lays out and draws the frame, or returns nil when the grid cannot hold a plot area
    /// of at least 8 × 2 cells next to the required labels.
    init?(width: Int, height: Int, spec: ChartSpec, glyphs: GlyphSet) {
        self.glyphs = glyphs
        grid = CellGrid(width: width, height: height)

        // 1. Legend placement: at the right when narrow enough, else flowed below.
        let legendNatural = spec.legend.isEmpty ? 0 : Legend.naturalWidth(spec.legend)
        var legendRight = 0
        if !spec.legend.isEmpty, legendNatural + 1 <= max(width / 4, 12), width - legendNatural - 1 >= 30 {
            legendRight = legendNatural
        }
        var legendBelowRows = 0
        if !spec.legend.isEmpty && legendRight == 0 {
            legendBelowRows = Legend.rowsUsed(Legend.flow(spec.legend, width: width, maxRows: max(1, height / 6), glyphs: glyphs))
        }

        // 2. Rows: drop optional ones, least useful first, until the plot area fits.
        var hasTitle = !spec.title.isEmpty
        var hasAxisTitles = !spec.leftTitle.isEmpty || !spec.rightTitle.isEmpty
        var hasXTitle = !spec.xTitle.isEmpty
        let allNotesCount = spec.notes.count + (spec.layoutNote == nil ? 0 : 1)
        var noteCount = allNotesCount
        func plotRowsLeft() -> Int {
            height - (hasTitle ? 1 : 0) - (hasAxisTitles ? 1 : 0) - 2 - (hasXTitle ? 1 : 0) - noteCount - legendBelowRows
        }
        while plotRowsLeft() < spec.reservedTopRows + 3 {
            if legendBelowRows > 0 { legendBelowRows -= 1 }
            else if hasAxisTitles { hasAxisTitles = false }
            else if hasXTitle { hasXTitle = false }
            else if hasTitle { hasTitle = false }
            else if noteCount > 0 { noteCount -= 1 }
            else { break }
        }
        let plotRows = plotRowsLeft()
        let dataRows = plotRows - spec.reservedTopRows
        guard dataRows >= 2 else { return nil }
        let plotTop = (hasTitle ? 1 : 0) + (hasAxisTitles ? 1 : 0)

        // 3. Vertical ticks fix the label widths, which fix the plot columns.
        let maxVerticalTicks = min(max(dataRows / 3 + 1, 2), 10)
        let yTicks = spec.y.map { niceTicks(lower: $0.lower, upper: $0.upper, maxCount: maxVerticalTicks, loose: $0.loose, minimumStep: $0.minimumStep) }
        let yLabels = yTicks.map { ticks in ticks.values.map { spec.y!.label($0, ticks.step) } } ?? []
        let rightTicks = spec.right.map { niceTicks(lower: $0.lower, upper: $0.upper, maxCount: maxVerticalTicks, loose: false, minimumStep: $0.minimumStep) }
        let rightLabels = rightTicks.map { ticks in ticks.values.map { spec.right!.label($0, ticks.step) } } ?? []
        let leftLabelWidth = max(spec.leftLabelWidth, spec.reservedLabel.count, yLabels.map(\.count).max() ?? 0)
        let rightAxisWidth = rightTicks == nil ? 0 : 1 + (rightLabels.map(\.count).max() ?? 0)
        let axisColumn = leftLabelWidth
        let plotLeft = axisColumn + 1
        let plotColumns = width - plotLeft - rightAxisWidth - (legendRight > 0 ? legendRight + 1 : 0)
        guard plotColumns >= 8 else { return nil }

        // 4. Horizontal ticks: fewer until their labels stop overlapping.
        var xTicks: TickSet?
        var xMarks: [(column: Int, label: String)] = []
        if let custom = spec.customXTicks {
            xMarks = custom(plotColumns)
        } else if let x = spec.x {
            var maxCount = max(2, plotColumns / 6)
            while true {
                let ticks = niceTicks(lower: x.lower, upper: x.upper, maxCount: maxCount, loose: x.loose, minimumStep: x.minimumStep)
                let map = DotMapping(xRange: ticks.lower...ticks.upper, yRange: 0...1, dotColumns: plotColumns * 2, dotRows: 1)
                let marks = ticks.values.compactMap { value in map.column(value).map { (column: $0 / 2, label: x.label(value, ticks.step)) } }
                xTicks = ticks
                xMarks = marks
                if maxCount <= 2 || !Self.labelsOverlap(marks) { break }
                maxCount -= 1
            }
        }

        self.plotLeft = plotLeft
        self.plotTop = plotTop
        self.plotColumns = plotColumns
        self.plotRows = plotRows
        self.dataTop = plotTop + spec.reservedTopRows
        self.dataRows = dataRows
        self.xTicks = xTicks
        self.yTicks = yTicks
        self.rightTicks = rightTicks

        // 5. Draw: titles, axes, tick labels, notes, legend.
        let axisRow = plotTop + plotRows
        let plotCenter = plotLeft + plotColumns / 2
        if hasTitle { grid.put(spec.title, centeredAt: plotCenter, y: 0, role: .title, bold: true) }
        if hasAxisTitles {
            let row = hasTitle ? 1 : 0
            grid.put(spec.leftTitle, x: 0, y: row, role: .title)
            if !spec.rightTitle.isEmpty {
                grid.put(spec.rightTitle, rightAlignedAt: plotLeft + plotColumns + rightAxisWidth - 1, y: row, role: .title)
            }
        }
        drawLeftAxis(column: axisColumn, labels: yLabels, axisRow: axisRow, reservedLabel: spec.reservedLabel)
        drawBottomAxis(row: axisRow, from: axisColumn, marks: xMarks)
        if let rightTicks {
            drawRightAxis(ticks: rightTicks, labels: rightLabels, axisRow: axisRow)
        }
        var row = axisRow + 2
        if hasXTitle {
            grid.put(spec.xTitle, centeredAt: plotCenter, y: row, role: .title)
            row += 1
        }
        let notes = spec.notes + (spec.layoutNote.map { [$0(plotColumns, plotRows)] } ?? [])
        for note in notes.prefix(noteCount) {
            grid.put(Legend.truncate(note, to: width, glyphs: glyphs), x: 0, y: row, role: .muted)
            row += 1
        }
        if legendRight > 0 {
            Legend.drawRight(spec.legend, into: &grid, x: width - legendRight, top: plotTop, rows: plotRows, width: legendRight, glyphs: glyphs)
        } else if legendBelowRows > 0 {
            let layout = Legend.flow(spec.legend, width: width, maxRows: legendBelowRows, glyphs: glyphs)
            Legend.drawBelow(spec.legend, layout: layout, into: &grid, top: row, width: width, glyphs: glyphs)
        }
    }

    /// Returns the grid row of a y value in the data area, or nil outside the y range.
    func row(forY y: Double) -> Int? {
        mapping.row(y).map { dataTop + $0 / 4 }
    }

    private mutating func drawLeftAxis(column: Int, labels: [String], axisRow: Int, reservedLabel: String) {
        for row in plotTop..<axisRow {
            grid[column, row] = Cell(glyphs.vertical, role: .axis)
        }
        if let yTicks {
            for (value, label) in zip(yTicks.values, labels) {
                guard let row = row(forY: value) else { continue }
                grid[column, row] = Cell(glyphs.leftTick, role: .axis)
                grid.put(label, rightAlignedAt: column - 1, y: row, role: .tick)
            }
        }
        if !reservedLabel.isEmpty {
            grid.put(reservedLabel, rightAlignedAt: column - 1, y: plotTop, role: .tick)
        }
    }

    private mutating func drawBottomAxis(row: Int, from column: Int, marks: [(column: Int, label: String)]) {
        grid[column, row] = Cell(glyphs.corner, role: .axis)
        for x in plotLeft..<(plotLeft + plotColumns) {
            grid[x, row] = Cell(glyphs.horizontal, role: .axis)
        }
        var labelEnd = -1
        for mark in marks.sorted(by: { $0.column < $1.column }) where (0..<plotColumns).contains(mark.column) {
            let x = plotLeft + mark.column
            grid[x, row] = Cell(glyphs.bottomTick, role: .axis)
            let length = mark.label.count
            let start = min(max(0, x - length / 2), grid.width - length)
            // Skip a label that would touch the previous one rather than overwrite it.
            guard start > labelEnd + 1 || labelEnd < 0 else { continue }
            grid.put(mark.label, x: start, y: row + 1, role: .tick)
            labelEnd = start + length - 1
        }
    }

    private mutating func drawRightAxis(ticks: TickSet, labels: [String], axisRow: Int) {
        let column = plotLeft + plotColumns
        for row in plotTop..<axisRow {
            grid[column, row] = Cell(glyphs.vertical, role: .axis)
        }
        grid[column, axisRow] = Cell(glyphs.rightCorner, role: .axis)
        for (value, label) in zip(ticks.values, labels) {
            guard let dotRow = rightMapping.row(value) else { continue }
            let row = dataTop + dotRow / 4
            grid[column, row] = Cell(glyphs.rightTick, role: .axis)
            grid.put(label, x: column + 1, y: row, role: .tick)
        }
    }

    /// Whether centred labels at these columns would touch or overlap.
    static func labelsOverlap(_ marks: [(column: Int, label: String)]) -> Bool {
        var previousEnd = Int.min
        for mark in marks.sorted(by: { $0.column < $1.column }) {
            let start = mark.column - mark.label.count / 2
            if previousEnd != Int.min && start <= previousEnd + 1 { return true }
            previousEnd = start + mark.label.count - 1
        }
        return false
    }
}

/// Full-grid messages for data that cannot be plotted and grids too small to plot on.
enum PlotMessage {
    /// The smallest grid any figure renders on.
    static let minimumWidth = 20
    static let minimumHeight = 5

    /// `text` centred in an otherwise empty grid, in the muted colour.
    static func centered(_ text: String, width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        guard height > 0 else { return grid }
        grid.put(text, centeredAt: width / 2, y: height / 2, role: .muted)
        return grid
    }

    /// A one-line message naming the current and the needed size.
    static func tooSmall(width: Int, height: Int, glyphs: GlyphSet) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        let times = glyphs.times
        let text = "plot too small (\(width)\(times)\(height), needs at least \(minimumWidth)\(times)\(minimumHeight))"
        grid.put(text, x: 0, y: 0, role: .muted)
        return grid
    }
}
