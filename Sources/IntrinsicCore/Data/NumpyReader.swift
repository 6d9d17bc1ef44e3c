// Reads NumPy .npy files (format versions 1.0, 2.0 and 3.0) into a Dataset.

import Foundation

/// Reader for `.npy` arrays of float64, float32, int64 or int32, either byte order, C or
/// Fortran order, 1-D (one column) or 2-D.
///
/// File layout:
/// - the magic bytes `\x93NUMPY`, then a major and a minor version byte;
/// - the header length, UInt16 little-endian in version 1 and UInt32 in versions 2 and 3;
/// - the header, a Python dict literal with `descr`, `fortran_order` and `shape`;
/// - the raw array data.
/// Version 3 differs from 2 only in allowing UTF-8 in the header.
enum NumpyReader {
    /// Supported dtypes, as listed in error messages.
    static let supportedTypes =
        "float64 ('<f8', '>f8'), float32 ('<f4', '>f4'), float16 ('<f2', '>f2'), int64 ('<i8', '>i8'), int32 ('<i4', '>i4')"

    /// Reads `path` and, when it sits beside it, `NAME.labels.npy` as the labels.
    /// - Throws: `DataError` for a missing file, a malformed or unsupported array, NaN or
    ///   infinity (unless `options.dropMissing`), invalid labels, or a `labelColumn` option.
    static func load(path: String, options: LoadOptions) throws -> LoadedDataset {
        if let column = options.labelColumn {
            throw DataError(
                path: path, column: column,
                "--label does not apply to .npy files: an .npy file contains one numeric array with no column names. Put the labels in a 1-D int64 or int32 array saved as NAME.labels.npy beside NAME.npy")
        }
        let data = try DatasetLoader.readData(path: path, mapped: true)
        let array = try NumpyArray(data: data, path: path)
        guard array.shape.count == 1 || array.shape.count == 2 else {
            throw DataError(path: path, "array has shape \(array.shapeText), which is \(array.shape.count)-D; expected 1-D (n values) or 2-D (rows, columns)")
        }
        let rows = array.shape[0]
        let columns = array.shape.count == 2 ? array.shape[1] : 1
        guard rows > 0 else { throw DataError(path: path, "array has shape \(array.shapeText): no rows") }
        guard columns > 0 else { throw DataError(path: path, "array has shape \(array.shapeText): no columns") }

        var notes = ["NumPy array \(array.descr), shape \(array.shapeText), \(array.fortranOrder ? "Fortran" : "C") order"]
        var values = array.doubles(rows: rows, columns: columns)
        let labelsFile = labelsPath(besides: path)
        var labels = try labelsFile.flatMap { try loadLabels(from: $0, rows: rows, notes: &notes) }

        var dropped = 0
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            guard options.dropMissing else {
                let row = bad / columns
                let column = bad % columns
                let what = values[bad].isNaN ? "NaN" : "infinite"
                throw DataError(
                    path: path, column: columnReference("x\(column)", column),
                    "value at row \(row + 1) (index \(row)) is \(what); pass --drop-missing to skip rows with NaN or infinity")
            }
            (values, labels, dropped) = dropNonFiniteRows(values, labels: labels, columns: columns)
            guard dropped < rows else {
                throw DataError(path: path, "every one of the \(rows) rows has NaN or infinity; nothing is left to load")
            }
            notes.append("dropped \(dropped) of \(rows) rows with NaN or infinity")
        }

