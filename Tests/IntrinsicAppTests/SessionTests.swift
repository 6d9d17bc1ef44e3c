import Foundation
import Testing
import IntrinsicCore
@testable import IntrinsicApp

@Suite struct SessionTests {
    /// Loads the blobs, runs pca and id-mle to the end, and returns the workbench.
    func finishedWorkbench(in folder: TemporaryFolder) throws -> (Workbench, String) {
        let data = folder.write("blobs.csv", blobsCSV())
        let workbench = Workbench(log: .memory())
        try workbench.load(path: data)
        try workbench.start(method: PCAMethod(), parameters: PCAMethod().parameterSet(["scale=true"]))
        try workbench.start(method: LevinaBickelMethod(), parameters: LevinaBickelMethod().parameterSet(["k=5"]))
        workbench.waitForAll()
        workbench.selectedRun = 0
        workbench.selectedFigure = 1
        return (workbench, data)
    }

    @Test func saveAndRestoreRoundTrip() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let (workbench, data) = try finishedWorkbench(in: folder)
        #expect(workbench.isDirty)
        let path = folder.path + "/session.json"
        try workbench.saveSession(to: path, focus: "plot", theme: "light")
        #expect(!workbench.isDirty)

        let file = try SessionFile.read(from: path)
        #expect(file.version == SessionFile.currentVersion)
        #expect(file.dataset?.path == data)
        #expect(file.dataset?.sha256 == (try SHA256.hexDigest(ofFile: data)))
        #expect(file.runs.map(\.method) == ["pca", "id-mle"])
        #expect(file.runs[0].parameters["scale"] == "true")
        #expect(file.runs[1].parameters["k"] == "5")
        #expect(file.view == SessionFile.ViewState(run: 0, figure: 1, focus: "plot", theme: "light"))

        let restored = try Workbench.restore(from: path, log: .memory())
        restored.waitForAll()
        #expect(restored.runs.count == 2)
        #expect(restored.selectedRun == 0)
        #expect(restored.selectedFigure == 1)
        #expect(!restored.isDirty)
        for (a, b) in zip(workbench.runs, restored.runs) {
            #expect(a.method == b.method)
            #expect(a.parameters == b.parameters)
            #expect(a.figures == b.figures, "figures of \(a.method) differ after restore")
            #expect(a.result?.json == b.result?.json, "results of \(a.method) differ after restore")
        }
    }

    @Test func saveLeavesNoTemporaryFile() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let (workbench, _) = try finishedWorkbench(in: folder)
        try workbench.saveSession(to: folder.path + "/s.json")
        try workbench.saveSession(to: folder.path + "/s.json")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["blobs.csv", "s.json"])
    }

    @Test func failedSaveKeepsPreviousFile() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let (workbench, _) = try finishedWorkbench(in: folder)
        let path = folder.path + "/s.json"
        try workbench.saveSession(to: path)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        // A directory in the way of the temporary file makes the save fail before rename.
        let blocker = folder.path + "/.s.json.tmp-\(getpid())"
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        #expect(throws: SessionError.self) { try workbench.saveSession(to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    }

    @Test func corruptSessionIsReported() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("bad.json", "{\"format\": \"intrinsic-session\", \"version\": 1, \"runs\": [")
        #expect(throws: SessionError.corrupt(path: path, detail: "not valid JSON")) {
            _ = try Workbench.restore(from: path, log: .memory())
        }
    }

    @Test func sessionWithMissingFieldNamesIt() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("partial.json", "{\"format\": \"intrinsic-session\", \"version\": 1, \"runs\": []}")
        do {
            _ = try Workbench.restore(from: path, log: .memory())
            Issue.record("expected an error")
        } catch let error as SessionError {
            guard case .corrupt(_, let detail) = error else {
                Issue.record("expected corrupt, got \(error)")
                return
            }
            #expect(detail.contains("view"), "detail: \(detail)")
        }
    }

    @Test func newerVersionIsRejectedWithBothVersions() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("new.json", "{\"format\": \"intrinsic-session\", \"version\": 99, \"future_field\": {}}")
        #expect(throws: SessionError.newerVersion(path: path, found: 99, supported: SessionFile.currentVersion)) {
            _ = try Workbench.restore(from: path, log: .memory())
        }
        let message = SessionError.newerVersion(path: path, found: 99, supported: 1).description
        #expect(message.contains("version 99"))
        #expect(message.contains("up to 1"))
    }

    @Test func otherJSONIsNotASession() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("other.json", "{\"name\": \"x\"}")
        #expect(throws: SessionError.notASession(path: path)) {
            _ = try Workbench.restore(from: path, log: .memory())
        }
    }

    @Test func changedDataIsDetected() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let (workbench, data) = try finishedWorkbench(in: folder)
        let path = folder.path + "/s.json"
        try workbench.saveSession(to: path)
        folder.write("blobs.csv", blobsCSV().replacingOccurrences(of: "left", with: "LEFT"))
        do {
            _ = try Workbench.restore(from: path, log: .memory())
            Issue.record("expected dataChanged")
        } catch let error as SessionError {
            guard case .dataChanged(_, let dataPath, _, _) = error else {
                Issue.record("expected dataChanged, got \(error)")
                return
            }
            #expect(dataPath == data)
            #expect(error.description.contains("has changed"))
        }
    }

    @Test func missingDataIsDetected() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let (workbench, data) = try finishedWorkbench(in: folder)
        let path = folder.path + "/s.json"
        try workbench.saveSession(to: path)
        try FileManager.default.removeItem(atPath: data)
        #expect(throws: SessionError.dataMissing(session: path, dataPath: data)) {
            _ = try Workbench.restore(from: path, log: .memory())
        }
    }

    @Test func unknownMethodInSessionNamesTheRun() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("s.json", """
            {"format": "intrinsic-session", "version": 1,
             "runs": [{"method": "tsne", "parameters": {}, "seed": 0}],
             "view": {"figure": 0}}
            """)
        #expect(throws: SessionError.invalidRun(session: path, index: 0, detail: "unknown method 'tsne'")) {
            _ = try Workbench.restore(from: path, log: .memory())
        }
    }

    @Test func cancelledRunEndsCancelled() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let workbench = Workbench(log: .memory())
        try workbench.load(path: folder.write("blobs.csv", blobsCSV()))
        try workbench.start(method: RipsMethod(), parameters: RipsMethod().parameterSet([]))
        workbench.cancelRunning()
        workbench.waitForAll()
        // The run either noticed the cancel or had already finished: both are valid ends,
        // but it must not be left running or queued.
        #expect(!workbench.runs[0].status.isActive)
        #expect(!workbench.isRunning)
    }
}

