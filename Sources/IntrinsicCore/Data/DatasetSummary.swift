// Describes a data set at a glance: shape, value ranges, duplicate rows and labels.

import Foundation

/// Facts about a `Dataset` for the log, the TUI's data pane and JSON output.
public struct DatasetSummary: Sendable, Equatable {
    /// Number of rows of one label value.
    public struct LabelCount: Sendable, Equatable {
        public var label: String
        public var count: Int
    }

    /// File name (without folders) or "(memory)".
    public var name: String
    public var rows: Int
    public var columns: Int
    public var columnNames: [String]
    /// Per column, in column order.
    public var minimums: [Double]
    public var maximums: [Double]
    public var means: [Double]
    /// Number of rows equal (value for value) to an earlier row.
    public var duplicateRows: Int
    /// Label counts, largest count first, then by label; nil when the data has no labels.
    public var labelCounts: [LabelCount]?
    /// Column the labels came from.
    public var labelColumn: String?

    /// Computes the summary in O(rows × columns) time, plus hashing each row once.
    public init(_ dataset: Dataset) {
        name = dataset.displayName
        rows = dataset.rows
        columns = dataset.columns
        columnNames = dataset.columnNames
        labelColumn = dataset.labelColumn

        let rows = dataset.rows
        let columns = dataset.columns
        var minimums = [Double](repeating: .infinity, count: columns)
        var maximums = [Double](repeating: -.infinity, count: columns)
        var sums = [Double](repeating: 0, count: columns)
        for i in 0..<rows {
            for j in 0..<columns {
                let x = dataset.values[i * columns + j]
                minimums[j] = min(minimums[j], x)
                maximums[j] = max(maximums[j], x)
                sums[j] += x
            }
        }
        let empty = dataset.rows == 0
        self.minimums = empty ? [Double](repeating: 0, count: dataset.columns) : minimums
        self.maximums = empty ? [Double](repeating: 0, count: dataset.columns) : maximums
        let count = Double(max(dataset.rows, 1))
        means = sums.map { $0 / count }

        // Double's hashing treats 0.0 and -0.0 as equal, matching ==, so rows that compare
        // equal land in the same bucket.
        var seen = Set<ArraySlice<Double>>(minimumCapacity: rows)
        var duplicates = 0
        for i in 0..<rows where !seen.insert(dataset.values[(i * columns)..<((i + 1) * columns)]).inserted {
            duplicates += 1
        }
        duplicateRows = duplicates

        labelCounts = dataset.labels.map { labels in
            var counts: [String: Int] = [:]
            for label in labels { counts[label, default: 0] += 1 }
            return counts.map { LabelCount(label: $0.key, count: $0.value) }.sorted {
                $0.count != $1.count ? $0.count > $1.count : DatasetSummary.labelOrder($0.label, $1.label)
            }
        }
    }

    /// Orders labels numerically when both are integers ("2" before "10"), else by text.
    private static func labelOrder(_ a: String, _ b: String) -> Bool {
        if let x = Int(a), let y = Int(b) { return x < y }
        return a < b
    }

    /// Smallest value over all columns.
    public var minimum: Double { minimums.min() ?? 0 }
    /// Largest value over all columns.
    public var maximum: Double { maximums.max() ?? 0 }

    /// A few lines of at most 80 characters: shape, columns, value range, duplicates, labels.
    public var lines: [String] {
        let width = 80
        var result = ["\(name): \(rows) rows × \(columns) columns"]
        result.append(DatasetSummary.fit("columns: ", columnNames, width: width))
        result.append("values: min \(DatasetSummary.format(minimum)), max \(DatasetSummary.format(maximum)) over all columns")
        switch duplicateRows {
        case 0: result.append("duplicates: none")
        case 1: result.append("duplicates: 1 row equals an earlier row")
        default: result.append("duplicates: \(duplicateRows) rows equal an earlier row")
        }
        if let labelCounts {
            // Labels of an .npy file come from a side file rather than a column.
            let source = labelColumn.map { $0.hasSuffix(".npy") ? ", from \($0)" : ", column '\($0)'" } ?? ""
            let prefix = "labels (\(labelCounts.count)\(source)): "
            result.append(DatasetSummary.fit(prefix, labelCounts.map { "\($0.label) (\($0.count))" }, width: width))
        }
        return result
    }

    /// The summary as a JSON object, with per-column statistics in column order.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(name)),
            ("rows", .number(Double(rows))),
            ("columns", .number(Double(columns))),
            ("column_names", .array(columnNames.map { .string($0) })),
            ("min", .numbers(minimums)),
            ("max", .numbers(maximums)),
            ("mean", .numbers(means)),
            ("duplicate_rows", .number(Double(duplicateRows))),
        ]
        if let labelCounts {
            members.append(("label_column", labelColumn.map { .string($0) } ?? .null))
            members.append(("labels", .array(labelCounts.map {
                .object([("label", .string($0.label)), ("count", .number(Double($0.count)))])
            })))
        }
        return .object(members)
    }

    /// Joins `items` after `prefix`, replacing the middle with "…" when the line would be
    /// wider than `width`: the first items, then the last one.
    static func fit(_ prefix: String, _ items: [String], width: Int) -> String {
        let full = prefix + items.joined(separator: ", ")
        guard full.count > width, items.count > 1 else { return full }
        let last = items[items.count - 1]
        var kept: [String] = []
        for item in items.dropLast() {
            let candidate = prefix + (kept + [item, "…", last]).joined(separator: ", ")
            if candidate.count > width { break }
            kept.append(item)
        }
        let line = prefix + (kept + ["…", last]).joined(separator: ", ")
        return line.count <= width ? line : String(line.prefix(width - 1)) + "…"
    }

    /// Up to 6 significant digits, without a trailing ".0" for integers.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.6g", x)
    }
}