        let dataset = Dataset(
            path: path, rows: rows - dropped, columns: columns, values: values, labels: labels,
            labelColumn: labels == nil ? nil : labelsFile.map(fileName(of:)))
        return LoadedDataset(dataset: dataset, droppedRows: dropped, notes: notes)
    }

    /// `NAME.labels.npy` when it exists beside `NAME.npy`, else nil.
    private static func labelsPath(besides path: String) -> String? {
        guard path.lowercased().hasSuffix(".npy"), !path.lowercased().hasSuffix(".labels.npy") else { return nil }
        let labelsPath = String(path.dropLast(4)) + ".labels.npy"
        return FileManager.default.fileExists(atPath: labelsPath) ? labelsPath : nil
    }

    private static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Reads labels for `rows` rows: a 1-D int64 or int32 array of that length.
    private static func loadLabels(from labelsPath: String, rows: Int, notes: inout [String]) throws -> [String] {
        let array = try NumpyArray(data: try DatasetLoader.readData(path: labelsPath, mapped: true), path: labelsPath)
        guard array.element == .int64 || array.element == .int32 else {
            throw DataError(path: labelsPath, "labels must be int64 or int32, found dtype '\(array.descr)'")
        }
        guard array.shape.count == 1, array.shape[0] == rows else {
            throw DataError(path: labelsPath, "labels must be a 1-D array of \(rows) values, one per row of the data; found shape \(array.shapeText)")
        }
        let labels = array.integers().map { String($0) }
        notes.append("labels from \(fileName(of: labelsPath)) (\(Set(labels).count) distinct)")
        return labels
    }

    private static func dropNonFiniteRows(
        _ values: [Double], labels: [String]?, columns: Int
    ) -> ([Double], [String]?, Int) {
        var kept: [Double] = []
        kept.reserveCapacity(values.count)
        var keptLabels: [String]? = labels == nil ? nil : []
        var dropped = 0
        for row in 0..<(values.count / columns) {
            let slice = values[(row * columns)..<((row + 1) * columns)]
            if slice.allSatisfy(\.isFinite) {
                kept.append(contentsOf: slice)
                keptLabels?.append(labels![row])
            } else {
                dropped += 1
            }
        }
        return (kept, keptLabels, dropped)
    }
}

/// A decoded .npy header together with the file's bytes.
struct NumpyArray {
    enum Element {
        case float64, float32, float16, int64, int32

        var size: Int {
            switch self {
            case .float64, .int64: return 8
            case .float32, .int32: return 4
            case .float16: return 2
            }
        }
    }

    let data: Data
    let descr: String
    let element: Element
    let bigEndian: Bool
    let fortranOrder: Bool
    let shape: [Int]
    /// Offset of the first data byte.
    let dataOffset: Int

    var shapeText: String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// Parses the header and checks that the data is complete.
    /// - Throws: `DataError` for a bad magic string, an unknown version, a malformed header,
    ///   an unsupported dtype or truncated data.
    init(data: Data, path: String) throws {
        self.data = data
        guard !data.isEmpty else { throw DataError(path: path, "file is empty") }
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY
        guard data.count >= 10, data.prefix(6).elementsEqual(magic) else {
            throw DataError(path: path, "not a NumPy .npy file: it does not start with the magic string \\x93NUMPY")
        }
        let base = data.startIndex
        let major = data[base + 6]
        let minor = data[base + 7]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(data[base + 8]) | Int(data[base + 9]) << 8
            headerStart = 10
        case 2, 3:
            guard data.count >= 12 else { throw DataError(path: path, ".npy file is truncated inside its header") }
            headerLength = (0..<4).reduce(0) { $0 | Int(data[base + 8 + $1]) << (8 * $1) }
            headerStart = 12
        default:
            throw DataError(path: path, "unsupported .npy format version \(major).\(minor); versions 1.0, 2.0 and 3.0 are supported")
        }
        guard headerStart + headerLength <= data.count else {
            throw DataError(path: path, ".npy file is truncated: the header needs \(headerLength) bytes, the file has \(data.count - headerStart) after the preamble")
        }
        let headerBytes = data[(base + headerStart)..<(base + headerStart + headerLength)]
        // Versions 1 and 2 store the header in Latin-1, version 3 in UTF-8.
        let header = major == 3
            ? String(decoding: headerBytes, as: UTF8.self)
            : String(headerBytes.map { Character(Unicode.Scalar($0)) })
        let fields = try NumpyHeaderParser.parse(header, path: path)

