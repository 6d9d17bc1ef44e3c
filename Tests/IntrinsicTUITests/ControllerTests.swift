// The key-driven state machine, without curses: focus, forms, runs, prompts, quitting.

import CNcursesw
import Foundation
import IntrinsicCore
import Testing
@testable import IntrinsicTUI

@MainActor
@Suite struct ControllerTests {
    @Test func tabCyclesFocusAndShiftTabReverses() {
        let controller = Controller(workbench: FakeWorkbench())
        #expect(controller.focus == .methods)
        var forward: [Pane] = []
        for _ in 0..<4 {
            _ = controller.handle(.tab)
            forward.append(controller.focus)
        }
        #expect(forward == [.plot, .results, .dataset, .methods])
        var backward: [Pane] = []
        for _ in 0..<4 {
            _ = controller.handle(.backTab)
            backward.append(controller.focus)
        }
        #expect(backward == [.dataset, .results, .plot, .methods])
    }

    @Test func enterInMethodsOpensFormWithDefaults() {
        let controller = Controller(workbench: FakeWorkbench())
        _ = controller.handle(.down)
        _ = controller.handle(.enter)
        let method = MethodRegistry.all[1]
        #expect(controller.form?.method == method.name)
        #expect(controller.form?.values == method.parameters.map(\.defaultValue.description))
        #expect(controller.form?.seed == "0")
        _ = controller.handle(.escape)
        #expect(controller.form == nil)
    }

    @Test func enterOutsideMethodsDoesNotOpenForm() {
        let controller = Controller(workbench: FakeWorkbench())
        _ = controller.handle(.tab)
        _ = controller.handle(.enter)
        #expect(controller.form == nil)
    }

    @Test func methodCursorStaysInRange() {
        let controller = Controller(workbench: FakeWorkbench())
        _ = controller.handle(.up)
        #expect(controller.methodCursor == 0)
        for _ in 0..<20 { _ = controller.handle(.character("j")) }
        #expect(controller.methodCursor == MethodRegistry.all.count - 1)
    }

