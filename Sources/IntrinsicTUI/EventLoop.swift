// The TUI's entry point and its event loop: poll() on the terminal and a self-pipe.

import CNcursesw
import Foundation
import IntrinsicApp
import IntrinsicCore
import Synchronization

/// The read and write ends of a non-blocking pipe that wakes `poll()`.
///
/// Workers write a byte through `notify` when a job has news; the signal handlers write
/// one too, so SIGTERM ends the loop at once.
final class WakePipe: Sendable {
    let readFD: Int32
    let writeFD: Int32

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw ScreenError(message: "cannot create the wake-up pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    /// Wakes the event loop; callable from any thread. A full pipe already means "wake up",
    /// so a failed write is ignored.
    func notify() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Empties the pipe so the next `poll` waits again.
    func drain() {
        var bytes = [UInt8](repeating: 0, count: 256)
        while read(readFD, &bytes, bytes.count) > 0 {}
    }

    func close() {
        Glibc.close(readFD)
        Glibc.close(writeFD)
    }
}

/// The signal that asked the program to stop (SIGTERM, SIGHUP or SIGINT), or 0.
private let terminationSignal = Atomic<Int32>(0)
/// The pipe's write end for the signal handler. Written once before the handlers are
/// installed and only read afterwards, which is why the unchecked access is safe.
nonisolated(unsafe) private var signalWakeFD: Int32 = -1

private func installTerminationHandlers(wakeFD: Int32) {
    signalWakeFD = wakeFD
    for signalNumber in [SIGTERM, SIGHUP, SIGINT] {
        signal(signalNumber) { received in
            // Only async-signal-safe work here: an atomic store and write(2).
            terminationSignal.store(received, ordering: .relaxed)
            var byte: UInt8 = 2
            _ = write(signalWakeFD, &byte, 1)
        }
    }
}

/// Seconds since the process started, from /proc (nil where that is unavailable).
private func secondsSinceProcessStart() -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return nil }
    // Field 22 is the start time in clock ticks after boot; fields after the command name
    // start at field 3.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
    var now = timespec()
    clock_gettime(CLOCK_BOOTTIME, &now)
    let uptime = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    return uptime - ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
}

private func writeError(_ text: String) {
    FileHandle.standardError.write(Data("intrinsic: \(text)\n".utf8))
}

/// Runs the terminal UI until the user quits.
///
/// Loads the data set or restores the session named in `options`, starts the requested
/// method, then hands the terminal to the event loop. Problems found before the screen
/// opens (unknown theme, unreadable data, bad parameters, no terminal) are written to
/// standard error.
/// - Returns: the exit status: 0 after quitting, 1 for a failure, 2 for bad options,
///   128 + the signal number after SIGTERM, SIGHUP or SIGINT.
@MainActor
public func runTUI(options: TUIOptions) -> Int32 {
    let started = DispatchTime.now().uptimeNanoseconds

    let theme: Theme
    var notices: [(String, MessageLevel)] = []
    do {
        let resolved = try Theme.resolve(named: options.theme, folders: Theme.searchFolders())
        theme = resolved.theme
        if let warning = resolved.warning { notices.append((warning, .warning)) }
    } catch {
        writeError("\(error)")
        return ExitStatus.usage
    }
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
        writeError("the terminal UI needs a terminal on standard input and output; use 'intrinsic run DATA --method NAME' for batch work")
        return ExitStatus.usage
    }

    let pipe: WakePipe
    do {
        pipe = try WakePipe()
    } catch {
        writeError("\(error)")
        return ExitStatus.failure
    }
    defer { pipe.close() }

    let log = Log(path: options.logPath, minimumLevel: options.logLevel)
    if let problem = log.fileError { notices.append((problem, .warning)) }
    let loadOptions = LoadOptions(labelColumn: options.labelColumn, dropMissing: options.dropMissing)
    let workbench: Workbench
    do {
        workbench = try makeWorkbench(options: options, log: log, loadOptions: loadOptions, wake: { [pipe] in pipe.notify() })
    } catch let error as TUIOptionError {
        writeError("\(error)")
        return ExitStatus.usage
    } catch {
        writeError("\(error)")
        return ExitStatus.failure
    }
    let model = WorkbenchAdapter(workbench, loadOptions: loadOptions, themeName: theme.name)

    let screen: Screen
    do {
        screen = try Screen(theme: theme, asciiOnly: options.asciiOnly)
    } catch {
        workbench.cancelRunning()
        writeError("\(error)")
        return ExitStatus.failure
    }
    defer { screen.close() }
    installTerminationHandlers(wakeFD: pipe.writeFD)

    let controller = Controller(workbench: model)
    // The session's focused pane is part of its view; the file was read once already.
    if let sessionPath = options.sessionPath, let name = (try? SessionFile.read(from: sessionPath))?.view.focus,
        let pane = Pane(sessionName: name)
    {
        controller.focus = pane
    }
    for (text, level) in notices { controller.post(text, level: level) }
    if !screen.usesColour && !theme.monochrome {
        log.info("the terminal has no colours; drawing with attributes only")
    }
    let renderer = Renderer(asciiOnly: screen.asciiOnly)
    let loop = EventLoop(screen: screen, controller: controller, renderer: renderer, pipe: pipe, log: log)
    let status = loop.run(startedAt: started)
    workbench.cancelRunning()
    return status
}

