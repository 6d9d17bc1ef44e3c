// Colour themes: a small text format that maps UI and plot roles to terminal colours.
//
// A theme file has one setting per line; `#` starts a comment and blank lines are ignored:
//
//     monochrome = no                 # yes: draw with attributes only, never colours
//     border = cyan                   # role = foreground [on background] [attribute …]
//     status = black on cyan bold
//     ramp3 = 67                      # a 256-colour index
//
// Colours are `default` (the terminal's own), the eight basic names `black`, `red`, `green`,
// `yellow`, `blue`, `magenta`, `cyan`, `white`, their `bright-` forms (indices 8–15), or an
// index 0–255. Attributes are `bold`, `dim`, `reverse` and `underline`. A role that a file
// leaves out is drawn like `text`.

import Foundation
import IntrinsicPlot

/// A role that a theme styles: a part of the UI, or a plot's `ColorRole`.
public enum ThemeRole: Hashable, Sendable, CustomStringConvertible {
    case text
    case border
    case focusedBorder
    case title
    case statusBar
    case error
    case warning
    case selection
    /// Hints and secondary text, such as parameter help.
    case hint
    case progress
    case axis
    case tick
    case plotTitle
    case muted
    /// Categorical palette entry 0…7.
    case series(Int)
    /// Sequential ramp step 0 (faint) … 7 (dense).
    case ramp(Int)

    /// Every role, in the order theme files list them.
    public static let all: [ThemeRole] =
        [.text, .border, .focusedBorder, .title, .statusBar, .error, .warning, .selection, .hint, .progress,
         .axis, .tick, .plotTitle, .muted]
        + (0..<8).map { ThemeRole.series($0) } + (0..<8).map { ThemeRole.ramp($0) }

    /// The role's name in theme files, such as `focused-border` or `series3`.
    public var description: String {
        switch self {
        case .text: return "text"
        case .border: return "border"
        case .focusedBorder: return "focused-border"
        case .title: return "title"
        case .statusBar: return "status"
        case .error: return "error"
        case .warning: return "warning"
        case .selection: return "selection"
        case .hint: return "hint"
        case .progress: return "progress"
        case .axis: return "axis"
        case .tick: return "tick"
        case .plotTitle: return "plot-title"
        case .muted: return "muted"
        case .series(let i): return "series\(i)"
        case .ramp(let i): return "ramp\(i)"
        }
    }

    /// Returns the theme role that draws a plot cell of `role`. Palette indices wrap modulo 8.
    public static func plot(_ role: ColorRole) -> ThemeRole {
        switch role {
        case .normal: return .text
        case .axis: return .axis
        case .tick: return .tick
        case .title: return .plotTitle
        case .muted: return .muted
        case .series(let i): return .series(((i % 8) + 8) % 8)
        case .ramp(let i): return .ramp(min(max(i, 0), 7))
        }
    }
}

/// A terminal colour: the terminal's default, or an index into the 256-colour palette.
public enum ThemeColor: Equatable, Hashable, Sendable {
    case terminalDefault
    /// 0–7 basic, 8–15 bright, 16–231 the 6×6×6 cube, 232–255 the grey ramp.
    case index(Int)

    static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses a colour name or index; nil when `word` is neither.
    public init?(word: String) {
        let lower = word.lowercased()
        if lower == "default" {
            self = .terminalDefault
        } else if let i = ThemeColor.basicNames.firstIndex(of: lower) {
            self = .index(i)
        } else if lower.hasPrefix("bright-"), let i = ThemeColor.basicNames.firstIndex(of: String(lower.dropFirst(7))) {
            self = .index(i + 8)
        } else if let i = Int(lower), (0...255).contains(i) {
            self = .index(i)
        } else {
            return nil
        }
    }

    /// The nearest colour a terminal with only `colors` colours can show (8 or 16 basic
    /// colours); indices the terminal supports are returned unchanged.
    public func reduced(toColors colors: Int) -> ThemeColor {
        guard case .index(let i) = self, i >= colors else { return self }
        if i < 16 { return .index(i - 8) }
        if i < 232 {
            // The cube's components run 0…5; a component of 3 or more counts as "on", which
            // maps the cube onto the basic colours' bit order (red 1, green 2, blue 4).
            let c = i - 16
            let r = c / 36, g = (c / 6) % 6, b = c % 6
            return .index((r >= 3 ? 1 : 0) + (g >= 3 ? 2 : 0) + (b >= 3 ? 4 : 0))
        }
        return .index(i - 232 < 12 ? 0 : 7)
    }
}

