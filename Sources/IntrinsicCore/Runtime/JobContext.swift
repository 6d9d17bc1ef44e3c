// Progress reporting, cooperative cancellation and warnings for a running method.

import Synchronization

/// Thrown by `JobContext.checkCancelled()` once the user has cancelled the job.
public struct CancellationError: Error, CustomStringConvertible, Sendable {
    public init() {}
    public var description: String { "cancelled" }
}

/// A snapshot of a job's progress: the current stage and the fraction done, in 0…1.
public struct ProgressSnapshot: Sendable, Equatable {
    public var stage: String
    public var fraction: Double
    public init(stage: String, fraction: Double) {
        self.stage = stage
        self.fraction = fraction
    }
}

/// The channel between a running method and whoever started it.
///
/// A method calls `report` between chunks of work (every few milliseconds is fine: the
/// observer is throttled, not the method), `checkCancelled` at the same points, and `warn`
/// for a result that is degraded but still usable. All members are thread-safe.
public final class JobContext: Sendable {
    private let cancelFlag = Atomic<Bool>(false)
    private let state = Mutex<(progress: ProgressSnapshot, warnings: [String])>(
        (ProgressSnapshot(stage: "starting", fraction: 0), []))
    private let observer: (@Sendable (ProgressSnapshot) -> Void)?

    /// - Parameter observer: called on the worker's thread after each `report`.
    public init(observer: (@Sendable (ProgressSnapshot) -> Void)? = nil) {
        self.observer = observer
    }

    /// Asks the job to stop at its next `checkCancelled`.
    public func cancel() { cancelFlag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { cancelFlag.load(ordering: .relaxed) }

    /// Throws `CancellationError` when the job has been cancelled.
    public func checkCancelled() throws {
        if isCancelled { throw CancellationError() }
    }

    /// Records the current stage and fraction done (clamped to 0…1).
    public func report(_ stage: String, _ fraction: Double) {
        let snapshot = ProgressSnapshot(stage: stage, fraction: min(max(fraction, 0), 1))
        state.withLock { $0.progress = snapshot }
        observer?(snapshot)
    }

    public var progress: ProgressSnapshot { state.withLock { $0.progress } }

    /// Adds a warning about the result: degraded but usable (duplicates skipped, …).
    public func warn(_ message: String) {
        state.withLock { $0.warnings.append(message) }
    }

    public var warnings: [String] { state.withLock { $0.warnings } }
}
