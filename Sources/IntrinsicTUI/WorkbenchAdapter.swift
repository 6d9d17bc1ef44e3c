// Presents IntrinsicApp's Workbench through the narrow view the TUI draws from.

import IntrinsicApp
import IntrinsicCore

/// A `WorkbenchModel` backed by the real `Workbench`.
@MainActor
public final class WorkbenchAdapter: WorkbenchModel {
    public let workbench: Workbench
    /// Options for files opened with the `o` key (label column, dropping missing values).
    public var loadOptions: LoadOptions
    /// The theme name recorded in saved sessions.
    public var themeName: String?

    public init(_ workbench: Workbench, loadOptions: LoadOptions = LoadOptions(), themeName: String? = nil) {
        self.workbench = workbench
        self.loadOptions = loadOptions
        self.themeName = themeName
    }

    public var datasetPath: String? { workbench.source?.path }

    public var datasetSummary: [String] {
        guard let source = workbench.source else { return [] }
        var lines = source.summary.lines
        if source.loaded.droppedRows > 0 {
            lines.append("dropped \(source.loaded.droppedRows) row(s) with missing values")
        }
        return lines + source.loaded.notes
    }

    public var runs: [RunView] {
        workbench.runs.map { record in
            var view = RunView(
                id: record.id, method: record.method, parameters: record.parameters, seed: record.seed,
                state: .queued, figures: record.figures)
            switch record.status {
            case .queued: view.state = .queued
            case .running(let progress): view.state = .running(progress)
            case .finished(let result, let elapsed):
                view.state = .finished(elapsed: elapsed)
                view.summaryLines = ResultFigures.summaryLines(for: result)
                view.warnings = result.warnings
            case .failed(let message): view.state = .failed(message)
            case .cancelled: view.state = .cancelled
            }
            return view
        }
    }

    public var selectedRun: Int? {
        get { workbench.selectedRun }
        set { workbench.selectedRun = newValue }
    }

    public var selectedFigure: Int {
        get { workbench.selectedFigure }
        set { workbench.selectedFigure = newValue }
    }

    public var isDirty: Bool { workbench.isDirty }
    public var sessionPath: String? { workbench.sessionPath }

    public func load(path: String) throws {
        try workbench.load(path: path, options: loadOptions)
    }

    public func start(method: String, parameters: ParameterSet, seed: UInt64) throws {
        try workbench.start(method: try MethodRegistry.lookup(method), parameters: parameters, seed: seed)
    }

    public func poll() -> Bool { workbench.poll() }

    public func cancelRunning() -> Bool {
        guard workbench.isRunning else { return false }
        workbench.cancelRunning()
        return true
    }

    public func saveSession(to path: String, focus: String) throws {
        try workbench.saveSession(to: path, focus: focus, theme: themeName)
    }

    public func recentLog() -> [LogLine] {
        workbench.log.recent().entries.suffix(100).map { entry in
            let level: MessageLevel
            switch entry.level {
            case .debug, .info: level = .info
            case .warning: level = .warning
            case .error: level = .error
            }
            return LogLine(level: level, text: entry.message)
        }
    }
}
