// Draws the controller's state onto a Surface: boxes, panes, status line and overlays.

import Foundation
import IntrinsicApp
import IntrinsicCore
import IntrinsicPlot

/// Box-drawing glyphs for pane borders.
struct BoxGlyphs {
    var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character

    static let light = BoxGlyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    /// Double lines mark the focused pane even without colour.
    static let double = BoxGlyphs(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝")
    static let ascii = BoxGlyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
    static let asciiFocused = BoxGlyphs(horizontal: "=", vertical: "#", topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#")
}

/// One row of the help overlay.
public struct KeyHelp: Sendable {
    public var keys: String
    public var action: String
}

/// Draws frames. Keeps the last rendered plot so that keys and progress updates do not
/// re-render an unchanged figure.
@MainActor
public final class Renderer {
    /// ASCII glyphs only (no box drawing, no Braille).
    public var asciiOnly: Bool
    private var plotCache: (key: PlotKey, grid: CellGrid)?
    /// Seconds the last frame spent rendering the figure (0 when the cache was used).
    public private(set) var lastPlotRenderSeconds = 0.0

    private struct PlotKey: Equatable {
        var run: Int
        var figure: Int
        var width: Int
        var height: Int
        var content: Figure
        var style: RenderStyle
    }

    public init(asciiOnly: Bool = false) {
        self.asciiOnly = asciiOnly
    }

    /// Every key the TUI understands, for the help overlay.
    public static let keyHelp: [KeyHelp] = [
        KeyHelp(keys: "Tab / Shift-Tab", action: "next / previous pane"),
        KeyHelp(keys: "↑↓←→ or h j k l", action: "move inside the pane"),
        KeyHelp(keys: "Enter", action: "open a method's form, edit a value, run"),
        KeyHelp(keys: "Space, ← →", action: "toggle a true/false or choice value"),
        KeyHelp(keys: "Esc", action: "close the form or prompt, else cancel the job"),
        KeyHelp(keys: "o", action: "open a data file (Tab completes names)"),
        KeyHelp(keys: "s", action: "save the session"),
        KeyHelp(keys: "[ / ] or v", action: "previous / next figure of the run"),
        KeyHelp(keys: "d", action: "scatter: density shading on / off"),
        KeyHelp(keys: "g", action: "spectrum: logarithmic / linear scale"),
        KeyHelp(keys: "b", action: "spectrum: bars / line"),
        KeyHelp(keys: ", / .", action: "previous / next run"),
        KeyHelp(keys: "1 … 9", action: "show run 1 … 9"),
        KeyHelp(keys: "?", action: "show or hide this help"),
        KeyHelp(keys: "q or Ctrl-C", action: "quit (asks when there are unsaved changes)"),
    ]

    /// Draws a whole frame of `controller`'s state onto `surface`.
    public func draw(_ controller: Controller, on surface: any Surface) {
        surface.clear()
        guard let layout = Layout(width: surface.width, height: surface.height) else {
            drawTooSmall(on: surface)
            return
        }
        for pane in Pane.allCases {
            let rect = layout.rect(of: pane)
            drawBox(rect, title: title(of: pane, controller), focused: controller.focus == pane, on: surface)
            let inner = rect.inner
            switch pane {
            case .dataset: drawDataset(controller, in: inner, on: surface)
            case .methods: drawMethods(controller, in: inner, on: surface)
            case .plot: drawPlot(controller, in: inner, on: surface)
            case .results: drawResults(controller, in: inner, on: surface)
            }
        }
        drawStatus(controller, in: layout.status, on: surface)
        if controller.showsHelp { drawHelp(on: surface) }
    }

    // MARK: Too small

    /// Returns the message shown instead of the panes below 80×24.
    public static func tooSmallMessage(width: Int, height: Int) -> String {
        "Terminal too small: \(width)×\(height); Intrinsic needs at least \(Layout.minimumWidth)×\(Layout.minimumHeight)"
    }

    private func drawTooSmall(on surface: any Surface) {
        let message = Renderer.tooSmallMessage(width: surface.width, height: surface.height)
        let lines = wrap(message, width: max(1, surface.width))
        let top = max(0, (surface.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            surface.put(line, x: max(0, (surface.width - line.count) / 2), y: top + i, role: .warning, bold: true)
        }
    }

    // MARK: Boxes

    private func title(of pane: Pane, _ controller: Controller) -> String {
        switch pane {
        case .methods:
            if let form = controller.form { return "Methods › \(form.method)" }
            return pane.title
        case .plot:
            guard let index = controller.workbench.selectedRun, controller.workbench.runs.indices.contains(index) else {
                return pane.title
            }
            let run = controller.workbench.runs[index]
            var text = "Plot · run \(index + 1)/\(controller.workbench.runs.count) \(run.method)"
            if !run.figures.isEmpty {
                let figure = min(controller.workbench.selectedFigure, run.figures.count - 1)
                text += " · \(run.figures[figure].kind) \(figure + 1)/\(run.figures.count)"
            }
            return text
        default:
            return pane.title
        }
    }

    private func drawBox(_ rect: Rect, title: String, focused: Bool, on surface: any Surface) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let glyphs: BoxGlyphs
        if asciiOnly {
            glyphs = focused ? .asciiFocused : .ascii
        } else {
            glyphs = focused ? .double : .light
        }
        let role: ThemeRole = focused ? .focusedBorder : .border
        let bar = String(repeating: glyphs.horizontal, count: rect.width - 2)
        surface.put(String(glyphs.topLeft) + bar + String(glyphs.topRight), x: rect.x, y: rect.y, role: role, bold: focused)
        surface.put(String(glyphs.bottomLeft) + bar + String(glyphs.bottomRight), x: rect.x, y: rect.y + rect.height - 1, role: role, bold: focused)
        for row in (rect.y + 1)..<(rect.y + rect.height - 1) {
            surface.put(String(glyphs.vertical), x: rect.x, y: row, role: role, bold: focused)
            surface.put(String(glyphs.vertical), x: rect.x + rect.width - 1, y: row, role: role, bold: focused)
        }
        let label = " " + clip(title, to: rect.width - 6) + " "
        surface.put(label, x: rect.x + 2, y: rect.y, role: .title, bold: focused)
    }

    // MARK: Panes

    private func drawDataset(_ controller: Controller, in rect: Rect, on surface: any Surface) {
        let workbench = controller.workbench
        guard let path = workbench.datasetPath else {
            put(["No data set loaded.", "Press o to open a file."], in: rect, role: .hint, on: surface)
            return
        }
        surface.put(clip(path, to: rect.width, keepEnd: true), x: rect.x, y: rect.y, role: .text, bold: true)
        // Each summary line wraps only as far as the rows left leave one row for every later
        // line, so the last lines (duplicates, labels and their counts) stay visible.
        let summary = workbench.datasetSummary
        var lines: [String] = []
        for (index, line) in summary.enumerated() {
            let allowed = max(1, rect.height - 1 - lines.count - (summary.count - index - 1))
            let wrapped = wrap(line, width: rect.width)
            if wrapped.count <= allowed {
                lines += wrapped
            } else {
                lines += wrapped.prefix(allowed - 1)
                lines.append(clip(wrapped.dropFirst(allowed - 1).joined(separator: " "), to: rect.width))
            }
        }
        put(lines, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1), role: .text, on: surface)
    }

    private func drawMethods(_ controller: Controller, in rect: Rect, on surface: any Surface) {
        if let form = controller.form {
            drawForm(form, focused: controller.focus == .methods, in: rect, on: surface)
            return
        }
        let methods = controller.methods
        let nameWidth = (methods.map(\.name.count).max() ?? 0) + 2
        let first = max(0, controller.methodCursor - rect.height + 2)
        var y = rect.y
        for index in first..<methods.count where y < rect.y + rect.height {
            let selected = index == controller.methodCursor
            let method = methods[index]
            let role: ThemeRole = selected && controller.focus == .methods ? .selection : .text
            var marker = "  "
            if selected { marker = asciiOnly ? "> " : "▸ " }
            let name = marker + pad(method.name, nameWidth)
            surface.put(pad(name, rect.width), x: rect.x, y: y, role: role, bold: selected)
            let summaryWidth = rect.width - name.count
            if summaryWidth > 4 {
                surface.put(clip(method.summary, to: summaryWidth), x: rect.x + name.count, y: y, role: selected && controller.focus == .methods ? .selection : .hint, bold: false)
            }
            y += 1
        }
        if y < rect.y + rect.height - 1, controller.focus == .methods {
            surface.put("Enter: parameters and run", x: rect.x, y: rect.y + rect.height - 1, role: .hint, bold: false)
        }
    }

    private func drawForm(_ form: ParameterForm, focused: Bool, in rect: Rect, on surface: any Surface) {
        let names = form.specs.map(\.name) + ["seed"]
        let nameWidth = (names.map(\.count).max() ?? 4) + 1
        let valueWidth = min(14, max(6, rect.width / 3))
        for row in 0..<form.rowCount {
            let y = rect.y + row
            guard y < rect.y + rect.height else { break }
            let selected = row == form.row
            let role: ThemeRole = selected && focused ? .selection : .text
            if row == form.runRow {
                let label = asciiOnly ? "[ Run ]" : "▶ Run"
                surface.put(pad(label, rect.width), x: rect.x, y: y, role: role, bold: true)
                continue
            }
            let isSeed = row == form.seedRow
            let value: String
            if selected, let editor = form.editor {
                value = editor.text + "_"
            } else {
                value = isSeed ? form.seed : form.values[row]
            }
            let help = isSeed ? "random seed" : form.specs[row].help
            let head = pad(names[row], nameWidth) + pad(clip(value, to: valueWidth), valueWidth) + " "
            surface.put(pad(head, rect.width), x: rect.x, y: y, role: role, bold: selected)
            if form.editor != nil, selected {
                surface.put(clip(value, to: valueWidth), x: rect.x + nameWidth, y: y, role: .focusedBorder, bold: true)
            }
            let helpWidth = rect.width - head.count
            if helpWidth > 3 {
                surface.put(clip(help, to: helpWidth), x: rect.x + head.count, y: y, role: selected && focused ? .selection : .hint, bold: false)
            }
        }
        // The allowed values of the selected parameter, below the rows when there is room.
        let detailY = rect.y + form.rowCount + 1
        if detailY < rect.y + rect.height {
            let detail: String
            if form.row < form.specs.count {
                detail = "\(form.specs[form.row].name): \(form.specs[form.row].kind.allowedDescription)"
            } else if form.row == form.seedRow {
                detail = "seed: an integer ≥ 0"
            } else {
                detail = "Enter runs \(form.method); Esc closes the form"
            }
            for (i, line) in wrap(detail, width: rect.width).enumerated() where detailY + i < rect.y + rect.height {
                surface.put(line, x: rect.x, y: detailY + i, role: .hint, bold: false)
            }
        }
    }

    private func drawPlot(_ controller: Controller, in rect: Rect, on surface: any Surface) {
        lastPlotRenderSeconds = 0
        let workbench = controller.workbench
        guard let index = workbench.selectedRun, workbench.runs.indices.contains(index) else {
            let hints = workbench.datasetPath == nil
                ? ["Open a data set with o,", "then choose a method and press Enter."]
                : ["Choose a method and press Enter", "to set its parameters and run it."]
            centre(hints, in: rect, role: .hint, on: surface)
            return
        }
        let run = workbench.runs[index]
        switch run.state {
        case .queued:
            centre(["Run \(run.id) (\(run.method)) is waiting for the running job."], in: rect, role: .hint, on: surface)
        case .running(let progress):
            centre(["Running \(run.method)…", "\(Int((progress.fraction * 100).rounded())) % \(progress.stage)", "Esc cancels"], in: rect, role: .hint, on: surface)
        case .failed(let reason):
            centre(["Run \(run.id) (\(run.method)) failed:"] + wrap(reason, width: rect.width), in: rect, role: .error, on: surface)
        case .cancelled:
            centre(["Run \(run.id) (\(run.method)) was cancelled."], in: rect, role: .hint, on: surface)
        case .finished:
            guard !run.figures.isEmpty else {
                centre(["Run \(run.id) (\(run.method)) has no figure;", "its results are in the Results pane."], in: rect, role: .hint, on: surface)
                return
            }
            let figureIndex = min(max(workbench.selectedFigure, 0), run.figures.count - 1)
            let figure = run.figures[figureIndex]
            let choice = controller.plotStyle
            let style = RenderStyle(unicode: !asciiOnly, density: choice.density, logScale: choice.logScale, bars: choice.bars)
            let key = PlotKey(run: run.id, figure: figureIndex, width: rect.width, height: rect.height, content: figure, style: style)
            let grid: CellGrid
            if let cache = plotCache, cache.key == key {
                grid = cache.grid
            } else {
                let start = DispatchTime.now().uptimeNanoseconds
                grid = figure.render(width: rect.width, height: rect.height, style: style)
                lastPlotRenderSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                plotCache = (key, grid)
            }
            surface.blit(grid, x: rect.x, y: rect.y)
        }
    }

    /// Collects the lines of the results pane: the selected run's, then the recent log.
    func resultLines(_ controller: Controller) -> [(text: String, role: ThemeRole)] {
        var lines: [(String, ThemeRole)] = []
        let workbench = controller.workbench
        if let index = workbench.selectedRun, workbench.runs.indices.contains(index) {
            let run = workbench.runs[index]
            let parameters = run.parameters.order.compactMap { name in run.parameters[name].map { "\(name)=\($0)" } }
            lines.append(("Run \(run.id): \(run.method) \((parameters + ["seed=\(run.seed)"]).joined(separator: " ")) · \(stateText(run.state))", .title))
            if case .failed(let reason) = run.state { lines.append(("error: \(reason)", .error)) }
            lines += run.summaryLines.map { ($0, .text) }
            lines += run.warnings.map { ("warning: \($0)", .warning) }
        } else {
            lines.append(("No run selected.", .hint))
        }
        let log = workbench.recentLog()
        if !log.isEmpty {
            lines.append(("Log:", .title))
            for entry in log {
                let role = entry.level == .info ? ThemeRole.hint : messageRole(entry.level)
                lines.append((entry.text, role))
            }
        }
        return lines
    }

    private func drawResults(_ controller: Controller, in rect: Rect, on surface: any Surface) {
        let lines = resultLines(controller)
        // The run's own lines come first and the log's newest entries last. An unscrolled
        // pane therefore shows the run, then as much of the log as fits.
        let maxScroll = max(0, lines.count - rect.height)
        let scroll = min(controller.resultsScroll, maxScroll)
        for (i, line) in lines.dropFirst(scroll).prefix(rect.height).enumerated() {
            surface.put(clip(line.text, to: rect.width), x: rect.x, y: rect.y + i, role: line.role, bold: line.role == .title)
        }
        if scroll < maxScroll, rect.width > 4 {
            surface.put(asciiOnly ? "v" : "↓", x: rect.x + rect.width - 1, y: rect.y + rect.height - 1, role: .hint, bold: false)
        }
    }

    private func stateText(_ state: RunState) -> String {
        switch state {
        case .queued: return "queued"
        case .running(let p): return "running (\(Int((p.fraction * 100).rounded())) %)"
        case .finished(let elapsed): return "finished in \(formatSeconds(elapsed))"
        case .failed: return "failed"
        case .cancelled: return "cancelled"
        }
    }

    // MARK: Status line and overlays

    /// Draws `fraction` (0…1) as a bar of `cells` cells, such as "██████░░░░".
    public func progressBar(_ fraction: Double, cells: Int) -> String {
        let filled = Int((min(max(fraction, 0), 1) * Double(cells)).rounded())
        let (full, empty): (Character, Character) = asciiOnly ? ("#", ".") : ("█", "░")
        return String(repeating: full, count: filled) + String(repeating: empty, count: cells - filled)
    }

    private func drawStatus(_ controller: Controller, in rect: Rect, on surface: any Surface) {
        surface.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, role: .statusBar)
        if let prompt = controller.prompt {
            // The prompt owns the status line, so a message (such as why a file did not
            // load) goes on the row above it.
            var candidatesBottom = rect.y
            if let message = controller.visibleMessage, rect.y > 0 {
                let role = messageRole(message.level)
                surface.fill(x: rect.x, y: rect.y - 1, width: rect.width, height: 1, role: role)
                surface.put(" " + clip(message.text, to: rect.width - 2), x: rect.x, y: rect.y - 1, role: role, bold: true)
                candidatesBottom -= 1
            }
            drawPrompt(prompt, runCount: controller.workbench.runs.count, in: rect, candidatesAbove: candidatesBottom, on: surface)
            return
        }
        var right = ""
        if let running = controller.workbench.runningRun, case .running(let progress) = running.state {
            let percent = Int((progress.fraction * 100).rounded())
            right = "\(progressBar(progress.fraction, cells: 10)) \(percent) % \(progress.stage)"
            right = clip(right, to: max(0, rect.width / 2))
            surface.put(right, x: rect.x + rect.width - right.count - 1, y: rect.y, role: .progress, bold: true)
        }
        let leftWidth = rect.width - right.count - 2
        if let message = controller.visibleMessage {
            let text = message.count > 1 ? "\(message.text) (×\(message.count))" : message.text
            let role = messageRole(message.level)
            surface.put(" " + clip(text, to: leftWidth - 1), x: rect.x, y: rect.y, role: role, bold: message.level != .info)
        } else {
            surface.put(" " + clip(hints(controller), to: leftWidth - 1), x: rect.x, y: rect.y, role: .statusBar, bold: false)
        }
    }