    @Test func escapeCancelsTheRunningJob() {
        let workbench = runningWorkbench()
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.escape)
        #expect(workbench.cancelRequests == 1)
        #expect(controller.visibleMessage?.text == "Cancelling the running job…")
    }

    @Test func escapeClosesFormBeforeCancelling() {
        let workbench = runningWorkbench()
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.enter)
        _ = controller.handle(.escape)
        #expect(controller.form == nil)
        #expect(workbench.cancelRequests == 0)
    }

    @Test func editingValueValidatesIt() {
        let workbench = FakeWorkbench()
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.enter)  // pca form; row 0 is "dimensions"
        _ = controller.handle(.enter)
        #expect(controller.form?.editor?.text == "2")
        _ = controller.handle(.backspace)
        _ = controller.handle(.character("0"))
        _ = controller.handle(.enter)
        #expect(controller.visibleMessage?.level == .error)
        #expect(controller.visibleMessage?.text.contains("dimensions") == true)
        #expect(controller.form?.editor != nil, "an invalid value keeps the editor open")
        _ = controller.handle(.backspace)
        _ = controller.handle(.character("3"))
        _ = controller.handle(.enter)
        #expect(controller.form?.editor == nil)
        #expect(controller.form?.values.first == "3")
    }

    @Test func escapeWhileEditingRestoresValue() {
        let controller = Controller(workbench: FakeWorkbench())
        _ = controller.handle(.enter)
        _ = controller.handle(.enter)
        _ = controller.handle(.character("9"))
        _ = controller.handle(.escape)
        #expect(controller.form?.values.first == "2")
        #expect(controller.form != nil)
    }

    @Test func spaceTogglesBooleanParameter() {
        let controller = Controller(workbench: FakeWorkbench())
        _ = controller.handle(.enter)
        _ = controller.handle(.down)  // "center", true by default
        _ = controller.handle(.character(" "))
        #expect(controller.form?.values[1] == "false")
        _ = controller.handle(.character(" "))
        #expect(controller.form?.values[1] == "true")
    }

    @Test func runRowStartsTheMethod() {
        let workbench = FakeWorkbench()
        workbench.datasetPath = "/data/x.csv"
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.enter)
        _ = controller.handle(.enter)
        _ = controller.handle(.backspace)
        _ = controller.handle(.character("3"))
        _ = controller.handle(.enter)
        _ = controller.handle(.down)
        _ = controller.handle(.down)
        _ = controller.handle(.down)  // seed
        _ = controller.handle(.enter)
        _ = controller.handle(.backspace)
        for c in "42" { _ = controller.handle(.character(c)) }
        _ = controller.handle(.enter)
        _ = controller.handle(.down)  // Run
        _ = controller.handle(.enter)
        #expect(workbench.started.count == 1)
        #expect(workbench.started.first?.method == "pca")
        #expect(workbench.started.first?.parameters.integer("dimensions") == 3)
        #expect(workbench.started.first?.parameters.boolean("center") == true)
        #expect(workbench.started.first?.seed == 42)
        #expect(controller.form == nil)
        #expect(workbench.selectedRun == 0)
    }

    @Test func runWithoutDataShowsError() {
        let workbench = FakeWorkbench()
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.enter)
        let rows = controller.form!.rowCount
        for _ in 0..<rows { _ = controller.handle(.down) }
        _ = controller.handle(.enter)
        #expect(workbench.started.isEmpty)
        #expect(controller.visibleMessage?.level == .error)
        #expect(controller.visibleMessage?.text == "no data set is loaded")
    }

    @Test func quitWhenCleanQuitsAtOnce() {
        #expect(Controller(workbench: FakeWorkbench()).handle(.character("q")) == .quit)
        #expect(Controller(workbench: FakeWorkbench()).handle(.interrupt) == .quit)
    }

    @Test func quitWithUnsavedChangesAsks() {
        let workbench = FakeWorkbench()
        workbench.isDirty = true
        let controller = Controller(workbench: workbench)
        #expect(controller.handle(.character("q")) == .proceed)
        #expect(controller.prompt == .confirmQuit)
        #expect(controller.handle(.character("c")) == .proceed)
        #expect(controller.prompt == nil)
        _ = controller.handle(.character("q"))
        #expect(controller.handle(.character("n")) == .quit)
        #expect(workbench.saved.isEmpty)
    }

    @Test func quitAndSaveAsksForPathFirstTime() {
        let workbench = FakeWorkbench()
        workbench.isDirty = true
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.interrupt)
        #expect(controller.prompt == .confirmQuit)
        _ = controller.handle(.character("y"))
        #expect(controller.prompt == .save(LineEditor(Controller.defaultSessionFile), thenQuit: true))
        #expect(controller.handle(.enter) == .quit)
        #expect(workbench.saved == [Controller.defaultSessionFile])
    }

    @Test func quitAndSaveUsesKnownPath() {
        let workbench = FakeWorkbench()
        workbench.isDirty = true
        workbench.sessionPath = "/tmp/earlier.json"
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.character("q"))
        #expect(controller.handle(.character("y")) == .quit)
        #expect(workbench.saved == ["/tmp/earlier.json"])
    }

    @Test func failedSaveDoesNotQuit() {
        let workbench = FakeWorkbench()
        workbench.isDirty = true
        workbench.sessionPath = "/tmp/earlier.json"
        workbench.saveError = FakeError(description: "permission denied")
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.character("q"))
        #expect(controller.handle(.character("y")) == .proceed)
        #expect(controller.visibleMessage?.level == .error)
        #expect(controller.visibleMessage?.text.contains("permission denied") == true)
    }

    @Test func saveKeyPromptsThenReusesPath() {
        let workbench = FakeWorkbench()
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.character("s"))
        guard case .save(let editor, thenQuit: false)? = controller.prompt else {
            Issue.record("expected a save prompt, got \(String(describing: controller.prompt))")
            return
        }
        #expect(editor.text == "intrinsic-session.json")
        for _ in 0..<"intrinsic-session.json".count { _ = controller.handle(.backspace) }
        for c in "a.json" { _ = controller.handle(.character(c)) }
        _ = controller.handle(.enter)
        #expect(workbench.saved == ["a.json"])
        _ = controller.handle(.character("s"))
        #expect(controller.prompt == nil)
        #expect(workbench.saved == ["a.json", "a.json"])
    }

    @Test func openPromptLoadsFile() {
        let workbench = FakeWorkbench()
        let controller = Controller(workbench: workbench)
        controller.currentDirectory = "/data"
        _ = controller.handle(.character("o"))
        for c in "x.csv" { _ = controller.handle(.character(c)) }
        _ = controller.handle(.enter)
        #expect(workbench.loaded == ["/data/x.csv"])
        #expect(controller.prompt == nil)
    }

    @Test func openPromptStartsInDataFolder() {
        let workbench = FakeWorkbench()
        let controller = Controller(workbench: workbench)
        controller.currentDirectory = "/home/u"
        #expect(controller.openPromptStart == "")
        workbench.datasetPath = "/home/u/a.csv"
        #expect(controller.openPromptStart == "")
        workbench.datasetPath = "/home/u/data/a.csv"
        #expect(controller.openPromptStart == "data/")
        workbench.datasetPath = "/srv/sets/a.csv"
        #expect(controller.openPromptStart == "/srv/sets/")
        _ = controller.handle(.character("o"))
        #expect(controller.prompt == .open(LineEditor("/srv/sets/"), candidates: []))
    }

    @Test func failedOpenKeepsPromptAndShowsError() {
        let workbench = FakeWorkbench()
        workbench.loadError = FakeError(description: "x.csv:3: expected 2 values, found 3")
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.character("o"))
        _ = controller.handle(.character("x"))
        _ = controller.handle(.enter)
        #expect(controller.prompt != nil)
        #expect(controller.visibleMessage?.text == "x.csv:3: expected 2 values, found 3")
        _ = controller.handle(.escape)
        #expect(controller.prompt == nil)
    }

    @Test func errorsStayUntilKeyAndInfoExpires() {
        var now = 100.0
        let controller = Controller(workbench: FakeWorkbench())
        controller.clock = { now }
        controller.post("disk full", level: .error)
        now += 60
        #expect(controller.visibleMessage?.text == "disk full")
        controller.post("saved", level: .info)
        #expect(controller.visibleMessage?.text == "disk full", "info must not replace an unread error")
        _ = controller.handle(.character("x"))
        #expect(controller.visibleMessage == nil)
        controller.post("saved")
        controller.post("saved")
        #expect(controller.visibleMessage?.count == 2)
        now += controller.messageLifetime + 0.1
        #expect(controller.visibleMessage == nil)
    }

    @Test func runAndFigureKeysSelect() {
        let workbench = finishedRunWorkbench()
        workbench.runs.append(RunView(id: 2, method: "pca", parameters: pcaDefaults(), seed: 0, state: .finished(elapsed: 1)))
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.character("2"))
        #expect(workbench.selectedRun == 1)
        _ = controller.handle(.character(","))
        #expect(workbench.selectedRun == 0)
        _ = controller.handle(.character(","))
        #expect(workbench.selectedRun == 0)
        _ = controller.handle(.character("."))
        #expect(workbench.selectedRun == 1)
        _ = controller.handle(.character("9"))
        #expect(workbench.selectedRun == 1)
        #expect(controller.visibleMessage?.level == .warning)

        _ = controller.handle(.character("1"))
        _ = controller.handle(.character("]"))
        #expect(workbench.selectedFigure == 1)
        _ = controller.handle(.character("v"))
        #expect(workbench.selectedFigure == 0, "figures wrap around")
        _ = controller.handle(.character("["))
        #expect(workbench.selectedFigure == 1)
    }

    @Test func refreshAnnouncesEndedRuns() {
        let workbench = runningWorkbench()
        let controller = Controller(workbench: workbench)
        workbench.runs[0].state = .failed("too few points")
        controller.refresh()
        #expect(controller.visibleMessage?.level == .error)
        #expect(controller.visibleMessage?.text == "Run 1 (rips) failed: too few points")
    }

    @Test func textKeysGoToTheEditorNotCommands() {
        let workbench = FakeWorkbench()
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.character("o"))
        for c in "q?s" { #expect(controller.handle(.character(c)) == .proceed) }
        guard case .open(let editor, _)? = controller.prompt else {
            Issue.record("the open prompt closed")
            return
        }
        #expect(editor.text == "q?s")
        #expect(!controller.showsHelp)
    }
}

