// Reads comma-, tab-, semicolon- or whitespace-separated text into a Dataset, working on bytes.

/// Reader for CSV, TSV and similar text files (RFC 4180 quoting, `#` comments).
///
/// Steps:
/// 1. Strip a UTF-8 byte order mark and detect the delimiter.
/// 2. Split the bytes into fields (byte ranges, no strings) and check that every row has
///    the same number of fields.
/// 3. Classify and parse every field once, then detect a header row and the label column.
/// 4. Reject or drop rows with missing or non-numeric values in numeric columns.
enum DelimitedTextReader {
    /// Reads delimited text from the bytes of a file; `path` is used in notes and errors only.
    /// - Throws: `DataError` with the 1-based line and the column for invalid content.
    static func read(
        buffer: UnsafeBufferPointer<UInt8>, path: String, options: LoadOptions
    ) throws -> LoadedDataset {
        var notes: [String] = []
        let start = try checkEncoding(buffer, path: path, notes: &notes)
        let separator = detectSeparator(buffer, from: start)
        notes.append("delimiter: \(separator.name)")

        let table = try FieldTable.tokenize(buffer, from: start, separator: separator, path: path)
        guard table.recordCount > 0 else {
            throw DataError(path: path, "file is empty: no data rows (blank lines and # comments are skipped)")
        }
        let width = table.fieldCount(record: 0)
        try checkRowLengths(table, width: width, path: path)

        let cells = CellGrid(table: table, buffer: buffer, width: width)
        let hasHeader = detectHeader(cells)
        let firstDataRecord = hasHeader ? 1 : 0
        if hasHeader, table.recordCount == 1 {
            throw DataError(path: path, line: table.recordLines[0],
                            "file has a header row but no data rows")
        }
        let names: [String] = (0..<width).map { j in
            guard hasHeader else { return "x\(j)" }
            let name = table.text(record: 0, field: j, buffer: buffer)
            return name.isEmpty ? "x\(j)" : name
        }
        if hasHeader {
            notes.append("header row on line \(table.recordLines[0]): \(width) columns")
        } else {
            notes.append("no header row: columns named x0 … x\(width - 1)")
        }

        let bodyRecords = firstDataRecord..<table.recordCount
        let labelIndex = try chooseLabelColumn(
            cells, names: names, hasHeader: hasHeader, body: bodyRecords, options: options,
            path: path, notes: &notes)
        try rejectTextColumns(
            cells, names: names, labelIndex: labelIndex, body: bodyRecords, path: path)

        let featureIndices = (0..<width).filter { $0 != labelIndex }
        guard !featureIndices.isEmpty else {
            throw DataError(path: path, column: columnReference(names[labelIndex!], labelIndex!),
                            "no numeric columns: the only column is used as labels")
        }
        return try assemble(
            cells, names: names, featureIndices: featureIndices, labelIndex: labelIndex,
            body: bodyRecords, path: path, options: options, notes: notes)
    }

    // MARK: - Encoding and delimiter

