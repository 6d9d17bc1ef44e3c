// Reads a data set from CSV, TSV or .npy, choosing the reader by file extension.

import Foundation

/// Choices the user makes about how a file becomes a data set.
public struct LoadOptions: Sendable, Equatable {
    /// Column to use as labels. Nil picks a column named `label` (any case) when its values
    /// are text or integers; a `label` column with fractional values stays a feature.
    public var labelColumn: String?
    /// Drop rows with missing (empty, NA, NaN, inf) or non-numeric values in a numeric
    /// column instead of failing on the first one.
    public var dropMissing: Bool

    public init(labelColumn: String? = nil, dropMissing: Bool = false) {
        self.labelColumn = labelColumn
        self.dropMissing = dropMissing
    }
}

/// A data set together with what loading it noticed.
public struct LoadedDataset: Sendable {
    public var dataset: Dataset
    /// Number of rows dropped under `dropMissing`.
    public var droppedRows: Int
    /// Notes for the log: delimiter chosen, header detected, rows dropped.
    public var notes: [String]

    public init(dataset: Dataset, droppedRows: Int = 0, notes: [String] = []) {
        self.dataset = dataset
        self.droppedRows = droppedRows
        self.notes = notes
    }
}

/// Invalid input data, located as precisely as the reader can.
public struct DataError: Error, Equatable, CustomStringConvertible, Sendable {
    public var path: String
    /// 1-based line number in the file, when the problem is on one line.
    public var line: Int?
    /// Column name or 1-based number, when the problem is in one column.
    public var column: String?
    public var message: String

    public init(path: String, line: Int? = nil, column: String? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line: column 'c': message`, leaving out what is unknown.
    public var description: String {
        var text = path
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += "column \(column): " }
        return text + message
    }
}

/// Entry point for reading data files; picks the reader by extension.
public enum DatasetLoader {
    /// File extensions read as delimited text.
    public static let textExtensions = ["csv", "tsv", "txt"]
    /// File extensions read as NumPy arrays.
    public static let numpyExtensions = ["npy"]

    /// Reads the file at `path` into a data set.
    ///
    /// `.csv`, `.tsv` and `.txt` go to the delimited-text reader (delimiter and header
    /// detected), `.npy` to the NumPy reader (labels from `NAME.labels.npy` beside it).
    /// - Parameters:
    ///   - path: file to read; the extension is matched case-insensitively.
    ///   - options: label column and missing-value handling; defaults pick a column named
    ///     `label` and reject rows with missing values.
    /// - Throws: `DataError` naming the file and, where it applies, line and column: for a
    ///   missing or unreadable file, an unknown extension, or invalid content.
    public static func load(path: String, options: LoadOptions = LoadOptions()) throws -> LoadedDataset {
        let ext = fileExtension(of: path)
        if textExtensions.contains(ext) {
            let data = try readData(path: path, mapped: false)
            return try data.withUnsafeBytes { raw in
                try DelimitedTextReader.read(buffer: raw.bindMemory(to: UInt8.self), path: path, options: options)
            }
        }
        if numpyExtensions.contains(ext) {
            return try NumpyReader.load(path: path, options: options)
        }
        // A folder or a missing file gets that message rather than one about its extension.
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            throw DataError(path: path, "file not found")
        }
        if isDirectory.boolValue {
            throw DataError(path: path, "is a directory, not a data file")
        }
        let known = (textExtensions + numpyExtensions).map { "." + $0 }.joined(separator: ", ")
        let shown = ext.isEmpty ? "no extension" : "extension .\(ext)"
        throw DataError(path: path, "unsupported file type (\(shown)); expected one of \(known)")
    }

    /// Lower-cased extension of the last path component, or "" when it has none.
    static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Reads (or maps) a file after checking that it exists and is a regular file, so the
    /// error names the usual cause.
    static func readData(path: String, mapped: Bool) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(path: path, "file not found")
        }
        if isDirectory.boolValue {
            throw DataError(path: path, "is a directory, not a data file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw DataError(path: path, "file is not readable (permission denied)")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: mapped ? .alwaysMapped : [])
        } catch {
            throw DataError(path: path, "cannot read file: \(error.localizedDescription)")
        }
    }
}
