// Whole frames drawn into a ScreenModel: titles, lists, forms, plots, status line, overlays.

import Foundation
import IntrinsicApp
import IntrinsicCore
import IntrinsicPlot
import Testing
@testable import IntrinsicTUI

@MainActor
@Suite struct RendererTests {
    nonisolated static let sizes = [(80, 24), (200, 60)]

    @Test(arguments: sizes)
    func paneTitlesPresent(width: Int, height: Int) {
        let screen = frame(Controller(workbench: finishedRunWorkbench()), width: width, height: height)
        let layout = Layout(width: width, height: height)!
        for pane in Pane.allCases {
            let rect = layout.rect(of: pane)
            let top = screen.line(rect.y)
            let from = top.index(top.startIndex, offsetBy: rect.x)
            let to = top.index(from, offsetBy: rect.width)
            #expect(top[from..<to].contains(" \(pane.title)"), "pane \(pane) title missing in: \(top)")
        }
    }

    @Test(arguments: sizes)
    func methodListShowsEveryMethod(width: Int, height: Int) {
        let screen = frame(Controller(workbench: FakeWorkbench()), width: width, height: height)
        let methods = Layout(width: width, height: height)!.methods.inner
        for method in MethodRegistry.all {
            let position = screen.find(" \(method.name) ")
            #expect(position != nil, "method \(method.name) missing")
            if let position {
                #expect((methods.y..<(methods.y + methods.height)).contains(position.y))
            }
        }
    }

    @Test func focusedPaneHasDistinctBorder() {
        let controller = Controller(workbench: finishedRunWorkbench())
        let layout = Layout(width: 80, height: 24)!
        var screen = frame(controller, width: 80, height: 24)
        #expect(controller.focus == .methods)
        for pane in Pane.allCases {
            let corner = screen[layout.rect(of: pane).x, layout.rect(of: pane).y]
            #expect(corner.role == (pane == .methods ? .focusedBorder : .border), "pane \(pane)")
        }
        #expect(screen[layout.methods.x, layout.methods.y].character != screen[layout.plot.x, layout.plot.y].character)

        _ = controller.handle(.tab)
        screen = frame(controller, width: 80, height: 24)
        #expect(screen[layout.plot.x, layout.plot.y].role == .focusedBorder)
        #expect(screen[layout.methods.x, layout.methods.y].role == .border)
    }

    @Test func asciiOnlyFrameHasOnlyASCII() {
        let controller = Controller(workbench: runningWorkbench())
        let screen = frame(controller, width: 80, height: 24, asciiOnly: true)
        let layout = Layout(width: 80, height: 24)!
        #expect(screen[layout.methods.x, layout.methods.y].character == "#")
        #expect(screen[layout.plot.x, layout.plot.y].character == "+")
        #expect(screen.line(23).contains("######.... 62 %"))
    }

    @Test(arguments: MethodRegistry.all.map(\.name))
    func parameterFormShowsDefaults(method name: String) {
        let controller = Controller(workbench: FakeWorkbench())
        let index = MethodRegistry.all.firstIndex { $0.name == name }!
        for _ in 0..<index { _ = controller.handle(.down) }
        _ = controller.handle(.enter)
        let screen = frame(controller, width: 200, height: 60)
        let inner = Layout(width: 200, height: 60)!.methods.inner
        #expect(screen.text.contains("Methods › \(name)"))
        let method = MethodRegistry.all[index]
        for (row, spec) in method.parameters.enumerated() {
            let line = screen.line(inner.y + row)
            #expect(line.contains(spec.name), "row \(row): \(line)")
            #expect(line.contains(" \(spec.defaultValue.description) "), "row \(row): \(line)")
            #expect(line.contains(String(spec.help.prefix(10))), "row \(row): \(line)")
        }
        #expect(screen.line(inner.y + method.parameters.count).contains("seed"))
        #expect(screen.line(inner.y + method.parameters.count + 1).contains("Run"))
    }