@Suite struct KeyDecodingTests {
    @Test func controlCodesDecode() {
        #expect(Key.decode(3, isKeyCode: false) == .interrupt)
        #expect(Key.decode(9, isKeyCode: false) == .tab)
        #expect(Key.decode(13, isKeyCode: false) == .enter)
        #expect(Key.decode(10, isKeyCode: false) == .enter)
        #expect(Key.decode(27, isKeyCode: false) == .escape)
        #expect(Key.decode(127, isKeyCode: false) == .backspace)
        #expect(Key.decode(0x00E9, isKeyCode: false) == .character("é"))
        #expect(Key.decode(0x28FF, isKeyCode: false) == .character("⣿"))
    }

    @Test func keyCodesDecode() {
        #expect(Key.decode(UInt32(KEY_BTAB), isKeyCode: true) == .backTab)
        #expect(Key.decode(UInt32(KEY_RESIZE), isKeyCode: true) == .resize)
        #expect(Key.decode(UInt32(KEY_UP), isKeyCode: true) == .up)
    }
}

@Suite struct LineEditorTests {
    @Test func editsAtCursor() {
        var editor = LineEditor("ac")
        _ = editor.apply(.left)
        _ = editor.apply(.character("b"))
        #expect(editor.text == "abc")
        _ = editor.apply(.home)
        _ = editor.apply(.delete)
        #expect(editor.text == "bc")
        _ = editor.apply(.end)
        _ = editor.apply(.backspace)
        #expect(editor.text == "b")
        #expect(editor.apply(.enter) == false)
    }