/// The colours and attributes of one role.
public struct ThemeStyle: Equatable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }
}

/// An error in a theme file or a theme name: the message names the file and line.
public struct ThemeError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String?, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        switch (file, line) {
        case let (file?, line?): return "\(file):\(line): \(message)"
        case let (file?, nil): return "\(file): \(message)"
        default: return message
        }
    }
}

/// A parsed theme: a style per role and whether to use colour at all.
public struct Theme: Equatable, Sendable {
    public var name: String
    /// Draw with attributes only; also forced when the terminal has no colours.
    public var monochrome: Bool
    public var styles: [ThemeRole: ThemeStyle]

    public init(name: String, monochrome: Bool = false, styles: [ThemeRole: ThemeStyle] = [:]) {
        self.name = name
        self.monochrome = monochrome
        self.styles = styles
    }

    /// Returns the style of `role`, or the `text` style when the theme leaves the role out.
    public subscript(role: ThemeRole) -> ThemeStyle {
        styles[role] ?? styles[.text] ?? ThemeStyle()
    }

    /// Parses the text of a theme file.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - name: the theme's name, such as `dark`.
    ///   - file: the path used in error messages.
    /// - Throws: `ThemeError` naming the file and line of the first bad setting.
    public static func parse(_ text: String, name: String, file: String) throws -> Theme {
        var theme = Theme(name: name)
        var lineOfRole: [String: Int] = [:]
        let rolesByName = Dictionary(uniqueKeysWithValues: ThemeRole.all.map { ($0.description, $0) })

        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            func fail(_ message: String) -> ThemeError { ThemeError(file: file, line: lineNumber, message) }

            let content = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw fail("expected 'role = colour [on colour] [attributes]', got '\(trimmed)'")
            }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            let words = trimmed[trimmed.index(after: eq)...].split(whereSeparator: \.isWhitespace).map(String.init)
            if let first = lineOfRole[key] {
                throw fail("'\(key)' is already set on line \(first)")
            }
            lineOfRole[key] = lineNumber

            if key == "monochrome" {
                switch words.map({ $0.lowercased() }) {
                case ["yes"], ["true"]: theme.monochrome = true
                case ["no"], ["false"]: theme.monochrome = false
                default: throw fail("monochrome must be yes or no, got '\(words.joined(separator: " "))'")
                }
                continue
            }
            guard let role = rolesByName[key] else {
                let suggestion = nearestRoleName(key, among: ThemeRole.all.map(\.description))
                throw fail("unknown role '\(key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                    + " (roles: monochrome, \(ThemeRole.all.map(\.description).joined(separator: ", ")))")
            }
            theme.styles[role] = try parseStyle(words, fail: fail)
        }
        return theme
    }

    private static func parseStyle(_ words: [String], fail: (String) -> ThemeError) throws -> ThemeStyle {
        var style = ThemeStyle()
        var index = 0
        guard let first = words.first else { throw fail("missing colour after '='") }
        if let colour = ThemeColor(word: first) {
            style.foreground = colour
            index = 1
        } else if !attributeNames.contains(first.lowercased()) {
            throw fail("unknown colour '\(first)': expected default, a colour name such as cyan or bright-red, or 0–255")
        }
        if index < words.count, words[index].lowercased() == "on" {
            guard index + 1 < words.count else { throw fail("missing background colour after 'on'") }
            guard let background = ThemeColor(word: words[index + 1]) else {
                throw fail("unknown background colour '\(words[index + 1])': expected default, a colour name or 0–255")
            }
            style.background = background
            index += 2
        }
        for word in words[index...] {
            switch word.lowercased() {
            case "bold": style.bold = true
            case "dim": style.dim = true
            case "reverse": style.reverse = true
            case "underline": style.underline = true
            default: throw fail("unknown attribute '\(word)': expected bold, dim, reverse or underline")
            }
        }
        return style
    }

    private static let attributeNames: Set<String> = ["bold", "dim", "reverse", "underline"]

    private static func nearestRoleName(_ name: String, among names: [String]) -> String? {
        names.first { $0.hasPrefix(name) || name.hasPrefix($0) }
            ?? names.first { $0.replacingOccurrences(of: "-", with: "") == name.replacingOccurrences(of: "-", with: "") }
    }

    /// Reads and parses a theme file; the theme is named after the file.
    /// - Throws: `ThemeError` when the file cannot be read or has a bad line.
    public static func load(path: String) throws -> Theme {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, line: nil, "cannot read the theme file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, line: nil, "the theme file is not valid UTF-8")
        }
        return try parse(text, name: name, file: path)
    }
}

