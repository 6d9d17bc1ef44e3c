// Tests of the .npy reader: every dtype, byte order, layout and version, and the errors.

import Foundation
import Testing

@testable import IntrinsicCore

@Suite("NumPy reader")
struct DataNumpyReaderTests {
    /// The 3 × 2 float matrix in the float fixtures, row-major.
    static let floatValues: [Double] = [1.5, -2.25, 3.0, 4.125, -0.5, 6.0]
    /// The 3 × 2 int32 matrix in the int32 fixtures, row-major.
    static let int32Values: [Double] = [1, -2, 3, 4, -5, 1_073_741_824]
    /// The int64 fixtures: as int32 but with 2^52 + 1 at the end, exact in a Double.
    static let int64Values: [Double] = [1, -2, 3, 4, -5, 4_503_599_627_370_497]

    @Test("numpy-written fixture loads", arguments: [
        ("f8_le.npy", floatValues),
        ("f8_be.npy", floatValues),
        ("f8_le_fortran.npy", floatValues),
        ("f8_be_fortran.npy", floatValues),
        ("f4_le.npy", floatValues),
        ("f4_be.npy", floatValues),
        ("f2_le.npy", floatValues),
        ("f2_be.npy", floatValues),
        ("i4_le.npy", int32Values),
        ("i4_be_fortran.npy", int32Values),
        ("i8_le.npy", int64Values),
        ("i8_be.npy", int64Values),
        ("f8_v2.npy", floatValues),
        ("f8_v3.npy", floatValues),
    ])
    func fixtureLoads(file: String, expected: [Double]) throws {
        let loaded = try DatasetLoader.load(path: DataTestFiles.fixture("npy/" + file))
        let data = loaded.dataset
        #expect(data.rows == 3)
        #expect(data.columns == 2)
        #expect(data.columnNames == ["x0", "x1"])
        #expect(data.values == expected)
        #expect(data.labels == nil)
        #expect(loaded.notes.first?.contains("shape (3, 2)") == true)
    }

    @Test func vectorBecomesOneColumn() throws {
        let data = try DatasetLoader.load(path: DataTestFiles.fixture("npy/vector.npy")).dataset
        #expect(data.rows == 4)
        #expect(data.columns == 1)
        #expect(data.values == [0.25, -1.0, 7.5, 1e-300])
    }

    @Test func irisWithLabelsBeside() throws {
        let loaded = try DatasetLoader.load(path: DataTestFiles.fixture("npy/iris.npy"))
        let data = loaded.dataset
        #expect(data.rows == 150)
        #expect(data.columns == 4)
        #expect(data[0, 0] == 5.1)
        #expect(data[149, 3] == 1.8)
        #expect(data.labels?.count == 150)
        #expect(data.labels?.first == "0")
        #expect(data.labels?.last == "2")
        #expect(data.labelColumn == "iris.labels.npy")
        #expect(loaded.notes.contains("labels from iris.labels.npy (3 distinct)"))
        #expect(DataTestFiles.fnv1a(data.values) == 0x8749_e5d6_4e26_ed9e)
    }

    @Test("unsupported dtype is named", arguments: [
        ("object.npy", "'|O'", "Python objects"),
        ("complex.npy", "'<c16'", "complex"),
        ("unicode.npy", "'<U2'", "Unicode strings"),
        ("bool.npy", "'|b1'", "booleans"),
    ])
    func unsupportedDtype(file: String, descr: String, kind: String) throws {
        let error = try #require(DataTestFiles.loadError(path: DataTestFiles.fixture("npy/" + file)))
        #expect(error.message.contains("unsupported dtype \(descr)"), "\(error.message)")
        #expect(error.message.contains(kind))
        #expect(error.message.contains("float64 ('<f8', '>f8')"))
        #expect(error.message.contains("int32 ('<i4', '>i4')"))
    }

    // MARK: - Files written here

