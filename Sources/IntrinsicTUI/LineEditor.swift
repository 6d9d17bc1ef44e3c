// One-line text editing for prompts and parameter values, and file-name completion.

import Foundation

/// A single line of text with a cursor, edited by keys.
public struct LineEditor: Equatable, Sendable {
    public private(set) var text: String
    /// Cursor position in characters, 0…text.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; returns false for keys that do not edit (Enter, Esc, Tab, …).
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            text.insert(c, at: text.index(text.startIndex, offsetBy: cursor))
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        default: return false
        }
        return true
    }

    public mutating func replace(with newText: String) {
        text = newText
        cursor = newText.count
    }
}

/// Tab completion of file paths, as shells do it.
public enum PathCompletion {
    /// The result of completing a partial path.
    public struct Result: Equatable, Sendable {
        /// The text after completion: the input extended by the candidates' common prefix.
        public var text: String
        /// Matching names (directories end in `/`) when more than one matched; empty otherwise.
        public var candidates: [String]
    }

    /// Completes the last component of `text` against the entries of its folder.
    ///
    /// A single match is completed in full, with `/` after a directory. Several matches are
    /// extended to their longest common prefix and returned as candidates. Hidden entries
    /// are offered only when the typed prefix starts with a dot. `~` is expanded.
    /// - Parameter currentDirectory: the folder relative paths start from.
    public static func complete(_ text: String, currentDirectory: String) -> Result {
        let expanded = (text as NSString).expandingTildeInPath
        let folderPart: String
        let prefix: String
        if let slash = expanded.lastIndex(of: "/") {
            folderPart = String(expanded[...slash])
            prefix = String(expanded[expanded.index(after: slash)...])
        } else {
            folderPart = ""
            prefix = expanded
        }
        let folder = folderPart.isEmpty
            ? currentDirectory
            : (folderPart.hasPrefix("/") ? folderPart : (currentDirectory as NSString).appendingPathComponent(folderPart))
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let matches = entries
            .filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
            .map { name -> String in
                var isDirectory: ObjCBool = false
                let path = (folder as NSString).appendingPathComponent(name)
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                return exists && isDirectory.boolValue ? name + "/" : name
            }
        switch matches.count {
        case 0:
            return Result(text: text, candidates: [])
        case 1:
            return Result(text: folderPart + matches[0], candidates: [])
        default:
            let common = matches.dropFirst().reduce(matches[0]) { commonPrefix($0, $1) }
            let completed = common.count > prefix.count ? folderPart + common : text
            return Result(text: completed, candidates: matches)
        }
    }

    private static func commonPrefix(_ a: String, _ b: String) -> String {
        String(zip(a, b).prefix { $0 == $1 }.map(\.0))
    }
}
