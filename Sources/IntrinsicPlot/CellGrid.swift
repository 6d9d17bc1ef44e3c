// A grid of terminal cells with colour roles: what every plot renders to.

/// A semantic colour. Themes map roles to terminal colours; plain text output drops them.
public enum ColorRole: Sendable, Hashable {
    case normal
    case axis
    case tick
    case title
    case muted
    /// The n-th colour of the categorical palette (labels, clusters, homology dimensions).
    case series(Int)
    /// The k-th step of a sequential ramp, 0 (faint) … 7 (dense), for density shading.
    case ramp(Int)
}

/// One terminal cell: a single-width character and how to draw it.
public struct Cell: Sendable, Equatable {
    public var character: Character
    public var role: ColorRole
    public var bold: Bool

    public init(_ character: Character = " ", role: ColorRole = .normal, bold: Bool = false) {
        self.character = character
        self.role = role
        self.bold = bold
    }

    public static let blank = Cell()
}

/// A `width × height` grid of cells, row 0 at the top.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        precondition(width >= 0 && height >= 0, "CellGrid size must be non-negative, got \(width)×\(height)")
        self.width = width
        self.height = height
        cells = Array(repeating: fill, count: width * height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from column `x` of row `y`, clipped at the grid's edges.
    public mutating func put(_ text: String, x: Int, y: Int, role: ColorRole = .normal, bold: Bool = false) {
        guard y >= 0, y < height else { return }
        var column = x
        for character in text {
            if column >= width { break }
            if column >= 0 { self[column, y] = Cell(character, role: role, bold: bold) }
            column += 1
        }
    }

    /// Writes `text` centred on column `center`, shifted to stay inside the grid when it can.
    public mutating func put(_ text: String, centeredAt center: Int, y: Int, role: ColorRole = .normal, bold: Bool = false) {
        let length = text.count
        let start = min(max(0, center - length / 2), max(0, width - length))
        put(text, x: start, y: y, role: role, bold: bold)
    }

    /// Writes `text` so that its last character sits in column `right`.
    public mutating func put(_ text: String, rightAlignedAt right: Int, y: Int, role: ColorRole = .normal, bold: Bool = false) {
        put(text, x: right - text.count + 1, y: y, role: role, bold: bold)
    }

    /// Row `y` as plain text, trailing spaces kept.
    public func line(_ y: Int) -> String {
        String(cells[(y * width)..<((y + 1) * width)].map(\.character))
    }

    /// The whole grid as plain text, one line per row, trailing spaces removed.
    public var text: String {
        (0..<height).map { y in
            var s = line(y)
            while s.last == " " { s.removeLast() }
            return s
        }.joined(separator: "\n")
    }
}
