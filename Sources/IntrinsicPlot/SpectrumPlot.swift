// Spectra (such as explained variances): bars or a line, linear or log scale, with an
// optional cumulative curve on a 0…1 right axis.
import Foundation

/// The assignment of components to plot columns. When components outnumber the columns,
/// each column shows one or more neighbouring components, else each component gets a
/// group of columns.
struct ComponentGroups: Equatable {
    let components: Int
    let groupCount: Int
    /// Columns per group, ≥ 1, including a gap column when ≥ 3.
    let groupWidth: Int
    /// Columns the bar itself fills inside its group.
    let barWidth: Int
    /// The maximum number of components in one column, 1 unless components outnumber columns.
    let maxComponentsPerGroup: Int

    init(components: Int, columns: Int) {
        self.components = max(1, components)
        let usable = max(1, columns)
        if self.components <= usable {
            groupCount = self.components
            groupWidth = usable / self.components
            maxComponentsPerGroup = 1
        } else {
            groupCount = usable
            groupWidth = 1
            maxComponentsPerGroup = (self.components + usable - 1) / usable
        }
        // Keep one blank column between wide bars so neighbours stay apart.
        barWidth = groupWidth >= 3 ? groupWidth - 1 : groupWidth
    }

    /// Returns the column under the middle of group `group`'s bar.
    func centerColumn(ofGroup group: Int) -> Int {
        group * groupWidth + (barWidth - 1) / 2
    }

    /// Returns the group showing component `index` (0-based): ⌊index · groups / components⌋.
    func group(ofComponent index: Int) -> Int {
        index * groupCount / components
    }

    /// Returns the components (0-based) that group `group` shows, never empty.
    func componentRange(ofGroup group: Int) -> Range<Int> {
        // Components i with ⌊i · g / n⌋ = group are those from ⌈group · n / g⌉ on.
        let first = (group * components + groupCount - 1) / groupCount
        let end = ((group + 1) * components + groupCount - 1) / groupCount
        return first..<end
    }
}

/// Renders a spectrum.
struct SpectrumPlot {
    let data: SpectrumData
    let style: RenderStyle