    /// The status-line role of a message of `level`.
    private func messageRole(_ level: MessageLevel) -> ThemeRole {
        switch level {
        case .error: return .error
        case .warning: return .warning
        case .info: return .statusBar
        }
    }

    private func hints(_ controller: Controller) -> String {
        if let form = controller.form {
            if form.editor != nil { return "Enter confirm · Esc undo edit" }
            return asciiOnly
                ? "up/down row | Enter edit/run | Space toggle | Esc close | ? help"
                : "↑↓ row · Enter edit/run · Space toggle · Esc close · ? help"
        }
        let hint = "Tab pane · Enter open · o open file · s save · [ ] figure · , . run · ? help · q quit"
        return asciiOnly ? hint.replacingOccurrences(of: "·", with: "|") : hint
    }

    private func drawPrompt(_ prompt: Prompt, runCount count: Int, in rect: Rect, candidatesAbove candidatesBottom: Int, on surface: any Surface) {
        let label: String
        var editor: LineEditor?
        var candidates: [String] = []
        switch prompt {
        case .confirmQuit:
            label = "Unsaved changes: save before quitting? (y/n/c)"
        case .confirmOpen(let path):
            label = "Opening \(path) discards \(count) unsaved run\(count == 1 ? "" : "s"); open it anyway? (y/n)"
        case .confirmOverwrite(let path, _):
            label = "\(path) exists: replace it? (y/n)"
        case .open(let e, let c):
            label = "Open data file: "
            editor = e
            candidates = c
        case .save(let e, _):
            label = "Save session to: "
            editor = e
        }
        surface.put(" " + label, x: rect.x, y: rect.y, role: .statusBar, bold: true)
        if let editor {
            let room = rect.width - label.count - 2
            let text = clip(editor.text + "_", to: room, keepEnd: true)
            surface.put(text, x: rect.x + label.count + 1, y: rect.y, role: .statusBar, bold: false)
        }
        if !candidates.isEmpty {
            drawCandidates(candidates, above: candidatesBottom, width: rect.width, on: surface)
        }
    }