extension Theme {
    /// Lists the folders searched for `NAME.theme`, in order: `$INTRINSIC_THEMES`, `./themes`, and
    /// `themes` next to the executable and in its parents up to three levels (so that
    /// `.build/release/intrinsic` finds the repository's `themes/`). Duplicates are dropped.
    public static func searchFolders(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = Bundle.main.executablePath
    ) -> [String] {
        var folders: [String] = []
        if let custom = environment["INTRINSIC_THEMES"], !custom.isEmpty { folders.append(custom) }
        folders.append((currentDirectory as NSString).appendingPathComponent("themes"))
        if let executablePath {
            var folder = ((executablePath as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
            for _ in 0...3 {
                folders.append((folder as NSString).appendingPathComponent("themes"))
                let parent = (folder as NSString).deletingLastPathComponent
                if parent == folder { break }
                folder = parent
            }
        }
        var seen = Set<String>()
        return folders.map { ($0 as NSString).standardizingPath }.filter { seen.insert($0).inserted }
    }

    /// Lists the theme names (file names without `.theme`) found in `folders`, sorted.
    public static func availableNames(in folders: [String]) -> [String] {
        var names = Set<String>()
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files where file.hasSuffix(".theme") { names.insert(String(file.dropLast(6))) }
        }
        return names.sorted()
    }

    /// Finds and loads the theme called `name`.
    ///
    /// A name containing `/` or ending in `.theme` is read as a path. Otherwise the first
    /// `folder/NAME.theme` wins. When no folder has `dark.theme` and `name` is `dark`, the
    /// built-in copy is returned with a warning.
    /// - Returns: the theme, and a warning for the status line when the built-in copy is used.
    /// - Throws: `ThemeError` for a bad file, or for an unknown name (listing the available ones).
    public static func resolve(named name: String, folders: [String]) throws -> (theme: Theme, warning: String?) {
        if name.contains("/") || name.hasSuffix(".theme") {
            return (try load(path: name), nil)
        }
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent("\(name).theme")
            if FileManager.default.fileExists(atPath: path) { return (try load(path: path), nil) }
        }
        if name == builtInDark.name {
            let searched = folders.isEmpty ? "no folders" : folders.joined(separator: ", ")
            return (builtInDark, "no dark.theme found (searched \(searched)); using the built-in dark theme")
        }
        var available = availableNames(in: folders)
        if !available.contains(builtInDark.name) { available.append("\(builtInDark.name) (built in)") }
        throw ThemeError(
            file: nil, line: nil,
            "unknown theme '\(name)' (available: \(available.joined(separator: ", "))); "
                + "themes are NAME.theme files in \(folders.joined(separator: ", "))")
    }

    /// The dark theme, compiled in so the TUI has colours when no theme folder is found.
    /// It is the same text as `themes/dark.theme` (a test checks that the two agree).
    public static let builtInDarkText = """
        # Intrinsic dark theme: light text on the terminal's (dark) background.
        monochrome = no

        text = default
        border = blue
        focused-border = bright-cyan bold
        title = bright-white bold
        status = black on cyan
        error = bright-white on red bold
        warning = yellow bold
        selection = black on bright-cyan
        hint = 244
        progress = green bold

        axis = 250
        tick = 245
        plot-title = bright-white bold
        muted = 242

        # Categorical palette: distinct hues for labels, clusters and homology dimensions.
        series0 = 39
        series1 = 208
        series2 = 76
        series3 = 199
        series4 = 220
        series5 = 141
        series6 = 44
        series7 = 203

        # Density ramp from faint to dense.
        ramp0 = 236
        ramp1 = 238
        ramp2 = 24
        ramp3 = 31
        ramp4 = 37
        ramp5 = 78
        ramp6 = 190
        ramp7 = 226

        """

    public static let builtInDark: Theme = {
        do {
            return try parse(builtInDarkText, name: "dark", file: "<built-in dark theme>")
        } catch {
            preconditionFailure("the built-in dark theme does not parse: \(error)")
        }
    }()
}
