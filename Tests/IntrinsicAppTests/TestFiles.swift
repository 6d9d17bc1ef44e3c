// Temporary folders and small data files for the app tests.

import Foundation

/// A fresh folder under the system's temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/intrinsic-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the folder and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        try! text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Returns a small labelled data set: two well-separated blobs in 3-D, 40 rows.
func blobsCSV() -> String {
    var lines = ["a,b,c,label"]
    var state: UInt64 = 12345
    func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53) - 0.5
    }
    for i in 0..<40 {
        let offset = i < 20 ? 0.0 : 5.0
        lines.append("\(offset + next()),\(offset + 2 * next()),\(next() * 0.1),\(i < 20 ? "left" : "right")")
    }
    return lines.joined(separator: "\n") + "\n"
}
