// A leveled diagnostic log written to a file, because curses owns the screen.

import Foundation
import Synchronization

/// Severity of a log entry, in increasing order.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case debug, info, warning, error

    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .debug: return "debug"
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        }
    }

    /// Parses "debug", "info", "warning" or "error".
    public init?(name: String) {
        guard let level = LogLevel.allCases.first(where: { $0.description == name.lowercased() }) else { return nil }
        self = level
    }
}

/// One line of the log.
public struct LogEntry: Sendable, Equatable {
    public var level: LogLevel
    public var message: String
    public var time: Date
}

/// A thread-safe log: appends to a file (when one is set) and keeps the latest entries in
/// memory for the results pane.
///
/// Entries below `minimumLevel` are dropped before formatting. The file is opened in append
/// mode; if it cannot be opened, logging continues in memory only and `fileError` contains the reason.
public final class Log: Sendable {
    public let minimumLevel: LogLevel
    public let path: String?
    private let state: Mutex<(handle: FileHandle?, recent: [LogEntry], sequence: Int)>
    public let fileError: String?
    private static let recentCapacity = 500

    public init(path: String?, minimumLevel: LogLevel = .info) {
        self.minimumLevel = minimumLevel
        self.path = path
        var handle: FileHandle?
        var error: String?
        if let path {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            handle = FileHandle(forWritingAtPath: path)
            if handle == nil { error = "cannot open log file \(path) for writing" }
            _ = try? handle?.seekToEnd()
        }
        fileError = error
        state = Mutex((handle, [], 0))
    }

    /// Makes a log that keeps entries in memory only.
    public static func memory(minimumLevel: LogLevel = .debug) -> Log { Log(path: nil, minimumLevel: minimumLevel) }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard level >= minimumLevel else { return }
        let entry = LogEntry(level: level, message: message(), time: Date())
        let line = "\(Log.timestamp(entry.time)) \(level.description.uppercased()) \(entry.message)\n"
        state.withLock { state in
            state.recent.append(entry)
            if state.recent.count > Log.recentCapacity { state.recent.removeFirst(state.recent.count - Log.recentCapacity) }
            state.sequence += 1
            state.handle?.write(Data(line.utf8))
        }
    }

    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }

    /// Returns the latest entries, oldest first, and a counter that grows with every entry (so a
    /// caller can tell whether anything new arrived).
    public func recent() -> (entries: [LogEntry], sequence: Int) {
        state.withLock { ($0.recent, $0.sequence) }
    }

    private static func timestamp(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        var seconds = time_t(t)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = Int((t - Double(seconds)) * 1000)
        func pad(_ v: Int32, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }
}
