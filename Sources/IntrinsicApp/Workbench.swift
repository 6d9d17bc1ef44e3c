// The state of a workbench session without any UI: data set, runs, selection, saving.

import Foundation
import IntrinsicCore
import IntrinsicPlot

/// The state of a run.
public enum RunStatus: Sendable {
    case queued
    case running(ProgressSnapshot)
    case finished(MethodResult, elapsedSeconds: Double)
    case failed(String)
    case cancelled

    public var isActive: Bool {
        switch self {
        case .queued, .running: return true
        default: return false
        }
    }

    /// One word for lists: queued, running, done, failed, cancelled.
    public var word: String {
        switch self {
        case .queued: return "queued"
        case .running: return "running"
        case .finished: return "done"
        case .failed: return "failed"
        case .cancelled: return "cancelled"
        }
    }
}

/// One run of a method in the session.
public struct RunRecord: Sendable {
    public let id: Int
    public var method: String
    public var parameters: ParameterSet
    public var seed: UInt64
    public var status: RunStatus
    /// Figures of a finished run, default view first; empty otherwise.
    public var figures: [Figure]

    /// "pca k=… " style one-line title: method and the parameters that differ from defaults.
    public var title: String {
        var text = "#\(id) \(method)"
        if let spec = MethodRegistry.method(named: method)?.parameters {
            let changed = spec.filter { parameters[$0.name] != $0.defaultValue }
            if !changed.isEmpty {
                text += " " + changed.map { "\($0.name)=\(parameters[$0.name]!.description)" }.joined(separator: " ")
            }
        }
        return text
    }

    public var result: MethodResult? {
        if case .finished(let result, _) = status { return result }
        return nil
    }
}

/// A loaded data set with where it came from.
public struct DatasetSource: Sendable {
    public var path: String
    public var options: LoadOptions
    public var loaded: LoadedDataset
    public var summary: DatasetSummary
    public var bytes: Int
    public var sha256: String
}

/// Everything a session contains, driven from one thread (the UI's or a test's).
///
/// Runs execute one at a time, in order, each on its own worker thread. `poll()` moves
/// finished jobs' outcomes into the run list and starts the next queued run.
public final class Workbench {
    public private(set) var source: DatasetSource?
    public private(set) var runs: [RunRecord] = []
    /// Index into `runs` of the run on screen.
    public var selectedRun: Int?
    /// Index into the selected run's figures.
    public var selectedFigure = 0
    /// True when something changed since the last save or restore.
    public private(set) var isDirty = false
    /// Path of the session file last saved or restored.
    public private(set) var sessionPath: String?
    public let log: Log
    private let wake: @Sendable () -> Void
    private var job: (index: Int, job: BackgroundJob)?
    private var nextID = 1

    /// - Parameter wake: called from worker threads when a job has news; the UI loop should
    ///   then call `poll()` on its own thread.
    public init(log: Log, wake: @escaping @Sendable () -> Void = {}) {
        self.log = log
        self.wake = wake
    }

    public var dataset: Dataset? { source?.loaded.dataset }

    public var selectedRecord: RunRecord? {
        guard let i = selectedRun, runs.indices.contains(i) else { return nil }
        return runs[i]
    }

    /// The figure on screen, if the selected run has finished.
    public var selectedFigureValue: Figure? {
        guard let figures = selectedRecord?.figures, !figures.isEmpty else { return nil }
        return figures[min(max(selectedFigure, 0), figures.count - 1)]
    }

    /// The progress of the running job, if any.
    public var runningProgress: (run: RunRecord, progress: ProgressSnapshot)? {
        guard let (index, job) = job else { return nil }
        return (runs[index], job.progress)
    }

    // MARK: Data

