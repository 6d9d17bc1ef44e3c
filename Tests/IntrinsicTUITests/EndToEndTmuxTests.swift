// Drives the real `intrinsic` binary in tmux: digits sample, pca, save, quit, restore.

import Foundation
import Testing

/// A tmux server on a private socket, running one session of a given size.
struct TmuxSession {
    let socket: String
    let name = "e2e"

    init() {
        socket = "intrinsic-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Runs tmux on this socket and returns what it printed.
    ///
    /// The process is started with posix_spawn and reaped with waitpid rather than through
    /// Foundation's Process: `new-session` forks a tmux server that inherits the client's
    /// descriptors, and Process waits for those to close, which never happens while the
    /// server lives. Output goes to a file for the same reason.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.path + "/\(socket)-\(UUID().uuidString).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ["tmux", "-L", socket] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, &cArguments, environ)
        guard spawned == 0 else {
            throw E2EError("cannot start tmux: \(String(cString: strerror(spawned))); ./setup.sh installs it")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        if !exited || code != 0 {
            throw E2EError("tmux \(arguments.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }

    /// Starts `command` in a new detached session; the shell then prints its exit status.
    func start(_ command: String, folder: String, width: Int = 120, height: Int = 40) throws {
        try tmux(["-u", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "-c", folder,
                  "env LANG=C.UTF-8 TERM=tmux-256color \(command); echo EXIT=$?; sleep 120"])
    }

    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    func capture() throws -> String {
        try tmux(["capture-pane", "-t", name, "-p"])
    }

    /// Polls the screen until `condition` holds on two captures in a row that are identical,
    /// or fails after `timeout` seconds. The second capture matters because tmux may be read
    /// while a frame is only partly written.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 30, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        var previous: String?
        while Date() < deadline {
            screen = try capture()
            if condition(screen) {
                if screen == previous { return screen }
                previous = screen
            } else {
                previous = nil
            }
            usleep(100_000)
        }
        throw E2EError("timed out after \(timeout) s waiting for \(what); screen:\n\(screen)")
    }

    /// Ends the pane's processes, then the server. The pane's process group is killed
    /// first because a process that inherited an ignored SIGHUP (as under some job runners)
    /// outlives `kill-server`.
    func stop() {
        if let pids = try? tmux(["list-panes", "-s", "-t", name, "-F", "#{pane_pid}"]) {
            for line in pids.split(separator: "\n") {
                if let pid = pid_t(line.trimmingCharacters(in: .whitespaces)), pid > 1 { kill(-pid, SIGKILL) }
            }
        }
        _ = try? tmux(["kill-server"])
    }
}

struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// True when the text contains a Braille pattern other than the blank one.
func containsBraille(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value > 0x2800 && $0.value <= 0x28FF }
}

/// Extracts the plot pane's rows: the lines above the results pane, right of the left
/// column. Two screens' plots are compared through it.
func plotPane(_ screen: String) -> [String] {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return lines.prefix(while: { !$0.contains("Results") }).map { line in
        let scalars = Array(line.unicodeScalars)
        return String(String.UnicodeScalarView(scalars.dropFirst(min(40, scalars.count))))
    }
}

@Suite(.serialized) struct EndToEndTmuxTests {
    let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    @Test func pcaSaveQuitRestoreShowsSameView() throws {
        let binary = root + "/.build/debug/intrinsic"
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            Issue.record("\(binary) is missing: run 'swift build' before 'swift test' (./setup.sh test does)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.path + "/intrinsic-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = root + "/samples/digits.csv"
        let session = TmuxSession()
        defer { session.stop() }

        // 1. Open the digits sample.
        try session.start("'\(binary)' '\(data)' --log '\(folder)/first.log'", folder: folder)
        try session.waitFor("the methods pane") { $0.contains("Methods") && $0.contains("1797 rows") }

        // 2. pca is the first method: Enter opens its form, Down moves to Run, Enter runs.
        try session.send("Enter")
        try session.waitFor("the pca parameter form") { $0.contains("Methods › pca") }
        try session.send("Down", "Down", "Down", "Down", "Enter")
        let spectrum = try session.waitFor("the pca spectrum") { $0.contains("run 1/1 pca") && containsBraille($0) }
        #expect(spectrum.contains("spectrum 1/2"))
        #expect(spectrum.contains("explained variance"))

        // 3. Switch to the scatter plot, so the saved view is not the default one.
        try session.send("]")
        try session.waitFor("the pca scatter plot") { $0.contains("scatter 2/2") }

        // Move the focus from the methods pane to the plot, also part of the saved view.
        try session.send("Tab")
        let scatter = try session.waitFor("the focused plot pane") { $0.contains("╔═ Plot") }
        #expect(containsBraille(scatter))
        #expect(scatter.contains("PC1"))

        // 4. Save under the default name, then quit: no question, nothing is unsaved.
        try session.send("s")
        try session.waitFor("the save prompt") { $0.contains("Save session to:") }
        try session.send("Enter")
        let sessionPath = folder + "/intrinsic-session.json"
        try session.waitFor("the saved session file") { _ in FileManager.default.fileExists(atPath: sessionPath) }
        try session.send("q")
        try session.waitFor("the process to exit") { $0.contains("EXIT=0") }
        session.stop()

        // 5. Restore: the same run is re-made and the same figure is shown.
        let restored = TmuxSession()
        defer { restored.stop() }
        try restored.start("'\(binary)' --session '\(sessionPath)' --log '\(folder)/second.log'", folder: folder)
        let screen = try restored.waitFor("the restored scatter plot") { $0.contains("scatter 2/2") && containsBraille($0) }
        #expect(screen.contains("run 1/1 pca"))
        #expect(screen.contains("╔═ Plot"), "the plot pane should have the focus again")
        #expect(plotPane(screen) == plotPane(scatter), "the restored plot differs from the saved one")
        try restored.send("q")
        try restored.waitFor("the restored process to exit") { $0.contains("EXIT=0") }
    }
}
