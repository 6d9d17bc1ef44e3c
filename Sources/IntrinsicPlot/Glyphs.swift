// Glyph tables for the canvases: Braille, block elements, density ramps and axis lines.

/// The characters one render uses, chosen once by `RenderStyle.unicode`.
///
/// Tables are built once and indexed by small integers in the hot loops, so no renderer
/// creates `Character`s from scalars per cell.
struct GlyphSet: Sendable {
    /// Indexed by the 8-bit Braille dot pattern (see `BrailleDots`); in ASCII a glyph chosen
    /// by how many of the cell's 8 dots are set.
    let dots: [Character]
    /// Upward bars by eighths of a cell: index 0 (empty) … 8 (full).
    let upwardEighths: [Character]
    /// Density shading from light to dense; index 0 is the lightest non-empty level.
    let density: [Character]
    let vertical: Character
    let horizontal: Character
    let corner: Character
    let rightCorner: Character
    let leftTick: Character
    let rightTick: Character
    let bottomTick: Character
    let barBody: Character
    let barArrow: Character
    let legendSymbol: Character
    /// ASCII only: one marker per palette colour, so that categories stay apart without
    /// colour; nil in Unicode, where Braille dots carry no shape.
    let seriesMarkers: [Character]?
    let ellipsis: String
    let infinity: String
    let times: String
    let lessOrEqual: String

    static let unicode = GlyphSet(
        dots: (0..<256).map { Character(Unicode.Scalar(UInt32(0x2800 + $0))!) },
        upwardEighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        density: ["░", "▒", "▓", "█"],
        vertical: "│", horizontal: "─", corner: "└", rightCorner: "┘",
        leftTick: "┤", rightTick: "├", bottomTick: "┬",
        barBody: "━", barArrow: "▶", legendSymbol: "⣿", seriesMarkers: nil,
        ellipsis: "…", infinity: "∞", times: "×", lessOrEqual: "≤")

    static let ascii = GlyphSet(
        dots: (0..<256).map { asciiDotGlyph(setDots: $0.nonzeroBitCount) },
        // Eighths have no ASCII shapes: low partial cells read as "_", high ones as "=".
        upwardEighths: [" ", "_", "_", "_", "=", "=", "=", "=", "#"],
        density: [".", ":", "-", "=", "+", "*", "#", "%", "@"],
        vertical: "|", horizontal: "-", corner: "+", rightCorner: "+",
        leftTick: "+", rightTick: "+", bottomTick: "+",
        barBody: "=", barArrow: ">", legendSymbol: "#",
        seriesMarkers: ["o", "x", "+", "*", "#", "@", "%", "&"],
        ellipsis: "...", infinity: "inf", times: "x", lessOrEqual: "<=")

    /// Returns the marker of a series in ASCII, or nil when the glyph should show the dots.
    func marker(for role: ColorRole) -> Character? {
        guard let seriesMarkers, case .series(let index) = role else { return nil }
        return seriesMarkers[((index % seriesMarkers.count) + seriesMarkers.count) % seriesMarkers.count]
    }

    /// Returns the legend symbol of an entry drawn in `role`.
    func legendSymbol(for role: ColorRole) -> Character {
        marker(for: role) ?? legendSymbol
    }

    static func forStyle(_ style: RenderStyle) -> GlyphSet {
        style.unicode ? unicode : ascii
    }

    /// '.', ':', '*', '#' for 1, 2, 3–4 and 5–8 set dots.
    private static func asciiDotGlyph(setDots: Int) -> Character {
        switch setDots {
        case 0: return " "
        case 1: return "."
        case 2: return ":"
        case 3, 4: return "*"
        default: return "#"
        }
    }
}