    /// Returns the offset after a UTF-8 byte order mark; rejects UTF-16 and binary files.
    private static func checkEncoding(
        _ buffer: UnsafeBufferPointer<UInt8>, path: String, notes: inout [String]
    ) throws -> Int {
        if buffer.count >= 2,
            (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)
        {
            throw DataError(path: path, "file is UTF-16 text; save it as UTF-8 and load it again")
        }
        if buffer.prefix(4096).contains(0) {
            throw DataError(path: path, "file contains NUL bytes, so it is binary, not delimited text")
        }
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            notes.append("skipped the UTF-8 byte order mark")
            return 3
        }
        return 0
    }

    /// Picks the delimiter from up to 20 non-comment lines.
    ///
    /// A candidate that occurs the same number of times (outside quotes) on every sampled
    /// line wins, the highest count first. Failing that, the candidate most frequent on the
    /// first line wins. When none of comma, tab and semicolon occurs but every line has
    /// values separated by spaces (NumPy's `savetxt` default), runs of spaces separate fields.
    static func detectSeparator(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Separator {
        let candidates: [Separator] = [.byte(UInt8(ascii: ",")), .byte(UInt8(ascii: "\t")), .byte(UInt8(ascii: ";"))]
        var counts: [[Int]] = []
        var linesWithInnerSpaces = 0
        var i = start
        let n = buffer.count
        while i < n, counts.count < 20 {
            var lineEnd = i
            var inQuotes = false
            var lineCounts = [0, 0, 0]
            var firstContent = -1
            var spaceAfterContent = false
            var pendingSpace = false
            while lineEnd < n, inQuotes || buffer[lineEnd] != UInt8(ascii: "\n") {
                let byte = buffer[lineEnd]
                if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
                if !inQuotes {
                    switch byte {
                    case UInt8(ascii: ","): lineCounts[0] += 1
                    case UInt8(ascii: "\t"): lineCounts[1] += 1
                    case UInt8(ascii: ";"): lineCounts[2] += 1
                    default: break
                    }
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                        if firstContent >= 0 { pendingSpace = true }
                    } else {
                        if firstContent < 0 { firstContent = lineEnd }
                        if pendingSpace { spaceAfterContent = true }
                        pendingSpace = false
                    }
                }
                lineEnd += 1
            }
            let isComment = firstContent >= 0 && buffer[firstContent] == UInt8(ascii: "#")
            if firstContent >= 0, !isComment {
                counts.append(lineCounts)
                if spaceAfterContent { linesWithInnerSpaces += 1 }
            }
            i = lineEnd + 1
        }
        guard !counts.isEmpty else { return candidates[0] }

        var best: Int?
        for c in 0..<3 {
            let first = counts[0][c]
            guard first > 0, counts.allSatisfy({ $0[c] == first }) else { continue }
            if best == nil || first > counts[0][best!] { best = c }
        }
        if let best { return candidates[best] }
        if let c = (0..<3).max(by: { counts[0][$0] < counts[0][$1] }), counts[0][c] > 0 {
            return candidates[c]
        }
        // Every line must have spaces between values, so that a single column whose header
        // name has a space in it stays one column.
        return linesWithInnerSpaces == counts.count ? .whitespace : candidates[0]
    }

    // MARK: - Structure checks

    private static func checkRowLengths(_ table: FieldTable, width: Int, path: String) throws {
        for record in 1..<table.recordCount {
            let found = table.fieldCount(record: record)
            guard found != width else { continue }
            var message = "expected \(width) fields (as on line \(table.recordLines[0])), found \(found)"
            if found > width {
                message += "; a field that contains the delimiter must be quoted"
            }
            throw DataError(path: path, line: table.recordLines[record], message)
        }
    }

    /// Decides whether the first row is a header: it is when it contains no numbers but some
    /// text, or when one of its text fields is above a column whose body contains numbers.
    private static func detectHeader(_ cells: CellGrid) -> Bool {
        let first = (0..<cells.width).map { cells.kind(0, $0) }
        if !first.contains(.number) { return first.contains(.text) }
        guard cells.records > 1 else { return false }
        let sample = 1..<min(cells.records, 101)
        for j in 0..<cells.width where first[j] == .text {
            if sample.contains(where: { cells.kind($0, j) == .number }) { return true }
        }
        return false
    }

    // MARK: - Columns

    /// Returns the label column's index, or nil when the data has none.
    private static func chooseLabelColumn(
        _ cells: CellGrid, names: [String], hasHeader: Bool, body: Range<Int>,
        options: LoadOptions, path: String, notes: inout [String]
    ) throws -> Int? {
        if let wanted = options.labelColumn {
            guard let index = names.firstIndex(of: wanted)
                ?? names.firstIndex(where: { $0.lowercased() == wanted.lowercased() })
            else {
                var message = "label column '\(wanted)' not found; the columns are: "
                message += names.map { "'\($0)'" }.joined(separator: ", ")
                if !hasHeader { message += " (the file has no header row, so columns are named x0, x1, …)" }
                throw DataError(path: path, column: wanted, message)
            }
            notes.append("labels from column '\(names[index])' (--label)")
            return index
        }
        guard let index = names.firstIndex(where: { $0.lowercased() == "label" }) else { return nil }
        let holdsText = body.contains { cells.kind($0, index) == .text }
        let allIntegers = body.allSatisfy { cells.kind($0, index) != .number || cells.isInteger($0, index) }
        if holdsText || allIntegers {
            notes.append("labels from column '\(names[index])'")
            return index
        }
        notes.append("column '\(names[index])' has fractional values, so it stays a feature column; pass --label \(names[index]) to use it as labels")
        return nil
    }

    /// Rejects columns that contain text (more text than numbers in the body), because
    /// dropping them silently would change the data behind the user's back.
    private static func rejectTextColumns(
        _ cells: CellGrid, names: [String], labelIndex: Int?, body: Range<Int>, path: String
    ) throws {
        var textColumns: [Int] = []
        for j in 0..<cells.width where j != labelIndex {
            var numbers = 0
            var texts = 0
            for r in body {
                switch cells.kind(r, j) {
                case .number: numbers += 1
                case .text: texts += 1
                case .missing: break
                }
            }
            if texts > numbers { textColumns.append(j) }
        }
        guard !textColumns.isEmpty else { return }

        let firstRecord = body.first { r in textColumns.contains { cells.kind(r, $0) == .text } }!
        let firstColumn = textColumns.first { cells.kind(firstRecord, $0) == .text }!
        let sample = cells.table.text(record: firstRecord, field: firstColumn, buffer: cells.buffer)
        let references = textColumns.map { columnReference(names[$0], $0) }
        var message = textColumns.count == 1
            ? "the column contains text"
            : "columns \(references.joined(separator: ", ")) contain text"
        message += " ('\(sample)' on this line), and text columns are not dropped silently. "
        if let labelIndex {
            message += "Remove the column, or pass --label \(names[textColumns[0]]) to use it as labels instead of '\(names[labelIndex])'"
        } else {
            message += "Pass --label \(names[textColumns[0]]) to use it as labels, or remove the column"
        }
        throw DataError(
            path: path, line: cells.table.recordLines[firstRecord],
            column: textColumns.count == 1 ? references[0] : nil, message)
    }

    // MARK: - Values

    private static func assemble(
        _ cells: CellGrid, names: [String], featureIndices: [Int], labelIndex: Int?,
        body: Range<Int>, path: String, options: LoadOptions, notes: [String]
    ) throws -> LoadedDataset {
        var notes = notes
        var values: [Double] = []
        values.reserveCapacity(body.count * featureIndices.count)
        var labels: [String]? = labelIndex == nil ? nil : []
        var dropped = 0
        var firstDroppedLine: Int?

        for r in body {
            if let bad = firstInvalidCell(cells, record: r, featureIndices: featureIndices, labelIndex: labelIndex) {
                if options.dropMissing {
                    dropped += 1
                    if firstDroppedLine == nil { firstDroppedLine = cells.table.recordLines[r] }
                    continue
                }
                let text = cells.table.text(record: r, field: bad, buffer: cells.buffer)
                let message: String
                if bad == labelIndex {
                    message = "missing label; pass --drop-missing to skip rows without a label"
                } else if cells.kind(r, bad) == .missing {
                    let shown = text.isEmpty ? "empty field" : "'\(text)'"
                    message = "missing or non-finite value (\(shown)); pass --drop-missing to skip such rows"
                } else {
                    message = "non-numeric value '\(text)' in a numeric column; fix it, or pass --drop-missing to skip such rows"
                }
                throw DataError(path: path, line: cells.table.recordLines[r],
                                column: columnReference(names[bad], bad), message)
            }
            for j in featureIndices { values.append(cells.value(r, j)) }
            if let labelIndex {
                labels!.append(cells.table.text(record: r, field: labelIndex, buffer: cells.buffer))
            }
        }

        let rows = body.count - dropped
        if dropped > 0 {
            notes.append("dropped \(dropped) of \(body.count) rows with missing or non-numeric values (first on line \(firstDroppedLine!))")
        }
        guard rows > 0 else {
            throw DataError(path: path, "every one of the \(body.count) data rows has a missing or non-numeric value; nothing is left to load")
        }
        if let labels {
            notes.append("\(Set(labels).count) distinct labels")
        }
        let dataset = Dataset(
            path: path, rows: rows, columns: featureIndices.count,
            columnNames: featureIndices.map { names[$0] }, values: values, labels: labels,
            labelColumn: labelIndex.map { names[$0] })
        return LoadedDataset(dataset: dataset, droppedRows: dropped, notes: notes)
    }

    /// Index of the first field in `record` that keeps the row out of the data set.
    @inline(__always)
    private static func firstInvalidCell(
        _ cells: CellGrid, record: Int, featureIndices: [Int], labelIndex: Int?
    ) -> Int? {
        for j in 0..<cells.width {
            if j == labelIndex {
                if cells.table.isEmpty(record: record, field: j) { return j }
            } else if cells.kind(record, j) != .number {
                return j
            }
        }
        return nil
    }
}

/// Field separator of a delimited text file.
enum Separator: Equatable {
    /// One byte (comma, tab, semicolon) separates two fields; empty fields are possible.
    case byte(UInt8)
    /// Runs of spaces and tabs separate fields; leading and trailing ones are ignored.
    case whitespace

    var name: String {
        switch self {
        case .byte(UInt8(ascii: ",")): return "comma"
        case .byte(UInt8(ascii: "\t")): return "tab"
        case .byte(UInt8(ascii: ";")): return "semicolon"
        case .byte(let b): return "'\(Character(Unicode.Scalar(b)))'"
        case .whitespace: return "whitespace"
        }
    }
}

/// `'name' (number)` with a 1-based column number, as used in every column error.
func columnReference(_ name: String, _ index: Int) -> String {
    "'\(name)' (\(index + 1))"
}
