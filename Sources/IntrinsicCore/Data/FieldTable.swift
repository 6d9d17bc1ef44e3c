// Splits delimited text into fields (byte ranges) and classifies each field once.

/// The fields of a delimited text file as byte ranges into the file's buffer.
///
/// Fields are stored flat, record after record, so the common case allocates no string
/// per field. Text is decoded only for names, labels and error messages.
struct FieldTable {
    /// Offset of each field's first content byte (inside the quotes for a quoted field).
    var starts: [Int] = []
    /// Offset just past each field's last content byte.
    var ends: [Int] = []
    /// Per field: bit 0 set when quoted, bit 1 set when it contains a doubled quote.
    var flags: [UInt8] = []
    /// Index into `starts` of each record's first field, plus a final end index.
    var recordStarts: [Int] = [0]
    /// 1-based line on which each record starts.
    var recordLines: [Int] = []

    static let quotedFlag: UInt8 = 1
    static let doubledQuoteFlag: UInt8 = 2

    var recordCount: Int { recordLines.count }

    func fieldCount(record: Int) -> Int { recordStarts[record + 1] - recordStarts[record] }

    func isEmpty(record: Int, field: Int) -> Bool {
        let k = recordStarts[record] + field
        return starts[k] == ends[k]
    }

    /// Decoded text of a field, with doubled quotes inside a quoted field made single.
    func text(record: Int, field: Int, buffer: UnsafeBufferPointer<UInt8>) -> String {
        let k = recordStarts[record] + field
        let bytes = UnsafeBufferPointer(rebasing: buffer[starts[k]..<ends[k]])
        let text = String(decoding: bytes, as: UTF8.self)
        guard flags[k] & FieldTable.doubledQuoteFlag != 0 else { return text }
        return text.replacingOccurrences(of: "\"\"", with: "\"")
    }

    /// Splits `buffer[start...]` into records and fields.
    ///
    /// Follows RFC 4180: a field in double quotes may contain the delimiter, line breaks
    /// and doubled quotes. Lines that are blank or start with `#` (after spaces) are
    /// skipped between records. Spaces around unquoted fields and a `\r` before `\n`
    /// are trimmed, so CRLF and LF files read the same.
    /// - Throws: `DataError` for an unterminated quoted field or text after a closing quote.
    static func tokenize(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, separator: Separator, path: String
    ) throws -> FieldTable {
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        let quote = UInt8(ascii: "\"")
        let tab = UInt8(ascii: "\t")
        let space = UInt8(ascii: " ")
        let whitespaceSeparated = separator == .whitespace
        let delimiter: UInt8
        if case .byte(let byte) = separator { delimiter = byte } else { delimiter = space }
        // Padding trimmed around fields; a tab is data (an empty field) in a TSV file.
        let tabIsPadding = delimiter != tab
        @inline(__always) func isPadding(_ byte: UInt8) -> Bool {
            byte == space || (tabIsPadding && byte == tab)
        }

        var table = FieldTable()
        let estimatedFields = buffer.count / 4
        table.starts.reserveCapacity(estimatedFields)
        table.ends.reserveCapacity(estimatedFields)
        table.flags.reserveCapacity(estimatedFields)

        let n = buffer.count
        var i = start
        var line = 1
        while i < n {
            // Skip a blank or comment line.
            var j = i
            while j < n, isPadding(buffer[j]) || buffer[j] == carriageReturn { j &+= 1 }
            if j == n { break }
            if buffer[j] == newline {
                i = j &+ 1
                line &+= 1
                continue
            }
            if buffer[j] == UInt8(ascii: "#") {
                while j < n, buffer[j] != newline { j &+= 1 }
                i = j &+ 1
                line &+= 1
                continue
            }

            table.recordLines.append(line)
            let firstField = table.starts.count
            while true {
                while i < n, isPadding(buffer[i]) { i &+= 1 }
                if i < n, buffer[i] == quote {
                    let openingLine = line
                    i &+= 1
                    let contentStart = i
                    var flags = FieldTable.quotedFlag
                    while true {
                        guard i < n else {
                            throw DataError(
                                path: path, line: openingLine,
                                column: "\(table.starts.count - firstField + 1)",
                                "quoted field has no closing quote before the end of the file")
                        }
                        let byte = buffer[i]
                        if byte == quote {
                            if i &+ 1 < n, buffer[i &+ 1] == quote {
                                flags |= FieldTable.doubledQuoteFlag
                                i &+= 2
                                continue
                            }
                            break
                        }
                        if byte == newline { line &+= 1 }
                        i &+= 1
                    }
                    table.starts.append(contentStart)
                    table.ends.append(i)
                    table.flags.append(flags)
                    i &+= 1
                    while i < n, isPadding(buffer[i]) || buffer[i] == carriageReturn { i &+= 1 }
                    if i < n, buffer[i] != delimiter, buffer[i] != newline, !whitespaceSeparated {
                        throw DataError(
                            path: path, line: line, column: "\(table.starts.count - firstField)",
                            "unexpected text after a closing quote; a quote inside a quoted field must be doubled (\"\")")
                    }
                } else {
                    let fieldStart = i
                    if whitespaceSeparated {
                        while i < n, buffer[i] != space, buffer[i] != tab, buffer[i] != newline { i &+= 1 }
                    } else {
                        while i < n, buffer[i] != delimiter, buffer[i] != newline { i &+= 1 }
                    }
                    var fieldEnd = i
                    while fieldEnd > fieldStart, isPadding(buffer[fieldEnd &- 1]) || buffer[fieldEnd &- 1] == carriageReturn {
                        fieldEnd &-= 1
                    }
                    table.starts.append(fieldStart)
                    table.ends.append(fieldEnd)
                    table.flags.append(0)
                }

                if whitespaceSeparated {
                    while i < n, buffer[i] == space || buffer[i] == tab || buffer[i] == carriageReturn { i &+= 1 }
                    if i < n, buffer[i] != newline { continue }
                } else if i < n, buffer[i] == delimiter {
                    i &+= 1
                    continue
                }
                // End of the record: at a newline or the end of the buffer.
                if i < n {
                    i &+= 1
                    line &+= 1
                }
                break
            }
            table.recordStarts.append(table.starts.count)
        }
        return table
    }
}