/// A bad `--method` or `--param` given to the TUI.
private struct TUIOptionError: Error, CustomStringConvertible {
    var description: String
}

/// Builds the workbench from the command line: a restored session, or a data file and an
/// optional first run.
@MainActor
private func makeWorkbench(
    options: TUIOptions, log: Log, loadOptions: LoadOptions, wake: @escaping @Sendable () -> Void
) throws -> Workbench {
    let workbench: Workbench
    if let sessionPath = options.sessionPath {
        workbench = try Workbench.restore(from: sessionPath, log: log, wake: wake)
    } else {
        workbench = Workbench(log: log, wake: wake)
    }
    if let dataPath = options.dataPath {
        try workbench.load(path: dataPath, options: loadOptions)
    }
    if let name = options.method {
        let method: any AnalysisMethod
        let parameters: ParameterSet
        do {
            method = try MethodRegistry.lookup(name)
            parameters = try method.parameterSet(options.assignments)
        } catch {
            throw TUIOptionError(description: "\(error)")
        }
        guard workbench.source != nil else {
            throw TUIOptionError(description: "--method \(name) needs a data set: give a DATA file or a --session")
        }
        try workbench.start(method: method, parameters: parameters, seed: options.seed)
    }
    return workbench
}

/// The synchronous loop that owns the main thread while the TUI runs.
///
/// It sleeps in `poll()` on the terminal and the wake pipe, with a finite timeout as a
/// safety net (SIGWINCH may land on a worker thread, and status messages expire), and
/// draws only when something changed. Workers never touch the screen or the controller:
/// they write to the pipe, and the loop pulls their state with `Controller.refresh`.
@MainActor
final class EventLoop {
    let screen: Screen
    let controller: Controller
    let renderer: Renderer
    let pipe: WakePipe
    let log: Log
    /// poll() timeout in milliseconds.
    static let safetyTimeout: Int32 = 250
    /// After this many wake-ups that report input but yield no key, stdin is taken as closed.
    static let maxEmptyReads = 200

    private(set) var frames = 0
    private var slowestFrame = 0.0
    private var slowestPlot = 0.0

    init(screen: Screen, controller: Controller, renderer: Renderer, pipe: WakePipe, log: Log) {
        self.screen = screen
        self.controller = controller
        self.renderer = renderer
        self.pipe = pipe
        self.log = log
    }

    /// Runs until the user quits or a signal arrives; returns the exit status.
    func run(startedAt started: UInt64) -> Int32 {
        var needsDraw = true
        var shownMessage: StatusMessage?
        var emptyReads = 0
        var status = ExitStatus.success

        loop: while true {
            controller.refresh()
            if controller.visibleMessage != shownMessage { needsDraw = true }
            if needsDraw {
                draw(started: started)
                shownMessage = controller.visibleMessage
                needsDraw = false
            }

            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, EventLoop.safetyTimeout)
            if ready < 0 && errno != EINTR {
                log.error("poll failed: \(String(cString: strerror(errno)))")
                status = ExitStatus.failure
                break
            }
            if fds[1].revents != 0 {
                pipe.drain()
                needsDraw = true
            }
            let signalNumber = terminationSignal.load(ordering: .relaxed)
            if signalNumber != 0 {
                log.info("stopping on signal \(signalNumber)")
                status = 128 + signalNumber
                break
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                log.error("the terminal closed")
                status = ExitStatus.failure
                break
            }

            // Read every pending key (timeout or not: a resize arrives as a key).
            var keys = 0
            while let key = screen.readKey() {
                keys += 1
                needsDraw = true
                if controller.handle(key) == .quit { break loop }
            }
            if fds[0].revents & Int16(POLLIN) != 0 && keys == 0 {
                emptyReads += 1
                if emptyReads > EventLoop.maxEmptyReads {
                    log.error("the terminal reports input but none can be read; stopping")
                    status = ExitStatus.failure
                    break
                }
            } else {
                emptyReads = 0
            }
        }
        log.info(
            "TUI stopped after \(frames) frames; slowest frame \(milliseconds(slowestFrame)), "
                + "slowest figure render \(milliseconds(slowestPlot))")
        return status
    }

    private func draw(started: UInt64) {
        let start = DispatchTime.now().uptimeNanoseconds
        renderer.draw(controller, on: screen)
        screen.present()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        slowestFrame = max(slowestFrame, seconds)
        slowestPlot = max(slowestPlot, renderer.lastPlotRenderSeconds)
        frames += 1
        if frames == 1 {
            let sinceEntry = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let sinceStart = secondsSinceProcessStart().map { ", \(milliseconds($0)) after process start (10 ms resolution)" } ?? ""
            log.debug("first frame \(screen.width)×\(screen.height) drawn \(milliseconds(sinceEntry)) after runTUI began\(sinceStart)")
        }
        log.debug("frame \(frames): \(screen.width)×\(screen.height) in \(milliseconds(seconds)), figure render \(milliseconds(renderer.lastPlotRenderSeconds))")
    }

    private func milliseconds(_ seconds: Double) -> String {
        String(format: "%.2f ms", seconds * 1000)
    }
}