    /// Lists completion candidates in columns just above the status line.
    private func drawCandidates(_ candidates: [String], above y: Int, width: Int, on surface: any Surface) {
        let columnWidth = min(width - 2, (candidates.map(\.count).max() ?? 0) + 2)
        let columns = max(1, (width - 2) / max(1, columnWidth))
        let rows = min((candidates.count + columns - 1) / columns, max(1, y - 1))
        let top = y - rows
        surface.fill(x: 0, y: top, width: width, height: rows, role: .text)
        for (i, name) in candidates.prefix(rows * columns).enumerated() {
            surface.put(clip(name, to: columnWidth - 1), x: 1 + (i / rows) * columnWidth, y: top + i % rows, role: .text, bold: name.hasSuffix("/"))
        }
        if candidates.count > rows * columns {
            surface.put("… \(candidates.count - rows * columns) more", x: max(0, width - 16), y: top, role: .hint, bold: false)
        }
    }

    private func drawHelp(on surface: any Surface) {
        let keyWidth = (Renderer.keyHelp.map(\.keys.count).max() ?? 0) + 2
        let actionWidth = Renderer.keyHelp.map(\.action.count).max() ?? 0
        let width = min(surface.width - 4, keyWidth + actionWidth + 4)
        let height = min(surface.height - 2, Renderer.keyHelp.count + 4)
        let rect = Rect(x: (surface.width - width) / 2, y: (surface.height - height) / 2, width: width, height: height)
        surface.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        drawBox(rect, title: "Keys", focused: true, on: surface)
        let inner = rect.inner
        for (i, entry) in Renderer.keyHelp.enumerated() where i < inner.height - 1 {
            surface.put(" " + entry.keys, x: inner.x, y: inner.y + i, role: .title, bold: true)
            surface.put(clip(entry.action, to: inner.width - keyWidth - 1), x: inner.x + keyWidth + 1, y: inner.y + i, role: .text, bold: false)
        }
        surface.put(clip(" Press any key to close", to: inner.width), x: inner.x, y: inner.y + inner.height - 1, role: .hint, bold: false)
    }

