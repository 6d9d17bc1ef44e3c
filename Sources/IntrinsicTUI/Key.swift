// Keys as the controller receives them, decoded from curses' `get_wch` codes.

import CNcursesw

/// A key press, independent of curses.
public enum Key: Equatable, Sendable {
    case character(Character)
    case enter
    case escape
    case tab
    /// Shift-Tab.
    case backTab
    case up, down, left, right
    case home, end, pageUp, pageDown
    case backspace
    case delete
    /// Ctrl-C (delivered as a key because the screen runs in raw mode).
    case interrupt
    /// The terminal changed size.
    case resize
    /// A function key or control code the UI does not use.
    case other(Int32)

    /// Decodes the result of `get_wch`.
    /// - Parameters:
    ///   - code: the character or key code that `get_wch` stored.
    ///   - isKeyCode: true when `get_wch` returned `KEY_CODE_YES`.
    public static func decode(_ code: UInt32, isKeyCode: Bool) -> Key {
        if isKeyCode {
            switch Int32(bitPattern: code) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_BTAB: return .backTab
            case KEY_ENTER: return .enter
            case KEY_RESIZE: return .resize
            default: return .other(Int32(bitPattern: code))
            }
        }
        switch code {
        case 3: return .interrupt
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 0..<32: return .other(Int32(code))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .other(Int32(bitPattern: code)) }
            return .character(Character(scalar))
        }
    }
}