    /// Bytes of a .npy file with the given header fields and data.
    static func npy(
        descr: String, fortranOrder: Bool = false, shape: String, data: [UInt8], version: UInt8 = 1,
        header override: String? = nil
    ) -> [UInt8] {
        var header = override ?? "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(shape), }"
        let preamble = version == 1 ? 10 : 12
        while (preamble + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [version, 0]
        let length = header.utf8.count
        bytes += version == 1
            ? [UInt8(length & 0xFF), UInt8(length >> 8)]
            : [UInt8(length & 0xFF), UInt8((length >> 8) & 0xFF), UInt8((length >> 16) & 0xFF), UInt8(length >> 24)]
        return bytes + Array(header.utf8) + data
    }

    static func littleEndian(_ values: [Double]) -> [UInt8] {
        values.flatMap { value in (0..<8).map { UInt8(truncatingIfNeeded: value.bitPattern.littleEndian >> (8 * $0)) } }
    }

    static func bigEndian(_ values: [Double]) -> [UInt8] {
        values.flatMap { value in (0..<8).reversed().map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) } }
    }

    @Test("native and not-applicable byte orders read as this machine's", arguments: ["=f8", "|f8", "f8"])
    func nativeByteOrder(descr: String) throws {
        let bytes = Self.npy(descr: descr, shape: "(2, 2)", data: Self.littleEndian([1, 2, 3, 4]))
        let data = try DataTestFiles.withFile("native.npy", bytes: bytes) { try DatasetLoader.load(path: $0).dataset }
        #expect(data.values == [1, 2, 3, 4])
    }

    @Test func fortranOrderTransposesStorage() throws {
        // Stored column after column: column 0 = (1, 2, 3), column 1 = (10, 20, 30).
        let bytes = Self.npy(descr: ">f8", fortranOrder: true, shape: "(3, 2)", data: Self.bigEndian([1, 2, 3, 10, 20, 30]))
        let data = try DataTestFiles.withFile("f.npy", bytes: bytes) { try DatasetLoader.load(path: $0).dataset }
        #expect(data.values == [1, 10, 2, 20, 3, 30])
    }

    @Test func utf8HeaderInVersion3() throws {
        let header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), 'note': 'größe'}"
        let bytes = Self.npy(descr: "", shape: "", data: Self.littleEndian([7, 8]), version: 3, header: header)
        let data = try DataTestFiles.withFile("v3.npy", bytes: bytes) { try DatasetLoader.load(path: $0).dataset }
        #expect(data.values == [7, 8])
    }

    @Test func python2LongShapeParses() throws {
        let header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 1L), }"
        let bytes = Self.npy(descr: "", shape: "", data: Self.littleEndian([7, 8]), header: header)
        let data = try DataTestFiles.withFile("old.npy", bytes: bytes) { try DatasetLoader.load(path: $0).dataset }
        #expect(data.rows == 2)
    }

    /// Broken .npy bytes and text the error message must contain.
    struct BrokenFile: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let fragments: [String]
        var testDescription: String { name }
    }

    static let brokenFiles: [BrokenFile] = [
        BrokenFile(name: "bad magic", bytes: Array("x0,x1\n1,2\n".utf8) + [UInt8](repeating: 32, count: 20),
                   fragments: ["not a NumPy .npy file", "magic"]),
        BrokenFile(name: "too short", bytes: [0x93, 0x4E], fragments: ["not a NumPy .npy file"]),
        BrokenFile(name: "empty", bytes: [], fragments: ["file is empty"]),
        BrokenFile(name: "huge shape", bytes: npy(descr: "<f8", shape: "(4611686018427387904, 4)", data: []),
                   fragments: ["too large"]),
        BrokenFile(name: "version 4", bytes: npy(descr: "<f8", shape: "(1,)", data: littleEndian([1]), version: 4),
                   fragments: ["version 4.0"]),
        BrokenFile(name: "truncated data",
                   bytes: npy(descr: "<f8", shape: "(3, 2)", data: Array(littleEndian([1, 2, 3, 4, 5]))),
                   fragments: ["truncated", "needs 48 data bytes", "has 40"]),
        BrokenFile(name: "truncated header", bytes: Array(npy(descr: "<f8", shape: "(1,)", data: []).prefix(40)),
                   fragments: ["truncated", "header"]),
        BrokenFile(name: "header not a dict",
                   bytes: npy(descr: "", shape: "", data: [], header: "descr = '<f8'"),
                   fragments: ["malformed .npy header", "expected '{'"]),
        BrokenFile(name: "header without shape",
                   bytes: npy(descr: "", shape: "", data: [], header: "{'descr': '<f8', 'fortran_order': False}"),
                   fragments: ["malformed .npy header", "'shape'"]),
        BrokenFile(name: "header with bad value",
                   bytes: npy(descr: "", shape: "", data: [], header: "{'descr': '<f8', 'fortran_order': maybe, 'shape': (1,)}"),
                   fragments: ["malformed .npy header", "True or False"]),
        BrokenFile(name: "3-D shape", bytes: npy(descr: "<f8", shape: "(2, 1, 1)", data: littleEndian([1, 2])),
                   fragments: ["shape (2, 1, 1)", "3-D", "expected 1-D"]),
        BrokenFile(name: "0-D shape", bytes: npy(descr: "<f8", shape: "()", data: littleEndian([1])),
                   fragments: ["0-D"]),
        BrokenFile(name: "no rows", bytes: npy(descr: "<f8", shape: "(0, 3)", data: []), fragments: ["no rows"]),
        BrokenFile(name: "no columns", bytes: npy(descr: "<f8", shape: "(3, 0)", data: []), fragments: ["no columns"]),
        BrokenFile(name: "structured dtype",
                   bytes: npy(descr: "", shape: "", data: [],
                              header: "{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (0,)}"),
                   fragments: ["structured dtype"]),
        BrokenFile(name: "uint8", bytes: npy(descr: "|u1", shape: "(2,)", data: [1, 2]),
                   fragments: ["unsupported dtype '|u1'", "unsigned integers, 8 bits"]),
    ]

    @Test("broken file gets a clear error", arguments: brokenFiles)
    func brokenFile(_ file: BrokenFile) throws {
        let error = try DataTestFiles.withFile("broken.npy", bytes: file.bytes) { DataTestFiles.loadError(path: $0) }
        let message = try #require(error?.message)
        for fragment in file.fragments {
            #expect(message.contains(fragment), "message: \(message)")
        }
        #expect(error?.path.hasSuffix("broken.npy") == true)
    }

    // MARK: - Non-finite values and labels

    @Test func nanIsRejectedWithRowAndColumn() throws {
        let bytes = Self.npy(descr: "<f8", shape: "(3, 2)", data: Self.littleEndian([1, 2, 3, .nan, 5, 6]))
        let error = try DataTestFiles.withFile("nan.npy", bytes: bytes) { DataTestFiles.loadError(path: $0) }
        #expect(error?.column == "'x1' (2)")
        #expect(error?.message.contains("row 2 (index 1) is NaN") == true)
    }

    @Test func infinityIsRejectedInFortranOrder() throws {
        // Column-major storage: element 4 is row 1 (index 1), column 1.
        let bytes = Self.npy(descr: "<f8", fortranOrder: true, shape: "(3, 2)",
                             data: Self.littleEndian([1, 2, 3, 4, -.infinity, 6]))
        let error = try DataTestFiles.withFile("inf.npy", bytes: bytes) { DataTestFiles.loadError(path: $0) }
        #expect(error?.column == "'x1' (2)")
        #expect(error?.message.contains("row 2 (index 1) is infinite") == true)
    }

    @Test func dropMissingDropsNonFiniteRowsAndTheirLabels() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intrinsic-npy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataPath = folder.appendingPathComponent("points.npy")
        try Data(Self.npy(descr: "<f8", shape: "(4, 2)", data: Self.littleEndian([1, 2, .nan, 4, 5, 6, 7, .infinity])))
            .write(to: dataPath)
        let labelBytes: [UInt8] = [10, 20, 30, 40].flatMap { (v: Int32) in (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        try Data(Self.npy(descr: "<i4", shape: "(4,)", data: labelBytes))
            .write(to: folder.appendingPathComponent("points.labels.npy"))

        let loaded = try DatasetLoader.load(path: dataPath.path, options: LoadOptions(dropMissing: true))
        #expect(loaded.droppedRows == 2)
        #expect(loaded.dataset.values == [1, 2, 5, 6])
        #expect(loaded.dataset.labels == ["10", "30"])
        #expect(loaded.notes.contains("dropped 2 of 4 rows with NaN or infinity"))
    }

    @Test("bad labels file is rejected", arguments: [
        ("<f8", "(2,)", littleEndian([1, 2]), "must be int64 or int32"),
        ("<i8", "(3,)", littleEndian([0, 0, 0]), "1-D array of 2 values"),
        ("<i8", "(2, 1)", littleEndian([0, 0]), "found shape (2, 1)"),
    ])
    func badLabels(descr: String, shape: String, data: [UInt8], fragment: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intrinsic-npy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataPath = folder.appendingPathComponent("p.npy")
        try Data(Self.npy(descr: "<f8", shape: "(2, 1)", data: Self.littleEndian([1, 2]))).write(to: dataPath)
        try Data(Self.npy(descr: descr, shape: shape, data: data)).write(to: folder.appendingPathComponent("p.labels.npy"))
        let error = DataTestFiles.loadError(path: dataPath.path)
        #expect(error?.path.hasSuffix("p.labels.npy") == true)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
    }

    @Test func labelOptionOnNpyExplains() throws {
        let error = DataTestFiles.loadError(
            path: DataTestFiles.fixture("npy/iris.npy"), options: LoadOptions(labelColumn: "species"))
        #expect(error?.message.contains("does not apply to .npy") == true)
        #expect(error?.message.contains("NAME.labels.npy") == true)
    }

    @Test func missingNpyIsNamed() {
        let error = DataTestFiles.loadError(path: "/nonexistent/points.npy")
        #expect(error?.message == "file not found")
    }
}