    func render(width: Int, height: Int) -> CellGrid {
        let glyphs = GlyphSet.forStyle(style)
        let count = data.values.count
        guard count > 0 else { return PlotMessage.centered("no values", width: width, height: height) }

        // 1. Values on the axis scale: log10 for a log axis, where values ≤ 0 drop out.
        var scaled = [Double?](repeating: nil, count: count)
        var nonFinite = 0
        var nonPositive = 0
        for (index, value) in data.values.enumerated() {
            if !value.isFinite { nonFinite += 1; continue }
            if style.logScale {
                if value <= 0 { nonPositive += 1; continue }
                scaled[index] = log10(value)
            } else {
                scaled[index] = value
            }
        }
        let shown = scaled.compactMap { $0 }
        guard let low = shown.min(), let high = shown.max() else {
            let reason = style.logScale ? "no positive values for a log scale" : "no finite values"
            return PlotMessage.centered(reason, width: width, height: height)
        }

        // 2. Frame: axes, titles, notes and legend.
        let cumulative = data.cumulative.map { Array($0.prefix(count)) }
        var spec = ChartSpec()
        spec.title = data.title
        spec.leftTitle = data.quantity + (style.logScale ? " (log)" : "")
        spec.xTitle = "component"
        if style.logScale {
            let bottom = low.rounded(.down)
            let top = max(high.rounded(.up), bottom + 1)
            spec.y = AxisRequest(lower: bottom, upper: top, loose: false, minimumStep: 1) { exponent, _ in
                formatCompact(pow(10, exponent))
            }
        } else {
            spec.y = AxisRequest(lower: min(0, low), upper: max(0, high), loose: true)
        }
        spec.customXTicks = { columns in Self.componentTicks(count: count, columns: columns) }
        if let cumulative, !cumulative.isEmpty {
            spec.right = AxisRequest(lower: 0, upper: 1, loose: false)
            spec.rightTitle = "cumulative"
            spec.legend = [
                LegendEntry(label: data.quantity.isEmpty ? "value" : data.quantity, role: .series(0)),
                LegendEntry(label: "cumulative", role: .series(1)),
            ]
        }
        if nonPositive > 0 {
            spec.notes.append("\(nonPositive) of \(count) values \(glyphs.lessOrEqual) 0 left out (log scale)")
        }
        if nonFinite > 0 {
            spec.notes.append("\(nonFinite) of \(count) values left out: NaN or infinite")
        }
        // Only a plot narrower than the component count groups components; a third of the
        // grid width is below any plot width the frame allows.
        if count > width / 3 {
            spec.layoutNote = { columns, _ in
                let perGroup = ComponentGroups(components: count, columns: columns).maxComponentsPerGroup
                return perGroup > 1 ? "up to \(perGroup) components per column; each column shows the largest" : ""
            }
        }
        guard var frame = ChartFrame(width: width, height: height, spec: spec, glyphs: glyphs) else {
            return PlotMessage.tooSmall(width: width, height: height, glyphs: glyphs)
        }
        let groups = ComponentGroups(components: count, columns: frame.plotColumns)

        // 3. Bars or line, then the cumulative curve over them.
        let groupValues = Self.groupMaxima(scaled, groups: groups)
        let yTicks = frame.yTicks!
        var canvas = DotCanvas(columns: frame.plotColumns, rows: frame.dataRows)
        if style.bars {
            let bottom = frame.dataTop + frame.dataRows - 1
            for (group, value) in groupValues.enumerated() {
                guard let value else { continue }
                let height = Bars.eighths(value, lower: yTicks.lower, upper: yTicks.upper, rows: frame.dataRows)
                for offset in 0..<groups.barWidth {
                    let x = frame.plotLeft + group * groups.groupWidth + offset
                    Bars.draw(into: &frame.grid, x: x, bottom: bottom, eighths: height, role: .series(0), glyphs: glyphs)
                }
            }
        } else {
            let layer = canvas.addLayer(role: .series(0))
            drawPolyline(groupValues, groups: groups, mapping: frame.mapping, layer: layer, canvas: &canvas)
        }
        if let cumulative, !cumulative.isEmpty {
            let layer = canvas.addLayer(role: .series(1))
            // Each group shows the cumulative fraction after its last component.
            let points = (0..<groups.groupCount).map { group -> Double? in
                let last = min(groups.componentRange(ofGroup: group).upperBound, cumulative.count) - 1
                guard last >= 0, cumulative[last].isFinite else { return nil }
                return min(1, max(0, cumulative[last]))
            }
            drawPolyline(points, groups: groups, mapping: frame.rightMapping, layer: layer, canvas: &canvas)
        }
        canvas.draw(into: &frame.grid, left: frame.plotLeft, top: frame.dataTop, glyphs: glyphs)
        return frame.grid
    }

    /// Returns the largest scaled value of each group, nil for a group with none shown.
    static func groupMaxima(_ scaled: [Double?], groups: ComponentGroups) -> [Double?] {
        var result = [Double?](repeating: nil, count: groups.groupCount)
        for (index, value) in scaled.enumerated() {
            guard let value else { continue }
            let group = groups.group(ofComponent: index)
            result[group] = max(result[group] ?? value, value)
        }
        return result
    }

    /// Joins the group centres with straight segments, skipping gaps; a lone point is a dot.
    private func drawPolyline(_ values: [Double?], groups: ComponentGroups, mapping: DotMapping, layer: Int, canvas: inout DotCanvas) {
        var previous: (column: Int, row: Int)?
        for (group, value) in values.enumerated() {
            guard let value, let row = mapping.row(min(max(value, mapping.yRange.lowerBound), mapping.yRange.upperBound)) else {
                previous = nil
                continue
            }
            let point = (column: groups.centerColumn(ofGroup: group) * 2, row: row)
            if let previous {
                canvas.line(from: previous, to: point, layer: layer)
            } else {
                canvas.set(column: point.column, row: point.row, layer: layer)
            }
            previous = point
        }
    }

    /// Component numbers (1-based) at nice steps under their bars; component 1 is always shown.
    static func componentTicks(count: Int, columns: Int) -> [(column: Int, label: String)] {
        let groups = ComponentGroups(components: count, columns: columns)
        let ticks = niceTicks(lower: 1, upper: Double(max(count, 2)), maxCount: max(2, columns / 5), loose: false, minimumStep: 1)
        var numbers = [1]
        for value in ticks.values {
            let number = Int(value)
            if number > 1, number <= count, Double(number - 1) >= ticks.step / 2 { numbers.append(number) }
        }
        return numbers.map { number in
            (column: groups.centerColumn(ofGroup: groups.group(ofComponent: number - 1)), label: String(number))
        }
    }
}