    @Test(arguments: [(60, 20), (79, 24), (80, 23)])
    func tooSmallTerminalShowsMessage(width: Int, height: Int) {
        let controller = Controller(workbench: finishedRunWorkbench())
        let screen = frame(controller, width: width, height: height)
        let message = "Terminal too small: \(width)×\(height); Intrinsic needs at least 80×24"
        #expect(screen.text.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
            .contains(message))
        #expect(!screen.text.contains("Methods"))
        // Centred: the message's first row is in the middle third of the screen.
        let row = screen.find("Terminal")!.y
        #expect(row >= height / 3)
        #expect(row <= 2 * height / 3)
    }

    @Test func tooSmallMessageFitsSixtyColumns() {
        let screen = frame(Controller(workbench: FakeWorkbench()), width: 60, height: 20)
        #expect(screen.find("Terminal too small: 60×20; Intrinsic needs at least 80×24") != nil)
    }

    @Test func statusLineShowsProgressBar() {
        let controller = Controller(workbench: runningWorkbench())
        let screen = frame(controller, width: 80, height: 24)
        let status = screen.line(23)
        #expect(status.contains("██████░░░░ 62 % H1 reduction"), "status: \(status)")
        let bar = screen.find("██████")!
        #expect(screen[bar.x, bar.y].role == .progress)
        #expect(screen.text.contains("Running rips…"))
    }

    @Test func plotPaneShowsTheRenderedFigure() {
        let workbench = finishedRunWorkbench()
        let controller = Controller(workbench: workbench)
        for figureIndex in 0..<2 {
            workbench.selectedFigure = figureIndex
            let screen = frame(controller, width: 200, height: 60)
            let inner = Layout(width: 200, height: 60)!.plot.inner
            let expected = workbench.runs[0].figures[figureIndex].render(width: inner.width, height: inner.height)
            var mismatches = 0
            for y in 0..<inner.height {
                for x in 0..<inner.width {
                    let cell = screen[inner.x + x, inner.y + y]
                    let want = expected[x, y]
                    if cell.character != want.character || cell.role != ThemeRole.plot(want.role) || cell.bold != want.bold {
                        mismatches += 1
                    }
                }
            }
            #expect(mismatches == 0, "figure \(figureIndex): \(mismatches) cells differ from Figure.render")
            let kind = workbench.runs[0].figures[figureIndex].kind
            #expect(screen.line(0).contains("run 1/1 pca · \(kind) \(figureIndex + 1)/2"))
        }
    }

    @Test func resultsPaneShowsSummaryWarningsAndLog() {
        let screen = frame(Controller(workbench: finishedRunWorkbench()), width: 200, height: 60)
        #expect(screen.text.contains("Run 1: pca dimensions=2 center=true scale=false seed=7 · finished in 0.42 s"))
        #expect(screen.text.contains("first two components explain 85.7 %"))
        let warning = screen.find("warning: skipped 2 rows with a duplicate")!
        #expect(screen[warning.x, warning.y].role == .warning)
        let logError = screen.find("something broke earlier")!
        #expect(screen[logError.x, logError.y].role == .error)
    }

    @Test func failedRunShowsItsError() {
        let workbench = finishedRunWorkbench()
        workbench.runs[0].state = .failed("k = 50 needs more than 40 points")
        let screen = frame(Controller(workbench: workbench), width: 80, height: 24)
        #expect(screen.text.contains("failed:"))
        #expect(screen.text.contains("error: k = 50 needs more than 40 points"))
    }

    @Test func datasetPaneShowsPathAndSummary() {
        let screen = frame(Controller(workbench: finishedRunWorkbench()), width: 80, height: 24)
        #expect(screen.line(1).contains("/data/blobs.csv"))
        // The pane is 28 columns wide inside at 80×24, so the summary wraps onto a second row.
        let inner = Layout(width: 80, height: 24)!.dataset.inner
        let paneText = (inner.y..<(inner.y + inner.height)).map { y in
            String(screen.line(y).dropFirst(inner.x).prefix(inner.width)).trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
        #expect(paneText.contains("blobs.csv: 40 rows × 3 columns"))
        #expect(paneText.contains("labels: 2 classes"))
        let empty = frame(Controller(workbench: FakeWorkbench()), width: 80, height: 24)
        #expect(empty.text.contains("Press o to open a file."))
    }

    @Test(arguments: sizes)
    func helpOverlayListsEveryKey(width: Int, height: Int) {
        let controller = Controller(workbench: FakeWorkbench())
        _ = controller.handle(.character("?"))
        let screen = frame(controller, width: width, height: height)
        #expect(screen.text.contains(" Keys "))
        for entry in Renderer.keyHelp {
            // Rows of the overlay start with its left border, a space and the keys.
            let position = screen.find("║ " + entry.keys)
            #expect(position != nil, "key \(entry.keys) missing")
            if let position { #expect(screen.line(position.y).contains(entry.action), "action for \(entry.keys)") }
        }
        _ = controller.handle(.character("x"))
        #expect(!frame(controller, width: width, height: height).text.contains(" Keys "))
    }

    @Test func helpListsEveryGlobalKey() {
        let listed = Renderer.keyHelp.map(\.keys).joined(separator: " ")
        for key in ["Tab", "Shift-Tab", "Enter", "Esc", "o", "s", "[", "]", "v", ",", ".", "1", "9", "?", "q", "Ctrl-C", "h j k l"] {
            #expect(listed.contains(key), "help does not mention \(key)")
        }
    }

    @Test func quitQuestionAppearsOnStatusLine() {
        let workbench = finishedRunWorkbench()
        workbench.isDirty = true
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.character("q"))
        #expect(frame(controller, width: 80, height: 24).line(23).contains("Unsaved changes: save before quitting? (y/n/c)"))
    }

    @Test func promptErrorShowsAboveThePrompt() {
        let workbench = FakeWorkbench()
        workbench.loadError = FakeError(description: "missing.csv: file not found")
        let controller = Controller(workbench: workbench)
        _ = controller.handle(.character("o"))
        for c in "missing.csv" { _ = controller.handle(.character(c)) }
        _ = controller.handle(.enter)
        let screen = frame(controller, width: 80, height: 24)
        #expect(screen.line(23).contains("Open data file: missing.csv_"))
        #expect(screen.line(22).contains("missing.csv: file not found"))
        #expect(screen[1, 22].role == .error)
    }

    @Test func completionCandidatesAreListed() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("points-a.csv", "x\n1\n")
        folder.write("points-b.csv", "x\n1\n")
        let controller = Controller(workbench: FakeWorkbench())
        controller.currentDirectory = folder.path
        _ = controller.handle(.character("o"))
        _ = controller.handle(.character("p"))
        _ = controller.handle(.tab)
        let screen = frame(controller, width: 80, height: 24)
        #expect(screen.line(23).contains("Open data file: points-_"))
        #expect(screen.line(22).contains("points-a.csv"))
        #expect(screen.line(22).contains("points-b.csv"))
    }

    @Test func longResultsScrollWithinThePane() {
        let workbench = finishedRunWorkbench()
        workbench.log = (1...40).map { LogLine(level: .info, text: "entry \($0)") }
        let controller = Controller(workbench: workbench)
        let first = frame(controller, width: 80, height: 24)
        #expect(first.text.contains("Run 1: pca"))
        controller.resultsScroll = 100
        let scrolled = frame(controller, width: 80, height: 24)
        #expect(scrolled.text.contains("entry 40"))
        #expect(!scrolled.text.contains("Run 1: pca"))
    }
}