    // MARK: Text helpers

    private func put(_ lines: [String], in rect: Rect, role: ThemeRole, on surface: any Surface) {
        for (i, line) in lines.prefix(max(0, rect.height)).enumerated() {
            surface.put(clip(line, to: rect.width), x: rect.x, y: rect.y + i, role: role, bold: false)
        }
    }

    private func centre(_ lines: [String], in rect: Rect, role: ThemeRole, on surface: any Surface) {
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (i, line) in lines.prefix(rect.height).enumerated() {
            let text = clip(line, to: rect.width)
            surface.put(text, x: rect.x + (rect.width - text.count) / 2, y: top + i, role: role, bold: false)
        }
    }
}

/// `text` cut to `width` characters with an ellipsis; `keepEnd` keeps the tail (for paths).
func clip(_ text: String, to width: Int, keepEnd: Bool = false) -> String {
    guard width > 0 else { return "" }
    guard text.count > width else { return text }
    if width == 1 { return "…" }
    return keepEnd ? "…" + String(text.suffix(width - 1)) : String(text.prefix(width - 1)) + "…"
}

/// `text` padded with spaces (or clipped) to exactly `width` characters.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? clip(text, to: width) : text + String(repeating: " ", count: width - text.count)
}

/// Splits `text` into lines of at most `width` characters at spaces where possible.
func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
        var word = String(word)
        while word.count > width {
            if !current.isEmpty { lines.append(current); current = "" }
            lines.append(String(word.prefix(width)))
            word = String(word.dropFirst(width))
        }
        if current.isEmpty {
            current = word
        } else if current.count + 1 + word.count <= width {
            current += " " + word
        } else {
            lines.append(current)
            current = word
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}
