// A scripted WorkbenchModel for driving the controller and renderer without jobs or files.

import Foundation
import IntrinsicCore
import IntrinsicPlot
@testable import IntrinsicTUI

struct FakeError: Error, CustomStringConvertible {
    var description: String
}

@MainActor
final class FakeWorkbench: WorkbenchModel {
    var datasetPath: String?
    var datasetSummary: [String] = []
    var runs: [RunView] = []
    var selectedRun: Int?
    var selectedFigure = 0
    var isDirty = false
    var sessionPath: String?
    var log: [LogLine] = []

    /// When set, `load` throws it.
    var loadError: FakeError?
    /// When set, `saveSession` throws it.
    var saveError: FakeError?
    private(set) var loaded: [String] = []
    private(set) var started: [(method: String, parameters: ParameterSet, seed: UInt64)] = []
    private(set) var cancelRequests = 0
    private(set) var saved: [String] = []

    func load(path: String) throws {
        if let loadError { throw loadError }
        loaded.append(path)
        datasetPath = path
        datasetSummary = ["\((path as NSString).lastPathComponent): 100 rows × 3 columns"]
        isDirty = true
    }

    func start(method: String, parameters: ParameterSet, seed: UInt64) throws {
        guard datasetPath != nil else { throw FakeError(description: "no data set is loaded") }
        started.append((method, parameters, seed))
        runs.append(RunView(id: runs.count + 1, method: method, parameters: parameters, seed: seed, state: .queued))
        isDirty = true
    }

    func poll() -> Bool { false }

    func cancelRunning() -> Bool {
        cancelRequests += 1
        return hasActiveRun
    }

    func saveSession(to path: String, focus: String) throws {
        if let saveError { throw saveError }
        saved.append(path)
        sessionPath = path
        isDirty = false
    }

    func recentLog() -> [LogLine] { log }
}

/// Parameters of the real PCA method with its defaults.
func pcaDefaults() -> ParameterSet {
    let pca = MethodRegistry.method(named: "pca")!
    return try! ParameterSet(specs: pca.parameters, method: pca.name, assignments: [])
}

/// Makes a workbench with a loaded data set and one finished PCA run with two figures.
@MainActor
func finishedRunWorkbench() -> FakeWorkbench {
    let workbench = FakeWorkbench()
    workbench.datasetPath = "/data/blobs.csv"
    workbench.datasetSummary = ["blobs.csv: 40 rows × 3 columns", "labels: 2 classes (column label)"]
    let figures: [Figure] = [
        .spectrum(SpectrumData(values: [4, 2, 1], quantity: "explained variance", cumulative: [0.57, 0.86, 1])),
        .scatter(ScatterData(x: [0, 1, 2, 3], y: [1, 0, 1, 0], categories: ["a", "a", "b", "b"], xTitle: "PC1", yTitle: "PC2")),
    ]
    workbench.runs = [
        RunView(
            id: 1, method: "pca", parameters: pcaDefaults(), seed: 7, state: .finished(elapsed: 0.42), figures: figures,
            summaryLines: ["explained variance: 4, 2, 1 (3 values)", "first two components explain 85.7 %"],
            warnings: ["skipped 2 rows with a duplicate"])
    ]
    workbench.selectedRun = 0
    workbench.log = [LogLine(level: .info, text: "loaded /data/blobs.csv"), LogLine(level: .error, text: "something broke earlier")]
    return workbench
}

/// Makes a workbench whose only run is running at 62 % in stage "H1 reduction".
@MainActor
func runningWorkbench() -> FakeWorkbench {
    let workbench = FakeWorkbench()
    workbench.datasetPath = "/data/circle.csv"
    let rips = MethodRegistry.method(named: "rips")!
    let parameters = try! ParameterSet(specs: rips.parameters, method: rips.name, assignments: [])
    workbench.runs = [
        RunView(id: 1, method: "rips", parameters: parameters, seed: 0, state: .running(ProgressSnapshot(stage: "H1 reduction", fraction: 0.62)))
    ]
    workbench.selectedRun = 0
    return workbench
}

/// Draws one frame of `controller` into a fresh ScreenModel.
@MainActor
func frame(_ controller: Controller, width: Int, height: Int, asciiOnly: Bool = false) -> ScreenModel {
    let screen = ScreenModel(width: width, height: height)
    Renderer(asciiOnly: asciiOnly).draw(controller, on: screen)
    return screen
}

/// A fresh folder under the system's temporary directory.
struct TemporaryFolder {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.path + "/intrinsic-tui-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        try! text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func makeFolder(_ name: String) {
        try! FileManager.default.createDirectory(atPath: path + "/" + name, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
