// The loaded data set: a dense row-major matrix of Doubles with optional labels.

/// A data set of `rows` points in `columns` dimensions, held row-major in memory.
///
/// Values are finite: the loaders reject or drop NaN and infinity before a `Dataset`
/// exists, so methods may rely on it.
public struct Dataset: Sendable {
    /// Path of the file it was read from, or nil for data made in memory.
    public var path: String?
    public var rows: Int
    public var columns: Int
    /// One name per column; generated as `x0`, `x1`, … when the file has no header.
    public var columnNames: [String]
    /// `rows × columns` values, row after row.
    public var values: [Double]
    /// One label per row, when the file has a label column.
    public var labels: [String]?
    /// Name of the column the labels came from.
    public var labelColumn: String?

    public init(
        path: String? = nil, rows: Int, columns: Int, columnNames: [String]? = nil,
        values: [Double], labels: [String]? = nil, labelColumn: String? = nil
    ) {
        precondition(values.count == rows * columns,
                     "Dataset values: expected \(rows) × \(columns) = \(rows * columns), got \(values.count)")
        precondition(labels == nil || labels!.count == rows,
                     "Dataset labels: expected \(rows), got \(labels!.count)")
        self.path = path
        self.rows = rows
        self.columns = columns
        self.columnNames = columnNames ?? (0..<columns).map { "x\($0)" }
        self.values = values
        self.labels = labels
        self.labelColumn = labelColumn
    }

    /// Returns the value at row `i`, column `j`.
    @inlinable public subscript(i: Int, j: Int) -> Double {
        values[i * columns + j]
    }

    /// Returns row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        Array(values[(i * columns)..<((i + 1) * columns)])
    }

    /// File name without its folders, or "(memory)".
    public var displayName: String {
        guard let path else { return "(memory)" }
        return path.split(separator: "/").last.map(String.init) ?? path
    }
}
