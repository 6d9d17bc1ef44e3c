// The TUI's state machine: focus, forms, prompts and messages, driven by keys, no curses.

import Foundation
import IntrinsicCore

/// A pane of the main layout, in Tab order.
public enum Pane: Int, CaseIterable, Sendable {
    case dataset, methods, plot, results

    /// The name a session file stores for the focused pane.
    public var sessionName: String { String(describing: self) }

    public init?(sessionName: String) {
        guard let pane = Pane.allCases.first(where: { $0.sessionName == sessionName }) else { return nil }
        self = pane
    }

    public var title: String {
        switch self {
        case .dataset: return "Data set"
        case .methods: return "Methods"
        case .plot: return "Plot"
        case .results: return "Results"
        }
    }
}

/// The parameter form of one method: a row per parameter, then the seed, then "Run".
public struct ParameterForm: Equatable, Sendable {
    public var method: String
    public var specs: [ParameterSpec]
    /// Value text of each parameter, in `specs` order.
    public var values: [String]
    public var seed: String
    /// The selected row: `0..<specs.count` are parameters, then `seedRow`, then `runRow`.
    public var row: Int = 0
    /// Non-nil while the selected row's value is being edited.
    public var editor: LineEditor?

    public init(method: String, specs: [ParameterSpec], seed: UInt64 = 0) {
        self.method = method
        self.specs = specs
        values = specs.map(\.defaultValue.description)
        self.seed = String(seed)
    }

    public var seedRow: Int { specs.count }
    public var runRow: Int { specs.count + 1 }
    public var rowCount: Int { specs.count + 2 }

    /// The assignments `name=value` for `ParameterSet(specs:method:assignments:)`.
    public var assignments: [String] { zip(specs, values).map { "\($0.name)=\($1)" } }
}

/// A one-line question or text entry shown over the status line.
public enum Prompt: Equatable, Sendable {
    /// Open a data set; `candidates` lists completions when Tab found several.
    case open(LineEditor, candidates: [String])
    /// Save the session; quit afterwards when `thenQuit`.
    case save(LineEditor, thenQuit: Bool)
    /// "Unsaved changes: save before quitting? (y/n/c)"
    case confirmQuit
    /// "Unsaved runs will be lost: open PATH anyway? (y/n)"
    case confirmOpen(path: String)
    /// "PATH exists: replace it? (y/n)"; quit after saving when `thenQuit`.
    case confirmOverwrite(path: String, thenQuit: Bool)
}

/// A message on the status line. Errors stay until a key is pressed; the rest expire.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var level: MessageLevel
    /// Monotonic time of the latest posting, in seconds.
    public var posted: Double
    /// How many times the same text was posted in a row.
    public var count: Int
}

/// The event loop's next step after a key.
public enum KeyOutcome: Equatable, Sendable {
    case proceed
    case quit
}

/// The TUI's state and its reaction to keys; drawing reads it, nothing here touches curses.
@MainActor
public final class Controller {
    public let workbench: any WorkbenchModel
    public let methods: [any AnalysisMethod]
    public var focus: Pane = .methods
    /// Index into `methods` of the highlighted method.
    public private(set) var methodCursor = 0
    public private(set) var form: ParameterForm?
    public private(set) var prompt: Prompt?
    public private(set) var showsHelp = false
    /// Plot variants the user toggles: `d` density shading, `g` logarithmic scale, `b` bars
    /// or line.
    public private(set) var plotStyle = PlotStyleChoice()
    /// First visible line of the results pane.
    public var resultsScroll = 0
    public private(set) var message: StatusMessage?
    /// Seconds an info or warning message stays on the status line.
    public var messageLifetime = 5.0
    /// Monotonic clock in seconds, replaceable in tests.
    public var clock: () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    public var currentDirectory = FileManager.default.currentDirectoryPath
    /// The session file used by `s` once a path has been chosen.
    public private(set) var savePath: String?
    /// Last seen state of each run by id, to announce finished and failed runs once.
    private var knownStates: [Int: RunState] = [:]

    public static let defaultSessionFile = "intrinsic-session.json"

    public init(workbench: any WorkbenchModel, methods: [any AnalysisMethod] = MethodRegistry.all) {
        self.workbench = workbench
        self.methods = methods
        savePath = workbench.sessionPath
        for run in workbench.runs { knownStates[run.id] = run.state }
    }

    // MARK: Messages

    /// Shows `text` on the status line. A lower-level message does not replace an error
    /// that has not been acknowledged; repeats of the same text are counted.
    public func post(_ text: String, level: MessageLevel = .info) {
        let now = clock()
        if let current = visibleMessage, current.level == .error, level < .error { return }
        if var current = message, current.text == text, current.level == level {
            current.count += 1
            current.posted = now
            message = current
        } else {
            message = StatusMessage(text: text, level: level, posted: now, count: 1)
        }
    }