    /// Loads a data file, replacing the current data set and its runs. A running job is
    /// cancelled. The TUI confirms with the user before discarding unsaved runs.
    /// - Throws: `DataError` from the reader; the previous data set stays loaded.
    public func load(path: String, options: LoadOptions = LoadOptions()) throws {
        // NOTE: reading and hashing run on the caller's thread, which is the UI thread in the
        // TUI. A 29 MB CSV takes about 0.35 s here; files of gigabytes would stall the screen.
        let loaded = try DatasetLoader.load(path: path, options: options)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let bytes = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let digest = (try? SHA256.hexDigest(ofFile: path)) ?? ""
        source = DatasetSource(
            path: path, options: options, loaded: loaded, summary: DatasetSummary(loaded.dataset),
            bytes: bytes, sha256: digest)
        for note in loaded.notes { log.info("\(path): \(note)") }
        log.info("loaded \(path): \(loaded.dataset.rows) rows × \(loaded.dataset.columns) columns")
        // The running job belongs to the old runs: it is cancelled and forgotten, and its
        // thread ends on its own at the next cancellation check.
        cancelRunning()
        job = nil
        runs.removeAll()
        // Run numbers restart with the data set, so "run 2" in the plot title and in the
        // results pane is the same run.
        nextID = 1
        selectedRun = nil
        selectedFigure = 0
        isDirty = true
    }

    // MARK: Runs

    /// Queues a run of `method` on the current data set and starts it when nothing else runs.
    /// - Returns: the index of the new run.
    @discardableResult
    public func start(method: any AnalysisMethod, parameters: ParameterSet, seed: UInt64 = 0) throws -> Int {
        guard source != nil else { throw WorkbenchError.noDataset }
        let record = RunRecord(id: nextID, method: method.name, parameters: parameters, seed: seed, status: .queued, figures: [])
        nextID += 1
        runs.append(record)
        selectedRun = runs.count - 1
        selectedFigure = 0
        isDirty = true
        log.info("queued run #\(record.id): \(method.name) \(parameters.json.serialized(indent: 0))")
        startNextIfIdle()
        return runs.count - 1
    }

    /// Asks the running job to stop; it ends as `cancelled` at its next check.
    public func cancelRunning() {
        guard let (index, job) = job else { return }
        job.cancel()
        log.info("cancelling run #\(runs[index].id) \(runs[index].method)")
    }

    /// Moves the outcome of a finished job into the run list and starts the next queued run.
    /// - Returns: true when something changed that the screen should show.
    @discardableResult
    public func poll() -> Bool {
        guard let (index, running) = job else { return false }
        guard let outcome = running.outcome else {
            runs[index].status = .running(running.progress)
            return true
        }
        job = nil
        finish(index: index, outcome: outcome)
        startNextIfIdle()
        return true
    }

    /// Runs every queued run to the end on this thread's behalf, waiting for each job.
    /// Used by session restore in batch contexts and by tests.
    public func waitForAll(pollInterval: Double = 0.005) {
        while job != nil || runs.contains(where: { if case .queued = $0.status { return true } else { return false } }) {
            if !poll() { startNextIfIdle() }
            usleep(useconds_t(pollInterval * 1e6))
        }
    }

    public var isRunning: Bool { job != nil }

    private func startNextIfIdle() {
        guard job == nil, let dataset, let index = runs.firstIndex(where: { if case .queued = $0.status { return true } else { return false } })
        else { return }
        let record = runs[index]
        guard let method = MethodRegistry.method(named: record.method) else {
            runs[index].status = .failed("unknown method '\(record.method)'")
            return
        }
        let background = BackgroundJob(method: method, dataset: dataset, parameters: record.parameters, wake: wake)
        job = (index, background)
        runs[index].status = .running(background.progress)
        log.info("started run #\(record.id) \(record.method) on \(dataset.displayName)")
    }

    private func finish(index: Int, outcome: JobOutcome) {
        let record = runs[index]
        switch outcome {
        case .finished(let result, let elapsed):
            runs[index].status = .finished(result, elapsedSeconds: elapsed)
            if let dataset { runs[index].figures = ResultFigures.figures(for: result, dataset: dataset) }
            log.info("run #\(record.id) \(record.method) finished in \(String(format: "%.3f", elapsed)) s")
            for warning in result.warnings { log.warning("run #\(record.id) \(record.method): \(warning)") }
        case .failed(let message):
            runs[index].status = .failed(message)
            log.error("run #\(record.id) \(record.method) failed: \(message)")
        case .cancelled:
            runs[index].status = .cancelled
            log.info("run #\(record.id) \(record.method) cancelled")
        }
    }