        guard case .string(let descr)? = fields["descr"] else {
            if case .list? = fields["descr"] {
                throw DataError(path: path, "structured dtype (record array) is not supported; supported dtypes: \(NumpyReader.supportedTypes)")
            }
            throw DataError(path: path, "malformed .npy header: no 'descr' string in \(header.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        guard case .bool(let fortranOrder)? = fields["fortran_order"] else {
            throw DataError(path: path, "malformed .npy header: no 'fortran_order' True/False in \(header.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        guard case .tuple(let shape)? = fields["shape"] else {
            throw DataError(path: path, "malformed .npy header: no 'shape' tuple in \(header.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        (element, bigEndian) = try NumpyArray.decodeType(descr, path: path)
        self.descr = descr
        self.fortranOrder = fortranOrder
        self.shape = shape
        self.dataOffset = headerStart + headerLength

        var count = 1
        for extent in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            guard !overflow else { throw DataError(path: path, "shape \(shapeText) is too large") }
            count = product
        }
        let (needed, tooLarge) = count.multipliedReportingOverflow(by: element.size)
        guard !tooLarge else { throw DataError(path: path, "shape \(shapeText) is too large") }
        let available = data.count - dataOffset
        guard available >= needed else {
            throw DataError(path: path, ".npy file is truncated: shape \(shapeText) of '\(descr)' needs \(needed) data bytes, the file has \(available)")
        }
    }

    /// Maps a dtype string such as `<f8` to an element type and byte order.
    private static func decodeType(_ descr: String, path: String) throws -> (Element, Bool) {
        var code = Substring(descr)
        var bigEndian = false
        if let order = code.first, "<>|=".contains(order) {
            // '|' (order not applicable) and '=' (native) both mean this machine's order.
            bigEndian = order == ">" || (order != "<" && 1.bigEndian == 1)
            code = code.dropFirst()
        }
        switch code {
        case "f8": return (.float64, bigEndian)
        case "f4": return (.float32, bigEndian)
        case "f2": return (.float16, bigEndian)
        case "i8": return (.int64, bigEndian)
        case "i4": return (.int32, bigEndian)
        default:
            throw DataError(path: path, "unsupported dtype '\(descr)'\(describe(code)); supported dtypes: \(NumpyReader.supportedTypes)")
        }
    }

    /// Returns a readable name for a NumPy type code, such as " (complex, 128 bits)" for `c16`.
    private static func describe(_ code: Substring) -> String {
        let names: [Character: String] = [
            "O": "Python objects", "c": "complex", "U": "Unicode strings", "S": "byte strings",
            "a": "byte strings", "b": "booleans", "?": "booleans", "u": "unsigned integers",
            "i": "integers", "f": "floating point", "M": "datetimes", "m": "timedeltas", "V": "raw bytes",
        ]
        guard let first = code.first, let name = names[first] else { return "" }
        return " (\(name), \(8 * (Int(code.dropFirst()) ?? 0)) bits)".replacingOccurrences(of: ", 0 bits", with: "")
    }

    /// Converts the values to Doubles, row-major `rows × columns`, from either byte order
    /// and from Fortran order.
    func doubles(rows: Int, columns: Int) -> [Double] {
        let count = rows * columns
        var result = [Double](repeating: 0, count: count)
        let element = self.element
        let bigEndian = self.bigEndian
        let fortranOrder = self.fortranOrder
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            result.withUnsafeMutableBufferPointer { out in
                let source = raw.baseAddress! + dataOffset
                for k in 0..<count {
                    // Element k of the file is (i, j) with k = i·columns + j in C order and
                    // k = j·rows + i in Fortran order.
                    let target = fortranOrder ? (k % rows) &* columns &+ k / rows : k
                    out[target] = NumpyArray.load(source, index: k, element: element, bigEndian: bigEndian)
                }
            }
        }
        return result
    }

    /// Converts the values of an integer array to Int64, in file order.
    func integers() -> [Int64] {
        let count = shape.reduce(1, *)
        var result = [Int64](repeating: 0, count: count)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let source = raw.baseAddress! + dataOffset
            for k in 0..<count {
                switch element {
                case .int64:
                    let bits = source.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)
                    result[k] = Int64(bitPattern: bigEndian ? UInt64(bigEndian: bits) : UInt64(littleEndian: bits))
                default:
                    let bits = source.loadUnaligned(fromByteOffset: k * 4, as: UInt32.self)
                    result[k] = Int64(Int32(bitPattern: bigEndian ? UInt32(bigEndian: bits) : UInt32(littleEndian: bits)))
                }
            }
        }
        return result
    }

    @inline(__always)
    private static func load(_ source: UnsafeRawPointer, index k: Int, element: Element, bigEndian: Bool) -> Double {
        switch element {
        case .float64:
            let bits = source.loadUnaligned(fromByteOffset: k &* 8, as: UInt64.self)
            return Double(bitPattern: bigEndian ? UInt64(bigEndian: bits) : UInt64(littleEndian: bits))
        case .float32:
            let bits = source.loadUnaligned(fromByteOffset: k &* 4, as: UInt32.self)
            return Double(Float(bitPattern: bigEndian ? UInt32(bigEndian: bits) : UInt32(littleEndian: bits)))
        case .float16:
            // Half precision, common for stored embeddings; every value is exact as a Double.
            let bits = source.loadUnaligned(fromByteOffset: k &* 2, as: UInt16.self)
            return Double(Float16(bitPattern: bigEndian ? UInt16(bigEndian: bits) : UInt16(littleEndian: bits)))
        case .int64:
            let bits = source.loadUnaligned(fromByteOffset: k &* 8, as: UInt64.self)
            return Double(Int64(bitPattern: bigEndian ? UInt64(bigEndian: bits) : UInt64(littleEndian: bits)))
        case .int32:
            let bits = source.loadUnaligned(fromByteOffset: k &* 4, as: UInt32.self)
            return Double(Int32(bitPattern: bigEndian ? UInt32(bigEndian: bits) : UInt32(littleEndian: bits)))
        }
    }
}