    @Test func completionExtendsCommonPrefix() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("data1.csv", "")
        folder.write("data2.csv", "")
        folder.write(".hidden.csv", "")
        folder.makeFolder("other")
        let several = PathCompletion.complete("da", currentDirectory: folder.path)
        #expect(several.text == "data")
        #expect(several.candidates == ["data1.csv", "data2.csv"])
        let single = PathCompletion.complete("o", currentDirectory: folder.path)
        #expect(single == PathCompletion.Result(text: "other/", candidates: []))
        let absolute = PathCompletion.complete(folder.path + "/data2", currentDirectory: "/")
        #expect(absolute.text == folder.path + "/data2.csv")
        #expect(PathCompletion.complete("zz", currentDirectory: folder.path) == PathCompletion.Result(text: "zz", candidates: []))
        #expect(PathCompletion.complete(".h", currentDirectory: folder.path).text == ".hidden.csv")
        #expect(!PathCompletion.complete("", currentDirectory: folder.path).candidates.contains(".hidden.csv"))
    }
}

@MainActor @Suite struct PlotStyleKeyTests {
    @Test func keysTogglePlotStyle() {
        let controller = Controller(workbench: FakeWorkbench())
        #expect(controller.plotStyle == PlotStyleChoice())
        _ = controller.handle(.character("d"))
        #expect(controller.plotStyle.density)
        _ = controller.handle(.character("g"))
        #expect(controller.plotStyle.logScale)
        _ = controller.handle(.character("b"))
        #expect(!controller.plotStyle.bars)
        _ = controller.handle(.character("d"))
        #expect(!controller.plotStyle.density)
    }
}

@MainActor @Suite struct UnsavedWorkPromptTests {
    @Test func openWithUnsavedRunsAsksFirst() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/intrinsic-open-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let workbench = FakeWorkbench()
        try workbench.load(path: folder + "/first.csv")
        try workbench.start(method: "pca", parameters: PCAMethod().parameterSet([]), seed: 0)
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.character("o"))
        // The prompt starts in the loaded file's folder.
        for c in "second.csv" { _ = controller.handle(.character(c)) }
        _ = controller.handle(.enter)
        #expect(controller.prompt == .confirmOpen(path: folder + "/second.csv"))
        _ = controller.handle(.character("n"))
        #expect(controller.prompt == nil)
        #expect(workbench.runs.count == 1)
    }

    @Test func saveOverExistingFileAsksFirst() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/intrinsic-save-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let existing = folder + "/old.json"
        _ = FileManager.default.createFile(atPath: existing, contents: Data("{}".utf8))
        let workbench = FakeWorkbench()
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.character("s"))
        for _ in 0..<Controller.defaultSessionFile.count { _ = controller.handle(.backspace) }
        for c in existing { _ = controller.handle(.character(c)) }
        _ = controller.handle(.enter)
        #expect(controller.prompt == .confirmOverwrite(path: existing, thenQuit: false))
        #expect(workbench.saved.isEmpty)
        _ = controller.handle(.character("y"))
        #expect(controller.prompt == nil)
        #expect(workbench.saved == [existing])
    }

    @Test func failedSaveKeepsPromptOpen() {
        let workbench = FakeWorkbench()
        workbench.saveError = FakeError(description: "No such file or directory")
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.character("s"))
        _ = controller.handle(.enter)
        guard case .save? = controller.prompt else {
            Issue.record("expected the save prompt to stay open, got \(String(describing: controller.prompt))")
            return
        }
        #expect(controller.visibleMessage?.level == .error)
    }
}