    /// The message to show now, or nil when it has expired.
    public var visibleMessage: StatusMessage? {
        guard let message else { return nil }
        if message.level == .error { return message }
        return clock() - message.posted < messageLifetime ? message : nil
    }

    // MARK: Workbench updates

    /// Pulls job states from the workbench and announces runs that ended.
    /// - Returns: whether anything changed, so the screen needs drawing.
    @discardableResult
    public func refresh() -> Bool {
        let changed = workbench.poll()
        for run in workbench.runs where knownStates[run.id] != run.state {
            let previous = knownStates[run.id]
            knownStates[run.id] = run.state
            switch run.state {
            case .finished(let elapsed) where previous != nil:
                post("Run \(run.id) (\(run.method)) finished in \(formatSeconds(elapsed))")
                if !run.warnings.isEmpty {
                    post("Run \(run.id) (\(run.method)): \(run.warnings.count) warning(s), see Results", level: .warning)
                }
            case .failed(let reason) where previous != nil:
                post("Run \(run.id) (\(run.method)) failed: \(reason)", level: .error)
            case .cancelled where previous != nil:
                post("Run \(run.id) (\(run.method)) cancelled")
            default:
                break
            }
        }
        return changed
    }

    // MARK: Keys

    /// Applies one key. Every key acknowledges a shown error first.
    public func handle(_ key: Key) -> KeyOutcome {
        if key == .resize { return .proceed }
        if message?.level == .error { message = nil }

        if showsHelp {
            showsHelp = false
            return key == .interrupt ? requestQuit() : .proceed
        }
        if prompt != nil { return handlePrompt(key) }
        if form?.editor != nil {
            handleValueEditing(key)
            return .proceed
        }

        switch key {
        case .interrupt, .character("q"): return requestQuit()
        case .character("?"): showsHelp = true
        case .tab: focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count)!
        case .backTab: focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .escape: cancelInnermost()
        case .character("s"): save()
        case .character("o"): prompt = .open(LineEditor(openPromptStart), candidates: [])
        case .character("["): stepFigure(-1)
        case .character("]"), .character("v"): stepFigure(+1)
        case .character("d"):
            plotStyle.density.toggle()
            post(plotStyle.density ? "Scatter plots: density shading" : "Scatter plots: one dot per point")
        case .character("g"):
            plotStyle.logScale.toggle()
            post(plotStyle.logScale ? "Spectra: logarithmic scale" : "Spectra: linear scale")
        case .character("b"):
            plotStyle.bars.toggle()
            post(plotStyle.bars ? "Spectra: bars" : "Spectra: line")
        case .character(","): stepRun(-1)
        case .character("."): stepRun(+1)
        case .character(let c) where c.isASCII && ("1"..."9").contains(c):
            selectRun(Int(String(c))! - 1)
        default:
            handlePaneKey(key)
        }
        return .proceed
    }

    private func cancelInnermost() {
        if form != nil {
            form = nil
        } else if workbench.cancelRunning() {
            post("Cancelling the running job…")
        } else {
            post("Nothing to cancel")
        }
    }

    private func handlePaneKey(_ key: Key) {
        switch focus {
        case .dataset:
            if key == .enter { prompt = .open(LineEditor(openPromptStart), candidates: []) }
        case .methods:
            if form != nil { handleFormKey(key) } else { handleMethodListKey(key) }
        case .plot:
            switch key {
            case .left, .character("h"): stepFigure(-1)
            case .right, .character("l"): stepFigure(+1)
            case .up, .character("k"): stepRun(-1)
            case .down, .character("j"): stepRun(+1)
            default: break
            }
        case .results:
            switch key {
            case .up, .character("k"): resultsScroll = max(0, resultsScroll - 1)
            case .down, .character("j"): resultsScroll += 1
            case .pageUp: resultsScroll = max(0, resultsScroll - 10)
            case .pageDown: resultsScroll += 10
            case .home: resultsScroll = 0
            default: break
            }
        }
    }

    private func handleMethodListKey(_ key: Key) {
        switch key {
        case .up, .character("k"): methodCursor = max(0, methodCursor - 1)
        case .down, .character("j"): methodCursor = min(methods.count - 1, methodCursor + 1)
        case .enter, .right, .character("l"): openForm()
        default: break
        }
    }

    /// Opens the parameter form of the highlighted method, with its defaults.
    public func openForm() {
        guard methods.indices.contains(methodCursor) else { return }
        let method = methods[methodCursor]
        form = ParameterForm(method: method.name, specs: method.parameters)
        focus = .methods
    }

    private func handleFormKey(_ key: Key) {
        guard var form else { return }
        switch key {
        case .up, .character("k"): form.row = max(0, form.row - 1)
        case .down, .character("j"): form.row = min(form.rowCount - 1, form.row + 1)
        case .left, .character("h"): cycleChoice(&form, by: -1)
        case .right, .character("l"), .character(" "): cycleChoice(&form, by: +1)
        case .enter:
            if form.row == form.runRow {
                self.form = form
                startRun()
                return
            }
            form.editor = LineEditor(form.row == form.seedRow ? form.seed : form.values[form.row])
        default: break
        }
        self.form = form
    }

    /// Steps a boolean or choice parameter to its next allowed value.
    private func cycleChoice(_ form: inout ParameterForm, by step: Int) {
        guard form.row < form.specs.count else { return }
        let options: [String]
        switch form.specs[form.row].kind {
        case .boolean: options = ["true", "false"]
        case .choice(let words): options = words
        default: return
        }
        let current = options.firstIndex(of: form.values[form.row]) ?? 0
        form.values[form.row] = options[(current + step + options.count) % options.count]
    }

    private func handleValueEditing(_ key: Key) {
        guard var form, var editor = form.editor else { return }
        switch key {
        case .escape:
            form.editor = nil
        case .enter:
            let text = editor.text
            do {
                if form.row == form.seedRow {
                    guard UInt64(text.trimmingCharacters(in: .whitespaces)) != nil else {
                        throw ParameterError.invalidValue(
                            method: form.method, parameter: "seed", allowed: "an integer in 0…\(UInt64.max)", received: text)
                    }
                    form.seed = text.trimmingCharacters(in: .whitespaces)
                } else {
                    let value = try form.specs[form.row].parse(text, method: form.method)
                    form.values[form.row] = value.description
                }
                form.editor = nil
            } catch {
                post("\(error)", level: .error)
            }
        case .interrupt:
            form.editor = nil
        default:
            _ = editor.apply(key)
            form.editor = editor
        }
        self.form = form
    }

    private func startRun() {
        guard let form else { return }
        do {
            let parameters = try ParameterSet(specs: form.specs, method: form.method, assignments: form.assignments)
            guard let seed = UInt64(form.seed) else {
                throw ParameterError.invalidValue(
                    method: form.method, parameter: "seed", allowed: "an integer in 0…\(UInt64.max)", received: form.seed)
            }
            try workbench.start(method: form.method, parameters: parameters, seed: seed)
            for run in workbench.runs where knownStates[run.id] == nil { knownStates[run.id] = .queued }
            if !workbench.runs.isEmpty {
                workbench.selectedRun = workbench.runs.count - 1
                workbench.selectedFigure = 0
            }
            resultsScroll = 0
            self.form = nil
            post("Started \(form.method) (run \(workbench.runs.last?.id ?? 0)); Esc cancels")
        } catch {
            post("\(error)", level: .error)
        }
    }

    // MARK: Runs and figures

    private func selectRun(_ index: Int) {
        guard workbench.runs.indices.contains(index) else {
            post("No run \(index + 1): there are \(workbench.runs.count) run(s)", level: .warning)
            return
        }
        workbench.selectedRun = index
        workbench.selectedFigure = 0
        resultsScroll = 0
    }

    private func stepRun(_ step: Int) {
        let count = workbench.runs.count
        guard count > 0 else { return }
        let current = workbench.selectedRun ?? (step > 0 ? -1 : count)
        selectRun(min(max(current + step, 0), count - 1))
    }

    private func stepFigure(_ step: Int) {
        guard let index = workbench.selectedRun, workbench.runs.indices.contains(index) else { return }
        let count = workbench.runs[index].figures.count
        guard count > 1 else { return }
        workbench.selectedFigure = ((workbench.selectedFigure + step) % count + count) % count
    }

    // MARK: Prompts, saving and quitting

    private func requestQuit() -> KeyOutcome {
        if workbench.isDirty {
            prompt = .confirmQuit
            return .proceed
        }
        return quit()
    }

    private func quit() -> KeyOutcome {
        workbench.cancelRunning()
        return .quit
    }

    /// Saves to the known session path, or opens a prompt for one.
    private func save() {
        if let savePath {
            _ = writeSession(to: savePath)
        } else {
            prompt = .save(LineEditor(Controller.defaultSessionFile), thenQuit: false)
        }
    }

    private func writeSession(to path: String) -> Bool {
        do {
            try workbench.saveSession(to: path, focus: focus.sessionName)
            savePath = path
            post("Saved the session to \(path)")
            return true
        } catch {
            post("Saving failed: \(error)", level: .error)
            return false
        }
    }

    private func handlePrompt(_ key: Key) -> KeyOutcome {
        guard let prompt else { return .proceed }
        switch prompt {
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"):
                if let savePath {
                    self.prompt = nil
                    return writeSession(to: savePath) ? quit() : .proceed
                }
                self.prompt = .save(LineEditor(Controller.defaultSessionFile), thenQuit: true)
            case .character("n"), .character("N"), .interrupt:
                self.prompt = nil
                return quit()
            case .character("c"), .character("C"), .escape:
                self.prompt = nil
            default:
                break
            }
        case .confirmOpen(let path):
            switch key {
            case .character("y"), .character("Y"):
                self.prompt = nil
                loadDataset(path)
            case .character("n"), .character("N"), .escape, .interrupt:
                self.prompt = nil
                post("Kept the current data set and runs")
            default:
                break
            }
        case .confirmOverwrite(let path, let thenQuit):
            switch key {
            case .character("y"), .character("Y"):
                guard writeSession(to: path) else {
                    self.prompt = .save(LineEditor(path), thenQuit: thenQuit)
                    return .proceed
                }
                self.prompt = nil
                if thenQuit { return quit() }
            case .character("n"), .character("N"), .escape, .interrupt:
                self.prompt = .save(LineEditor(path), thenQuit: thenQuit)
            default:
                break
            }
        case .open(var editor, _):
            switch key {
            case .escape, .interrupt: self.prompt = nil
            case .tab:
                let result = PathCompletion.complete(editor.text, currentDirectory: currentDirectory)
                editor.replace(with: result.text)
                self.prompt = .open(editor, candidates: result.candidates)
                if result.candidates.isEmpty, result.text == editor.text, !FileManager.default.fileExists(atPath: absolute(editor.text)) {
                    post("No file matches '\(editor.text)'", level: .warning)
                } else if message?.level == .warning {
                    // An earlier "No file matches" no longer applies.
                    message = nil
                }
            case .enter:
                openDataset(editor.text)
            default:
                _ = editor.apply(key)
                self.prompt = .open(editor, candidates: [])
            }
        case .save(var editor, let thenQuit):
            switch key {
            case .escape, .interrupt: self.prompt = nil
            case .enter:
                let path = editor.text.trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty else {
                    post("Enter a file name for the session, such as \(Controller.defaultSessionFile)", level: .error)
                    return .proceed
                }
                let target = (path as NSString).expandingTildeInPath
                if target != savePath && FileManager.default.fileExists(atPath: absolute(target)) {
                    self.prompt = .confirmOverwrite(path: target, thenQuit: thenQuit)
                    return .proceed
                }
                // A failed save keeps the prompt open, so the path can be corrected.
                guard writeSession(to: target) else { return .proceed }
                self.prompt = nil
                if thenQuit { return quit() }
            default:
                _ = editor.apply(key)
                self.prompt = .save(editor, thenQuit: thenQuit)
            }
        }
        return .proceed
    }

    /// The open prompt's initial text: the loaded file's folder (relative when it is inside
    /// the current folder), so Tab lists its neighbours.
    var openPromptStart: String {
        guard let path = workbench.datasetPath else { return "" }
        let folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty || folder == currentDirectory { return "" }
        if folder.hasPrefix(currentDirectory + "/") { return String(folder.dropFirst(currentDirectory.count + 1)) + "/" }
        return folder + "/"
    }

    private func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : (currentDirectory as NSString).appendingPathComponent(expanded)
    }

    private func openDataset(_ text: String) {
        let path = text.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else {
            post("Enter the path of a data file (Tab completes file names)", level: .error)
            return
        }
        // Loading replaces the runs, so unsaved ones are confirmed first.
        if workbench.isDirty && !workbench.runs.isEmpty {
            prompt = .confirmOpen(path: path)
            return
        }
        loadDataset(path)
    }

    private func loadDataset(_ path: String) {
        do {
            try workbench.load(path: absolute(path))
            prompt = nil
            post("Loaded \(path)")
        } catch {
            prompt = .open(LineEditor(path), candidates: [])
            post("\(error)", level: .error)
        }
    }
}

/// "0.42 s", "12.3 s" or "2 min 5 s".
func formatSeconds(_ seconds: Double) -> String {
    if seconds < 0.1 { return String(format: "%.1f ms", seconds * 1000) }
    if seconds < 10 { return String(format: "%.2f s", seconds) }
    if seconds < 60 { return String(format: "%.1f s", seconds) }
    let whole = Int(seconds.rounded())
    return "\(whole / 60) min \(whole % 60) s"
}

/// The plot variants chosen in the TUI; they apply to every figure shown.
public struct PlotStyleChoice: Equatable, Sendable {
    public var density = false
    public var logScale = false
    public var bars = true

    public init() {}
}
