// Helpers for the data-loading tests: temporary files, fixture paths and error capture.

import Foundation
import Testing

@testable import IntrinsicCore

enum DataTestFiles {
    /// Folder of this test target's sources.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// Fixtures of the data tests.
    static let fixtures = testsFolder.appendingPathComponent("Fixtures/data")
    /// The repository's `samples/` folder.
    static let samples = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    /// Writes `bytes` to `name` in a new temporary folder, runs `body` with the file's
    /// path, then removes the folder.
    static func withFile<T>(
        _ name: String, bytes: [UInt8], _ body: (String) throws -> T
    ) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("intrinsic-data-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try body(url.path)
    }

    static func withFile<T>(_ name: String, text: String, _ body: (String) throws -> T) throws -> T {
        try withFile(name, bytes: Array(text.utf8), body)
    }

    /// Loads `text` saved as `name`.
    static func load(_ text: String, name: String = "data.csv", options: LoadOptions = LoadOptions()) throws -> LoadedDataset {
        try withFile(name, text: text) { try DatasetLoader.load(path: $0, options: options) }
    }

    /// Loads `path` and returns the `DataError` it throws, or nil (recorded as a test
    /// failure) when it loads.
    static func loadError(
        path: String, options: LoadOptions = LoadOptions(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> DataError? {
        do {
            let loaded = try DatasetLoader.load(path: path, options: options)
            Issue.record("expected an error, loaded \(loaded.dataset.rows) × \(loaded.dataset.columns)", sourceLocation: sourceLocation)
            return nil
        } catch let error as DataError {
            return error
        } catch {
            Issue.record("expected a DataError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Saves `text` as `name`, loads it and returns the `DataError` it throws.
    static func loadError(
        _ text: String, name: String = "data.csv", options: LoadOptions = LoadOptions(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> DataError? {
        try withFile(name, text: text) { loadError(path: $0, options: options, sourceLocation: sourceLocation) }
    }

    /// 64-bit FNV-1a hash of the values' little-endian bytes, the form NumPy stores '<f8' in.
    static func fnv1a(_ values: [Double]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in values {
            var bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { bytes in
                for byte in bytes {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x100_0000_01b3
                }
            }
        }
        return hash
    }
}
