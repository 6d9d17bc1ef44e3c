// The curses screen: terminal setup and teardown, colours from the theme, keys, drawing.

import CNcursesw
import Foundation
import IntrinsicApp

/// A failure to start the screen.
public struct ScreenError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

/// The terminal, through ncursesw. Every curses call of the program happens here, on the
/// main thread.
@MainActor
public final class Screen: Surface {
    public private(set) var width: Int
    public private(set) var height: Int
    /// Replace characters outside ASCII (box drawing, Braille, arrows) with ASCII look-alikes.
    public let asciiOnly: Bool
    /// True when the theme's colours are in use; false draws with attributes only.
    public private(set) var usesColour = false
    private var screen: OpaquePointer?
    private var output: UnsafeMutablePointer<FILE>?
    private var input: UnsafeMutablePointer<FILE>?
    /// Colour pair and attributes per role, computed once from the theme.
    private var attributes: [ThemeRole: (pair: Int16, attributes: attr_t)] = [:]
    private var buffer: [wchar_t] = []

    /// Opens the terminal on standard input and output.
    ///
    /// Sets the locale (falling back to C.UTF-8 when the environment's is not UTF-8), starts
    /// curses with `newterm` so an unknown `TERM` is an error rather than an exit, and puts
    /// the terminal in raw mode (Ctrl-C arrives as a key).
    /// - Throws: `ScreenError` when standard input or output is not a terminal, or the
    ///   terminal type is unknown.
    public init(theme: Theme, asciiOnly: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ScreenError(message: "the terminal UI needs a terminal on standard input and output; use 'intrinsic run' for batch work")
        }
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
        let utf8 = String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
        self.asciiOnly = asciiOnly || !utf8

        output = fdopen(dup(STDOUT_FILENO), "w")
        input = fdopen(dup(STDIN_FILENO), "r")
        guard let output, let input, let screen = newterm(nil, output, input) else {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            if let output { fclose(output) }
            if let input { fclose(input) }
            throw ScreenError(message: "cannot start the terminal UI: unknown or unusable terminal type TERM=\(term)")
        }
        self.screen = screen
        set_term(screen)
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        nodelay(cn_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        width = Int(cn_cols())
        height = Int(cn_lines())
        configureColours(theme)
    }

    private func configureColours(_ theme: Theme) {
        usesColour = has_colors() && !theme.monochrome
        var defaultsWork = false
        if usesColour {
            start_color()
            defaultsWork = use_default_colors() == OK
        }
        let colours = Int(cn_colors())
        func curses(_ colour: ThemeColor, fallback: Int16) -> Int16 {
            switch colour.reduced(toColors: max(8, colours)) {
            case .terminalDefault: return defaultsWork ? -1 : fallback
            case .index(let i): return Int16(i)
            }
        }
        for (offset, role) in ThemeRole.all.enumerated() {
            let style = theme[role]
            var attributes = cn_A_NORMAL()
            if style.bold { attributes |= cn_A_BOLD() }
            if style.dim { attributes |= cn_A_DIM() }
            if style.underline { attributes |= cn_A_UNDERLINE() }
            if style.reverse { attributes |= cn_A_REVERSE() }
            var pair: Int16 = 0
            if usesColour, offset + 1 < Int(cn_color_pairs()) {
                pair = Int16(offset + 1)
                init_pair(pair, curses(style.foreground, fallback: Int16(COLOR_WHITE)), curses(style.background, fallback: Int16(COLOR_BLACK)))
            } else if !theme.monochrome {
                // A colour theme on a terminal without colours: keep the roles apart by weight.
                attributes |= Screen.monochromeAttributes(role)
            }
            self.attributes[role] = (pair, attributes)
        }
    }

    private static func monochromeAttributes(_ role: ThemeRole) -> attr_t {
        switch role {
        case .statusBar, .selection, .error: return cn_A_REVERSE()
        case .focusedBorder, .title, .plotTitle, .warning, .progress: return cn_A_BOLD()
        case .hint, .muted, .border: return cn_A_DIM()
        default: return cn_A_NORMAL()
        }
    }

    /// Restores the terminal. Safe to call more than once.
    public func close() {
        guard let screen else { return }
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        if let output { fclose(output) }
        if let input { fclose(input) }
        output = nil
        input = nil
    }

    /// Re-reads the terminal size after a `KEY_RESIZE`.
    public func updateSize() {
        width = Int(cn_cols())
        height = Int(cn_lines())
    }

    // MARK: Surface

    public func clear() {
        erase()
    }

    public func put(_ text: String, x: Int, y: Int, role: ThemeRole, bold: Bool) {
        guard y >= 0, y < height, x < width, !text.isEmpty else { return }
        let style = attributes[role] ?? (0, cn_A_NORMAL())
        attr_set(bold ? style.attributes | cn_A_BOLD() : style.attributes, style.pair, nil)
        buffer.removeAll(keepingCapacity: true)
        var column = x
        for character in text {
            if column >= width { break }
            if column >= 0 {
                let scalar = character.unicodeScalars.first!
                if asciiOnly && !scalar.isASCII {
                    buffer.append(wchar_t(Screen.asciiLookAlike(character).value))
                } else {
                    buffer.append(wchar_t(bitPattern: scalar.value))
                }
            }
            column += 1
        }
        buffer.append(0)
        // Writing the bottom-right cell makes curses report an error because the cursor cannot
        // advance past it; the cell is drawn all the same, so the result is ignored.
        _ = mvaddwstr(Int32(y), Int32(max(0, x)), buffer)
        attr_set(cn_A_NORMAL(), 0, nil)
    }

    /// The ASCII stand-in for a character the terminal may not show.
    static func asciiLookAlike(_ character: Character) -> Unicode.Scalar {
        switch character {
        case "─", "═", "━": return "-"
        case "│", "║", "┃": return "|"
        case "┌", "┐", "└", "┘", "╔", "╗", "╚", "╝", "├", "┤", "┬", "┴", "┼": return "+"
        case "█", "▓": return "#"
        case "░", "▒", "·", "…": return "."
        case "▸", "▶", "→", "›": return ">"
        case "←", "‹": return "<"
        case "↑": return "^"
        case "↓": return "v"
        case "×": return "x"
        case "≥": return ">"
        case "≤": return "<"
        case "–", "—", "−": return "-"
        case "•", "●": return "o"
        default: return "?"
        }
    }

    /// Sends the frame to the terminal.
    public func present() {
        refresh()
    }

    // MARK: Keys

    /// The next pending key, or nil when none is waiting (the screen never blocks on input).
    public func readKey() -> Key? {
        var code: wint_t = 0
        let rc = get_wch(&code)
        if rc == ERR { return nil }
        let key = Key.decode(code, isKeyCode: rc == KEY_CODE_YES)
        if key == .resize { updateSize() }
        return key
    }
}
