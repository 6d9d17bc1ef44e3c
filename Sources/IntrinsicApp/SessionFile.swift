// The session file: which data set, which runs in which order, and what was on screen.

import Foundation
import IntrinsicCore

/// A saved session, written as JSON with a format version.
///
/// Results are not stored: restoring re-runs the recorded runs, which is exact because every
/// method is deterministic for its data, parameters and seed. The data file is identified by
/// its size and SHA-256, so a changed file is detected before anything is re-run.
public struct SessionFile: Codable, Equatable, Sendable {
    /// Version this build writes and the newest it reads.
    public static let currentVersion = 1
    public static let formatName = "intrinsic-session"

    public var format: String
    public var version: Int
    public var dataset: DatasetReference?
    public var runs: [RunEntry]
    public var view: ViewState
    /// When the file was written, ISO 8601 in UTC; informational only.
    public var savedAt: String?

    public init(dataset: DatasetReference?, runs: [RunEntry], view: ViewState, savedAt: String? = nil) {
        format = SessionFile.formatName
        version = SessionFile.currentVersion
        self.dataset = dataset
        self.runs = runs
        self.view = view
        self.savedAt = savedAt
    }

    /// The data file a session was made on.
    public struct DatasetReference: Codable, Equatable, Sendable {
        /// Path as the user gave it; a relative path is relative to the session file's folder.
        public var path: String
        public var bytes: Int
        public var sha256: String
        public var labelColumn: String?
        public var dropMissing: Bool

        enum CodingKeys: String, CodingKey {
            case path, bytes, sha256
            case labelColumn = "label_column"
            case dropMissing = "drop_missing"
        }
    }

    /// One run: method, its parameters as the texts the user could have typed, and the seed.
    public struct RunEntry: Codable, Equatable, Sendable {
        public var method: String
        public var parameters: [String: String]
        public var seed: UInt64
    }

    /// The view on screen when the session was saved.
    public struct ViewState: Codable, Equatable, Sendable {
        /// Index of the selected run, or nil when none was selected.
        public var run: Int?
        /// Index of the figure shown for that run.
        public var figure: Int
        /// Name of the focused pane.
        public var focus: String?
        public var theme: String?

        public init(run: Int?, figure: Int, focus: String? = nil, theme: String? = nil) {
            self.run = run
            self.figure = figure
            self.focus = focus
            self.theme = theme
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, version, dataset, runs, view
        case savedAt = "saved_at"
    }
}

/// A failure to save or restore a session.
public enum SessionError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case corrupt(path: String, detail: String)
    case notASession(path: String)
    case newerVersion(path: String, found: Int, supported: Int)
    case dataMissing(session: String, dataPath: String)
    case dataChanged(session: String, dataPath: String, expected: String, found: String)
    case invalidRun(session: String, index: Int, detail: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read session \(path): \(reason)"
        case let .corrupt(path, detail):
            return "session \(path) is corrupt (\(detail)); the file was not changed"
        case let .notASession(path):
            return "\(path) is not an Intrinsic session file (no \"format\": \"\(SessionFile.formatName)\")"
        case let .newerVersion(path, found, supported):
            return "session \(path) has format version \(found), but this build reads versions up to \(supported); update Intrinsic to open it"
        case let .dataMissing(session, dataPath):
            return "session \(session) refers to data file \(dataPath), which does not exist; restore the file or move it back"
        case let .dataChanged(session, dataPath, expected, found):
            return "data file \(dataPath) has changed since session \(session) was saved "
                + "(SHA-256 \(found.prefix(12))…, expected \(expected.prefix(12))…), so the recorded runs would not reproduce their results; "
                + "restore the original file, or open the new one with 'intrinsic \(dataPath)' and run the methods again"
        case let .invalidRun(session, index, detail):
            return "session \(session), run \(index + 1): \(detail)"
        case let .writeFailed(path, reason):
            return "cannot save session to \(path): \(reason); the previous file, if any, is unchanged"
        }
    }
}

extension SessionFile {
    /// Reads and checks a session file: format name, version and JSON structure.
    public static func read(from path: String) throws -> SessionFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? error.localizedDescription : "no such file"
            throw SessionError.unreadable(path: path, reason: reason)
        }
        // Check format and version before the full decode, so a newer file gets the version
        // message rather than a confusing decoding error about a field it added.
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            throw SessionError.corrupt(path: path, detail: "not valid JSON")
        }
        guard let top = object as? [String: Any], top["format"] as? String == formatName else {
            throw SessionError.notASession(path: path)
        }
        guard let version = top["version"] as? Int else {
            throw SessionError.corrupt(path: path, detail: "missing or non-integer \"version\"")
        }
        if version > currentVersion {
            throw SessionError.newerVersion(path: path, found: version, supported: currentVersion)
        }
        do {
            return try JSONDecoder().decode(SessionFile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw SessionError.corrupt(path: path, detail: "missing \"\(key.stringValue)\" at \(codingPath(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw SessionError.corrupt(path: path, detail: "wrong type at \(codingPath(context.codingPath))")
        } catch {
            throw SessionError.corrupt(path: path, detail: "\(error)")
        }
    }

    /// Writes the session atomically: a temporary file in the same folder is written and
    /// flushed, then renamed over `path`, so a failed save never damages the previous file.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(self)
        } catch {
            throw SessionError.writeFailed(path: path, reason: "\(error)")
        }
        do {
            try writeAtomically(data + Data("\n".utf8), to: path)
        } catch let error as FileWriteError {
            throw SessionError.writeFailed(path: path, reason: error.reason)
        }
    }

    /// Resolves a relative data path against the session file's folder.
    public static func resolve(dataPath: String, sessionPath: String) -> String {
        if dataPath.hasPrefix("/") { return dataPath }
        let folder = (sessionPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? dataPath : (folder as NSString).appendingPathComponent(dataPath)
    }

    private static func codingPath(_ path: [CodingKey]) -> String {
        path.isEmpty ? "top level" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// A file that could not be written; `path` is unchanged.
struct FileWriteError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write \(path): \(reason)" }
}

/// Writes `data` to a temporary file beside `path`, flushes it to disk, then renames it
/// over `path`. On any failure the temporary file is removed and `path` is untouched.
/// - Throws: `FileWriteError`; a missing folder is named as such.
func writeAtomically(_ data: Data, to path: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).tmp-\(getpid())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
        let code = errno
        var isFolder: ObjCBool = false
        let parent = folder.isEmpty ? "." : folder
        if code == ENOENT && !(FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) && isFolder.boolValue) {
            throw FileWriteError(path: path, reason: "the folder \(parent) does not exist")
        }
        throw FileWriteError(path: path, reason: String(cString: strerror(code)))
    }
    var failure: String?
    data.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += written
        }
    }
    if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    close(fd)
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
        unlink(temporary)
        throw FileWriteError(path: path, reason: failure)
    }
}
