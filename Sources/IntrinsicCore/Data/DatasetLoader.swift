// Reads a data set from CSV, TSV or .npy, choosing the reader by file extension.

/// Choices the user makes about how a file becomes a data set.
public struct LoadOptions: Sendable, Equatable {
    /// Column to use as labels; nil picks a column named `label` if it is not numeric… or
    /// is integer-valued (see the CSV reader).
    public var labelColumn: String?
    /// Drop rows with missing or non-numeric values instead of failing on the first.
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

public enum DatasetLoader {
    /// Reads the file at `path`.
    /// - Throws: `DataError` naming the file and, where it applies, line and column.
    public static func load(path: String, options: LoadOptions = LoadOptions()) throws -> LoadedDataset {
        throw DataError(path: path, "reader not implemented yet")
    }
}