extension SessionTests {
    @Test func cancelledRunsAreNotSaved() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let workbench = Workbench(log: .memory())
        try workbench.load(path: folder.write("blobs.csv", blobsCSV()))
        try workbench.start(method: PCAMethod(), parameters: PCAMethod().parameterSet([]))
        workbench.waitForAll()
        // A run that fails (k larger than the data allows) is left out as well.
        try workbench.start(method: LevinaBickelMethod(), parameters: LevinaBickelMethod().parameterSet(["k=100"]))
        workbench.waitForAll()
        try workbench.start(method: LevinaBickelMethod(), parameters: LevinaBickelMethod().parameterSet(["k=5"]))
        workbench.waitForAll()
        workbench.selectedRun = 2
        let file = workbench.sessionFile()
        #expect(file.runs.map(\.method) == ["pca", "id-mle"])
        #expect(file.runs[1].parameters["k"] == "5")
        #expect(file.view.run == 1)
    }
}

@Suite struct AtomicWriteTests {
    @Test func missingFolderIsNamed() {
        do {
            try writeAtomically(Data("x".utf8), to: "/nonexistent-folder-for-test/out.json")
            Issue.record("expected an error")
        } catch let error as FileWriteError {
            #expect(error.reason == "the folder /nonexistent-folder-for-test does not exist")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

extension SessionTests {
    @Test func loadingWhileARunIsActiveDropsIt() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let workbench = Workbench(log: .memory())
        let data = folder.write("blobs.csv", blobsCSV())
        try workbench.load(path: data)
        try workbench.start(method: RipsMethod(), parameters: RipsMethod().parameterSet([]))
        try workbench.start(method: PCAMethod(), parameters: PCAMethod().parameterSet([]))
        try workbench.load(path: data)
        #expect(workbench.runs.isEmpty)
        #expect(!workbench.isRunning)
        #expect(!workbench.poll())
        try workbench.start(method: PCAMethod(), parameters: PCAMethod().parameterSet([]))
        workbench.waitForAll()
        #expect(workbench.runs.count == 1)
        #expect(workbench.runs[0].id == 1)
        #expect(workbench.runs[0].result != nil)
    }
}