/// Parser for the Python dict literal in a .npy header, such as
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }`.
enum NumpyHeaderParser {
    enum Value: Equatable {
        case string(String)
        case bool(Bool)
        case tuple([Int])
        /// A list (a structured dtype); its content is not needed.
        case list
        case none
    }

    /// - Throws: `DataError` quoting the header when it is not a dict of the expected form.
    static func parse(_ header: String, path: String) throws -> [String: Value] {
        var scanner = Scanner(text: Array(header.unicodeScalars), header: header, path: path)
        return try scanner.dict()
    }

    private struct Scanner {
        let text: [Unicode.Scalar]
        let header: String
        let path: String
        var i = 0

        init(text: [Unicode.Scalar], header: String, path: String) {
            self.text = text
            self.header = header
            self.path = path
        }

        func fail(_ expected: String) -> DataError {
            let shown = header.trimmingCharacters(in: .whitespacesAndNewlines)
            return DataError(path: path, "malformed .npy header: expected \(expected) at character \(i + 1) of \(shown)")
        }

        mutating func skipSpaces() {
            while i < text.count, text[i].properties.isWhitespace { i += 1 }
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws {
            skipSpaces()
            guard i < text.count, text[i] == scalar else { throw fail("'\(scalar)'") }
            i += 1
        }

        mutating func peek() -> Unicode.Scalar? {
            skipSpaces()
            return i < text.count ? text[i] : nil
        }

        mutating func dict() throws -> [String: Value] {
            try expect("{")
            var result: [String: Value] = [:]
            while peek() != "}" {
                let key = try string()
                try expect(":")
                result[key] = try value()
                if peek() == "," { i += 1 } else { break }
            }
            try expect("}")
            return result
        }

        mutating func string() throws -> String {
            guard let quote = peek(), quote == "'" || quote == "\"" else { throw fail("a quoted string") }
            i += 1
            var result = String.UnicodeScalarView()
            while i < text.count, text[i] != quote {
                result.append(text[i])
                i += 1
            }
            guard i < text.count else { throw fail("a closing quote") }
            i += 1
            return String(result)
        }

        mutating func value() throws -> Value {
            switch peek() {
            case "'", "\"":
                return .string(try string())
            case "(":
                return .tuple(try tuple())
            case "[":
                try skipBracketed()
                return .list
            default:
                let word = identifier()
                switch word {
                case "True": return .bool(true)
                case "False": return .bool(false)
                case "None": return .none
                default: throw fail("a string, tuple, True or False")
                }
            }
        }

        mutating func identifier() -> String {
            var result = ""
            while i < text.count, text[i].properties.isAlphabetic || text[i] == "_" {
                result.unicodeScalars.append(text[i])
                i += 1
            }
            return result
        }

        mutating func tuple() throws -> [Int] {
            try expect("(")
            var result: [Int] = []
            while peek() != ")" {
                var digits = ""
                while i < text.count, ("0"..."9").contains(text[i]) {
                    digits.unicodeScalars.append(text[i])
                    i += 1
                }
                // Python 2 wrote long integers with an L suffix, e.g. (3L, 2L).
                if i < text.count, text[i] == "L" { i += 1 }
                guard let extent = Int(digits) else { throw fail("a non-negative integer in the shape") }
                result.append(extent)
                if peek() == "," { i += 1 } else { break }
            }
            try expect(")")
            return result
        }

        mutating func skipBracketed() throws {
            var depth = 0
            while i < text.count {
                if text[i] == "[" { depth += 1 }
                if text[i] == "]" { depth -= 1 }
                i += 1
                if depth == 0 { return }
            }
            throw fail("a closing ']'")
        }
    }
}