    // MARK: Sessions

    /// Builds the session file as it would be saved now.
    public func sessionFile(focus: String? = nil, theme: String? = nil) -> SessionFile {
        let reference = source.map {
            SessionFile.DatasetReference(
                path: absolutePath($0.path), bytes: $0.bytes, sha256: $0.sha256,
                labelColumn: $0.options.labelColumn, dropMissing: $0.options.dropMissing)
        }
        // Cancelled and failed runs are left out: restoring would only start them again.
        let savedIndices = runs.indices.filter { index in
            switch runs[index].status {
            case .cancelled, .failed: return false
            default: return true
            }
        }
        let entries = savedIndices.map { index in
            let run = runs[index]
            return SessionFile.RunEntry(
                method: run.method,
                parameters: Dictionary(uniqueKeysWithValues: run.parameters.order.map { ($0, run.parameters[$0]!.description) }),
                seed: run.seed)
        }
        let viewRun = selectedRun.flatMap { savedIndices.firstIndex(of: $0) }
        let view = SessionFile.ViewState(run: viewRun, figure: viewRun == nil ? 0 : selectedFigure, focus: focus, theme: theme)
        return SessionFile(dataset: reference, runs: entries, view: view, savedAt: ISO8601DateFormatter().string(from: Date()))
    }

    /// Saves the session atomically and marks the workbench clean.
    public func saveSession(to path: String, focus: String? = nil, theme: String? = nil) throws {
        try sessionFile(focus: focus, theme: theme).write(to: path)
        sessionPath = path
        isDirty = false
        log.info("saved session to \(path)")
    }

    /// Reads a session, checks its data file, loads it and queues the recorded runs.
    /// - Throws: `SessionError` for a missing, corrupt or newer session, or a missing or
    ///   changed data file; `DataError` when the data no longer loads.
    public static func restore(from path: String, log: Log, wake: @escaping @Sendable () -> Void = {}) throws -> Workbench {
        let file = try SessionFile.read(from: path)
        let workbench = Workbench(log: log, wake: wake)
        var plans: [(any AnalysisMethod, ParameterSet, UInt64)] = []
        for (i, entry) in file.runs.enumerated() {
            guard let method = MethodRegistry.method(named: entry.method) else {
                throw SessionError.invalidRun(session: path, index: i, detail: "unknown method '\(entry.method)'")
            }
            do {
                let assignments = entry.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                plans.append((method, try method.parameterSet(assignments), entry.seed))
            } catch {
                throw SessionError.invalidRun(session: path, index: i, detail: "\(error)")
            }
        }
        if let reference = file.dataset {
            let dataPath = SessionFile.resolve(dataPath: reference.path, sessionPath: path)
            guard FileManager.default.fileExists(atPath: dataPath) else {
                throw SessionError.dataMissing(session: path, dataPath: dataPath)
            }
            let digest: String
            do {
                digest = try SHA256.hexDigest(ofFile: dataPath)
            } catch {
                throw SessionError.unreadable(path: dataPath, reason: "\(error)")
            }
            if digest != reference.sha256 {
                throw SessionError.dataChanged(session: path, dataPath: dataPath, expected: reference.sha256, found: digest)
            }
            try workbench.load(path: dataPath, options: LoadOptions(labelColumn: reference.labelColumn, dropMissing: reference.dropMissing))
        }
        for (method, parameters, seed) in plans {
            try workbench.start(method: method, parameters: parameters, seed: seed)
        }
        if let run = file.view.run, workbench.runs.indices.contains(run) {
            workbench.selectedRun = run
        } else {
            workbench.selectedRun = workbench.runs.isEmpty ? nil : workbench.runs.count - 1
        }
        workbench.selectedFigure = max(0, file.view.figure)
        workbench.sessionPath = path
        workbench.isDirty = false
        log.info("restored session \(path): \(file.runs.count) runs")
        return workbench
    }

    private func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}

public enum WorkbenchError: Error, CustomStringConvertible {
    case noDataset
    public var description: String {
        switch self {
        case .noDataset: return "no data set is loaded; open one first (key o, or pass a file on the command line)"
        }
    }
}