/// Content class of a field, as numeric columns see it.
enum CellKind: UInt8 {
    /// A finite number.
    case number
    /// Empty, NA, NaN, inf, or a number that overflows to infinity.
    case missing
    /// Anything else.
    case text
}

/// Every field of a table parsed once: its kind and, for numbers, its value.
struct CellGrid {
    let table: FieldTable
    let buffer: UnsafeBufferPointer<UInt8>
    let width: Int
    let records: Int
    private var kinds: [CellKind]
    private var values: [Double]

    /// Spellings of a missing value, lower-cased.
    private static let missingTokens: Set<String> = [
        "na", "n/a", "nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity",
    ]

    /// Parses every field; all records must have `width` fields.
    init(table: FieldTable, buffer: UnsafeBufferPointer<UInt8>, width: Int) {
        self.table = table
        self.buffer = buffer
        self.width = width
        self.records = table.recordCount
        let count = records * width
        var kinds = [CellKind](repeating: .text, count: count)
        var values = [Double](repeating: 0, count: count)
        let base = buffer.baseAddress
        for k in 0..<count {
            let start = table.starts[k]
            let length = table.ends[k] &- start
            if length == 0 {
                kinds[k] = .missing
                continue
            }
            // A doubled quote cannot be part of a number.
            if table.flags[k] & FieldTable.doubledQuoteFlag != 0 { continue }
            let pointer = base! + start
            if let value = DecimalParser.parse(pointer, count: length) {
                if value.isFinite {
                    kinds[k] = .number
                    values[k] = value
                } else {
                    kinds[k] = .missing
                }
            } else if length <= 9 {
                let text = String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
                if CellGrid.missingTokens.contains(text.lowercased()) { kinds[k] = .missing }
            }
        }
        self.kinds = kinds
        self.values = values
    }

    @inline(__always) func kind(_ record: Int, _ column: Int) -> CellKind {
        kinds[record &* width &+ column]
    }

    @inline(__always) func value(_ record: Int, _ column: Int) -> Double {
        values[record &* width &+ column]
    }

    /// True when the field is written as an integer: an optional sign, then digits only.
    func isInteger(_ record: Int, _ column: Int) -> Bool {
        let k = record * width + column
        var i = table.starts[k]
        let end = table.ends[k]
        if i < end, buffer[i] == UInt8(ascii: "-") || buffer[i] == UInt8(ascii: "+") { i += 1 }
        guard i < end else { return false }
        while i < end {
            if buffer[i] &- 0x30 >= 10 { return false }
            i += 1
        }
        return true
    }
}
