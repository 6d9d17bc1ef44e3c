// The narrow view of the workbench that the TUI draws from, so tests can fake it.

import IntrinsicCore
import IntrinsicPlot

/// The state of one run, as the panes show it.
public enum RunState: Equatable, Sendable {
    case queued
    case running(ProgressSnapshot)
    /// Finished successfully after `elapsed` seconds.
    case finished(elapsed: Double)
    case failed(String)
    case cancelled

    public var isActive: Bool {
        switch self {
        case .queued, .running: return true
        default: return false
        }
    }
}

/// One run of a method, as the panes show it.
public struct RunView: Equatable, Sendable {
    public var id: Int
    public var method: String
    public var parameters: ParameterSet
    public var seed: UInt64
    public var state: RunState
    /// Figures of a finished run, the default view first; empty otherwise.
    public var figures: [Figure]
    /// Scalar results for the results pane, such as "dimension = 6.84".
    public var summaryLines: [String]
    public var warnings: [String]

    public init(
        id: Int, method: String, parameters: ParameterSet, seed: UInt64, state: RunState,
        figures: [Figure] = [], summaryLines: [String] = [], warnings: [String] = []
    ) {
        self.id = id
        self.method = method
        self.parameters = parameters
        self.seed = seed
        self.state = state
        self.figures = figures
        self.summaryLines = summaryLines
        self.warnings = warnings
    }
}

/// Severity of a message on the status line or a line in the log.
public enum MessageLevel: Int, Comparable, Sendable {
    case info, warning, error
    public static func < (a: MessageLevel, b: MessageLevel) -> Bool { a.rawValue < b.rawValue }
}

/// One recent log entry for the results pane.
public struct LogLine: Equatable, Sendable {
    public var level: MessageLevel
    public var text: String
    public init(level: MessageLevel, text: String) {
        self.level = level
        self.text = text
    }
}

/// The workbench as the TUI uses it. All members are called on the main thread.
///
/// `start` runs the method on a worker thread. The worker wakes the event loop on progress
/// and on completion (through a callback the workbench was made with), and the loop then
/// calls `poll` to pull the new states into `runs`.
@MainActor
public protocol WorkbenchModel: AnyObject {
    /// Path of the loaded data set, nil before one is loaded.
    var datasetPath: String? { get }
    /// Lines describing the loaded data set (shape, labels, dropped rows, notes).
    var datasetSummary: [String] { get }
    var runs: [RunView] { get }
    /// Index into `runs` of the run the plot and results panes show.
    var selectedRun: Int? { get set }
    /// Index into the selected run's figures.
    var selectedFigure: Int { get set }
    /// True when runs or the data set changed since the last save or restore.
    var isDirty: Bool { get }
    /// Path of the session file last saved or restored.
    var sessionPath: String? { get }

    /// Loads a data set, replacing the current one.
    /// - Throws: the loader's error, naming the file and line.
    func load(path: String) throws
    /// Starts `method` on the loaded data set.
    /// - Throws: when no data set is loaded or the method name is unknown.
    func start(method: String, parameters: ParameterSet, seed: UInt64) throws
    /// Pulls finished and progressed job states into `runs`; returns whether anything changed.
    @discardableResult func poll() -> Bool
    /// Asks the running job to stop; returns whether a job was running.
    @discardableResult func cancelRunning() -> Bool
    /// Saves the session atomically to `path`.
    /// Saves atomically; `focus` is the focused pane's name, restored with the session.
    func saveSession(to path: String, focus: String) throws
    /// The latest log entries, oldest first.
    func recentLog() -> [LogLine]
}

extension WorkbenchModel {
    /// The run that is running now, if any.
    public var runningRun: RunView? {
        runs.first { if case .running = $0.state { return true } else { return false } }
    }

    public var hasActiveRun: Bool { runs.contains { $0.state.isActive } }
}
