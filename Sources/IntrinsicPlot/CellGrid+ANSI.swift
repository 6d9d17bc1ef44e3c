// Colour output of a cell grid as text with ANSI SGR escape sequences.

extension CellGrid {
    /// The grid as text with SGR escape sequences, one line per row.
    ///
    /// A sequence is emitted only where the style changes, every line that set a style ends
    /// with a reset (ESC [ 0 m), and trailing unstyled spaces are removed as in `text`.
    ///
    /// - Parameter colors: the SGR parameters for a role without "ESC [" and "m", for
    ///   example "31" or "38;5;208"; nil draws the role in the terminal's default colour.
    ///   Bold cells add parameter 1.
    public func ansiText(colors: (ColorRole) -> String?) -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        var cache: [ColorRole: String?] = [:]
        for y in 0..<height {
            var lastVisible = width - 1
            while lastVisible >= 0, self[lastVisible, y].character == " ", !self[lastVisible, y].bold {
                let role = self[lastVisible, y].role
                let sgr = cache[role] ?? colors(role)
                cache[role] = sgr
                if sgr != nil { break }
                lastVisible -= 1
            }
            var line = ""
            var active = ""
            for x in 0..<(lastVisible + 1) {
                let cell = self[x, y]
                let sgr: String?
                if let cached = cache[cell.role] {
                    sgr = cached
                } else {
                    sgr = colors(cell.role)
                    cache[cell.role] = sgr
                }
                var parameters: [String] = []
                if cell.bold { parameters.append("1") }
                if let sgr { parameters.append(sgr) }
                let wanted = parameters.joined(separator: ";")
                if wanted != active {
                    if !active.isEmpty { line += "\u{1B}[0m" }
                    if !wanted.isEmpty { line += "\u{1B}[\(wanted)m" }
                    active = wanted
                }
                line.append(cell.character)
            }
            if !active.isEmpty { line += "\u{1B}[0m" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
