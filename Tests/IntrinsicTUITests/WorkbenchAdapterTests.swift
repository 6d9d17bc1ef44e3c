// The adapter between IntrinsicApp's Workbench and the TUI's view of it.

import IntrinsicApp
import IntrinsicCore
import Testing
@testable import IntrinsicTUI

@MainActor
@Suite struct WorkbenchAdapterTests {
    @Test func emptyWorkbenchHasNoDataOrRuns() {
        let adapter = WorkbenchAdapter(Workbench(log: .memory()))
        #expect(adapter.datasetPath == nil)
        #expect(adapter.datasetSummary.isEmpty)
        #expect(adapter.runs.isEmpty)
        #expect(adapter.cancelRunning() == false)
        #expect(!adapter.isDirty)
    }

    @Test func startWithoutDataExplainsWhatToDo() {
        let adapter = WorkbenchAdapter(Workbench(log: .memory()))
        let controller = Controller(workbench: adapter)
        _ = controller.handle(.enter)
        for _ in 0..<controller.form!.rowCount { _ = controller.handle(.down) }
        _ = controller.handle(.enter)
        #expect(controller.visibleMessage?.level == .error)
        #expect(controller.visibleMessage?.text.contains("no data set is loaded") == true)
        #expect(adapter.runs.isEmpty)
    }

    @Test func unknownMethodIsRejected() {
        let adapter = WorkbenchAdapter(Workbench(log: .memory()))
        #expect(throws: (any Error).self) {
            try adapter.start(method: "no-such-method", parameters: pcaDefaults(), seed: 0)
        }
    }

    @Test func logEntriesKeepTheirLevel() {
        let log = Log.memory()
        log.info("loaded a.csv")
        log.warning("2 duplicate rows")
        log.error("run #1 failed")
        let lines = WorkbenchAdapter(Workbench(log: log)).recentLog()
        #expect(lines == [
            LogLine(level: .info, text: "loaded a.csv"),
            LogLine(level: .warning, text: "2 duplicate rows"),
            LogLine(level: .error, text: "run #1 failed"),
        ])
    }
}
