// Legends: one coloured symbol and label per series, at the right of a plot or below it.

/// One legend line: a label drawn after a symbol in the series' colour.
struct LegendEntry: Sendable, Equatable {
    var label: String
    var role: ColorRole
}

/// The position of a legend entry when the legend flows below the plot.
struct LegendSlot: Equatable {
    var row: Int
    var column: Int
    var entry: Int
}

/// Legend layout and drawing, shared by every figure with series.
enum Legend {
    /// Columns a right-hand legend needs to show every label whole.
    static func naturalWidth(_ entries: [LegendEntry]) -> Int {
        (entries.map { $0.label.count }.max() ?? 0) + 2
    }

    /// "…+N more" in the glyph set's ellipsis.
    static func moreText(_ hidden: Int, glyphs: GlyphSet) -> String {
        "\(glyphs.ellipsis)+\(hidden) more"
    }

    /// `text` cut to `width` characters, ending in an ellipsis when cut.
    static func truncate(_ text: String, to width: Int, glyphs: GlyphSet) -> String {
        guard text.count > width else { return text }
        guard width > glyphs.ellipsis.count else { return String(text.prefix(max(0, width))) }
        return String(text.prefix(width - glyphs.ellipsis.count)) + glyphs.ellipsis
    }

    /// Draws one entry per row from `top`, replacing the last row by "…+N more" when the
    /// entries do not fit into `rows`.
    static func drawRight(_ entries: [LegendEntry], into grid: inout CellGrid, x: Int, top: Int, rows: Int, width: Int, glyphs: GlyphSet) {
        guard rows > 0, width > 2 else { return }
        let shown = entries.count <= rows ? entries.count : rows - 1
        for (offset, entry) in entries.prefix(shown).enumerated() {
            grid.put(String(glyphs.legendSymbol(for: entry.role)), x: x, y: top + offset, role: entry.role)
            grid.put(truncate(entry.label, to: width - 2, glyphs: glyphs), x: x + 2, y: top + offset, role: .normal)
        }
        if shown < entries.count {
            let more = truncate(moreText(entries.count - shown, glyphs: glyphs), to: width, glyphs: glyphs)
            grid.put(more, x: x, y: top + shown, role: .muted)
        }
    }

    /// Flows entries left to right over at most `maxRows` rows of `width` columns.
    ///
    /// - Returns: the slots of the entries shown and how many entries are hidden; when some
    ///   are hidden, the last used row keeps room for "…+N more" after its last slot.
    static func flow(_ entries: [LegendEntry], width: Int, maxRows: Int, glyphs: GlyphSet) -> (slots: [LegendSlot], hidden: Int) {
        guard maxRows > 0, width > 2, !entries.isEmpty else { return ([], entries.count) }
        let gap = 2
        var slots: [LegendSlot] = []
        var row = 0
        var column = 0
        for (index, entry) in entries.enumerated() {
            let itemWidth = min(entry.label.count, width - 2) + 2
            if column > 0 && column + itemWidth > width {
                row += 1
                column = 0
            }
            if row >= maxRows { break }
            slots.append(LegendSlot(row: row, column: column, entry: index))
            column += itemWidth + gap
        }
        // Free room for "…+N more" on the last row by dropping its last entries.
        while slots.count < entries.count, let last = slots.last {
            let moreWidth = moreText(entries.count - slots.count, glyphs: glyphs).count
            let end = last.column + min(entries[last.entry].label.count, width - 2) + 2 + gap
            if end + moreWidth <= width { break }
            slots.removeLast()
        }
        return (slots, entries.count - slots.count)
    }

    /// Rows a flowed legend occupies.
    static func rowsUsed(_ layout: (slots: [LegendSlot], hidden: Int)) -> Int {
        (layout.slots.last?.row ?? -1) + 1 + (layout.slots.isEmpty && layout.hidden > 0 ? 1 : 0)
    }

    /// Draws a flowed legend with its first row at `top`.
    static func drawBelow(_ entries: [LegendEntry], layout: (slots: [LegendSlot], hidden: Int), into grid: inout CellGrid, top: Int, width: Int, glyphs: GlyphSet) {
        var end = 0
        for slot in layout.slots {
            let entry = entries[slot.entry]
            let label = truncate(entry.label, to: width - 2, glyphs: glyphs)
            grid.put(String(glyphs.legendSymbol(for: entry.role)), x: slot.column, y: top + slot.row, role: entry.role)
            grid.put(label, x: slot.column + 2, y: top + slot.row, role: .normal)
            end = slot.column + label.count + 2 + 2
        }
        if layout.hidden > 0 {
            let row = layout.slots.last?.row ?? 0
            let text = moreText(layout.hidden, glyphs: glyphs)
            grid.put(text, x: layout.slots.isEmpty ? 0 : end, y: top + row, role: .muted)
        }
    }
}
