// Runs one method on a worker thread, with progress, cancellation and a wake-up callback.

import Foundation
import IntrinsicCore
import Synchronization

/// How a run ended.
public enum JobOutcome: Sendable {
    case finished(MethodResult, elapsedSeconds: Double)
    case failed(String)
    case cancelled
}

/// Runs `method.run` synchronously and turns every way it can end into a `JobOutcome`.
public func runMethod(
    _ method: any AnalysisMethod, on dataset: Dataset, parameters: ParameterSet, context: JobContext
) -> JobOutcome {
    let start = DispatchTime.now().uptimeNanoseconds
    do {
        var result = try method.run(on: dataset, parameters: parameters, context: context)
        result.warnings = context.warnings + result.warnings.filter { !context.warnings.contains($0) }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return .finished(result, elapsedSeconds: elapsed)
    } catch is CancellationError {
        return .cancelled
    } catch {
        return .failed("\(error)")
    }
}

/// A method running on its own thread.
///
/// The UI thread reads `progress` and `outcome` whenever it is woken; the worker never
/// touches UI state. `wake` is called from the worker at most every `wakeInterval` seconds
/// while progress changes, and always once when the job ends.
public final class BackgroundJob: Sendable {
    public let context: JobContext
    private let shared = Shared()

    /// State the worker writes; a class so closures can capture it (Mutex and Atomic are
    /// not copyable).
    private final class Shared: Sendable {
        let outcome = Mutex<JobOutcome?>(nil)
        let lastWake = Atomic<UInt64>(0)
    }

    /// Minimum time between progress wake-ups, so a chatty method cannot flood the UI.
    public static let wakeInterval: Double = 0.04

    public init(
        method: any AnalysisMethod, dataset: Dataset, parameters: ParameterSet,
        wake: @escaping @Sendable () -> Void
    ) {
        let shared = self.shared
        context = JobContext { _ in
            let now = DispatchTime.now().uptimeNanoseconds
            let previous = shared.lastWake.load(ordering: .relaxed)
            if now &- previous >= UInt64(BackgroundJob.wakeInterval * 1e9) {
                shared.lastWake.store(now, ordering: .relaxed)
                wake()
            }
        }
        let context = self.context
        let thread = Thread {
            let outcome = runMethod(method, on: dataset, parameters: parameters, context: context)
            shared.outcome.withLock { $0 = outcome }
            wake()
        }
        thread.name = "intrinsic-job-\(method.name)"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// nil while the job runs.
    public var outcome: JobOutcome? { shared.outcome.withLock { $0 } }

    public var progress: ProgressSnapshot { context.progress }

    public func cancel() { context.cancel() }
}
