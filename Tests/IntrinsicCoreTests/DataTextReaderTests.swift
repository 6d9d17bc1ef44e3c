// Tests of the delimited-text reader: formats, header and label detection, and every error.

import Foundation
import Testing

@testable import IntrinsicCore

@Suite("Delimited text reader")
struct DataTextReaderTests {
    // MARK: - Formats that load

    /// A file in some dialect and the 3 × 2 matrix [[1, 2.5], [-3, 4e-3], [0.1, 6]] in it.
    struct Dialect: CustomTestStringConvertible, Sendable {
        let name: String
        let fileName: String
        let text: String
        let delimiterNote: String
        var testDescription: String { name }
    }

    static let dialects: [Dialect] = [
        Dialect(name: "comma, LF", fileName: "d.csv",
                text: "a,b\n1,2.5\n-3,4e-3\n0.1,6\n", delimiterNote: "comma"),
        Dialect(name: "comma, CRLF", fileName: "d.csv",
                text: "a,b\r\n1,2.5\r\n-3,4e-3\r\n0.1,6\r\n", delimiterNote: "comma"),
        Dialect(name: "no final newline", fileName: "d.csv",
                text: "a,b\n1,2.5\n-3,4e-3\n0.1,6", delimiterNote: "comma"),
        Dialect(name: "UTF-8 BOM", fileName: "d.csv",
                text: "\u{FEFF}a,b\n1,2.5\n-3,4e-3\n0.1,6\n", delimiterNote: "comma"),
        Dialect(name: "semicolons", fileName: "d.csv",
                text: "a;b\n1;2.5\n-3;4e-3\n0.1;6\n", delimiterNote: "semicolon"),
        Dialect(name: "tabs in .tsv", fileName: "d.tsv",
                text: "a\tb\n1\t2.5\n-3\t4e-3\n0.1\t6\n", delimiterNote: "tab"),
        Dialect(name: "tabs in .txt", fileName: "d.txt",
                text: "a\tb\n1\t2.5\n-3\t4e-3\n0.1\t6\n", delimiterNote: "tab"),
        Dialect(name: "spaces in .txt", fileName: "d.txt",
                text: "a b\n  1   2.5\n-3 4e-3  \n0.1\t6\n", delimiterNote: "whitespace"),
        Dialect(name: "comments and blank lines", fileName: "d.csv",
                text: "# made by hand\n\na,b\n1,2.5\n\n# a comment, with commas; and semicolons\n-3,4e-3\n   \n0.1,6\n",
                delimiterNote: "comma"),
        Dialect(name: "quoted numbers and names", fileName: "d.csv",
                text: "\"a\",\"b\"\n\"1\",2.5\n-3,\"4e-3\"\n 0.1 , 6 \n", delimiterNote: "comma"),
        Dialect(name: "spaces after commas", fileName: "d.csv",
                text: "a, b\n1, 2.5\n-3, 4e-3\n0.1, 6\n", delimiterNote: "comma"),
    ]

    @Test("dialect loads the same matrix", arguments: dialects)
    func dialectLoads(_ dialect: Dialect) throws {
        let loaded = try DataTestFiles.load(dialect.text, name: dialect.fileName)
        let data = loaded.dataset
        #expect(data.rows == 3)
        #expect(data.columns == 2)
        #expect(data.columnNames == ["a", "b"])
        #expect(data.values == [1, 2.5, -3, 4e-3, 0.1, 6])
        #expect(data.labels == nil)
        #expect(loaded.notes.contains("delimiter: \(dialect.delimiterNote)"))
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstName() throws {
        let loaded = try DataTestFiles.load("\u{FEFF}x,y\n1,2\n")
        #expect(loaded.dataset.columnNames[0] == "x")
        #expect(loaded.notes.contains { $0.contains("byte order mark") })
    }

    @Test func quotedFieldsKeepDelimitersAndQuotes() throws {
        let text = #"""
            "width, cm","the ""tall"" one",kind
            1,2,"cat, big"
            3,4,"say ""hi"""
            5,6,plain

            """#
        // 'kind' contains text but is not named label, so it needs --label.
        let error = try DataTestFiles.loadError(text)
        #expect(error?.column == "'kind' (3)")
        let labelled = try DataTestFiles.load(text, options: LoadOptions(labelColumn: "kind")).dataset
        #expect(labelled.columnNames == ["width, cm", "the \"tall\" one"])
        #expect(labelled.labels == ["cat, big", "say \"hi\"", "plain"])
        #expect(labelled.values == [1, 2, 3, 4, 5, 6])
    }

    @Test func quotedFieldMaySpanLines() throws {
        let data = try DataTestFiles.load("a,label\n1,\"two\nlines\"\n2,b\n").dataset
        #expect(data.labels == ["two\nlines", "b"])
        #expect(data.values == [1, 2])
    }

    @Test func delimiterInsideQuotesDoesNotDecide() throws {
        // Three semicolons per line inside quotes, one comma outside.
        let loaded = try DataTestFiles.load("\"a;b;c;d\",x\n1,2\n3,4\n")
        #expect(loaded.notes.contains("delimiter: comma"))
        #expect(loaded.dataset.columnNames == ["a;b;c;d", "x"])
    }

    @Test func singleColumnHasNoDelimiter() throws {
        let data = try DataTestFiles.load("height in cm\n170.5\n-2\n").dataset
        #expect(data.columnNames == ["height in cm"])
        #expect(data.values == [170.5, -2])
    }

    // MARK: - Header detection

    @Test func noHeaderNamesColumnsByPosition() throws {
        let loaded = try DataTestFiles.load("1,2,3\n4,5,6\n")
        #expect(loaded.dataset.columnNames == ["x0", "x1", "x2"])
        #expect(loaded.dataset.rows == 2)
        #expect(loaded.dataset.values == [1, 2, 3, 4, 5, 6])
    }

    @Test func headerWithOneTextFieldOverNumbers() throws {
        // A name that looks like a number ("2") does not hide the header.
        let data = try DataTestFiles.load("height,2\n1.5,3\n2.5,4\n").dataset
        #expect(data.columnNames == ["height", "2"])
        #expect(data.rows == 2)
    }

    @Test func firstRowOfLabelsWithoutHeaderIsData() throws {
        let data = try DataTestFiles.load("1,2,cat\n3,4,dog\n", options: LoadOptions(labelColumn: "x2")).dataset
        #expect(data.rows == 2)
        #expect(data.labels == ["cat", "dog"])
        #expect(data.columnNames == ["x0", "x1"])
    }

    @Test func emptyHeaderNameGetsPositionName() throws {
        let data = try DataTestFiles.load(",b\n1,2\n").dataset
        #expect(data.columnNames == ["x0", "b"])
    }

    // MARK: - Labels

    @Test func stringLabelColumnBecomesLabels() throws {
        let data = try DataTestFiles.load("a,b,Label\n1,2,setosa\n3,4,virginica\n").dataset
        #expect(data.labels == ["setosa", "virginica"])
        #expect(data.labelColumn == "Label")
        #expect(data.columns == 2)
        #expect(data.values == [1, 2, 3, 4])
    }

    @Test func integerLabelColumnBecomesLabels() throws {
        let data = try DataTestFiles.load("label,a\n0,1.5\n2,2.5\n-1,3.5\n").dataset
        #expect(data.labels == ["0", "2", "-1"])
        #expect(data.columnNames == ["a"])
        #expect(data.values == [1.5, 2.5, 3.5])
    }

    @Test func fractionalLabelColumnStaysFeature() throws {
        let loaded = try DataTestFiles.load("a,label\n1,0.5\n2,1\n")
        #expect(loaded.dataset.labels == nil)
        #expect(loaded.dataset.columnNames == ["a", "label"])
        let note = loaded.notes.first { $0.contains("fractional") }
        #expect(note?.contains("--label label") == true)
    }

    @Test func labelOptionPicksNumericColumn() throws {
        let data = try DataTestFiles.load("a,group,b\n1,7,2\n3,8,4\n", options: LoadOptions(labelColumn: "group")).dataset
        #expect(data.labels == ["7", "8"])
        #expect(data.labelColumn == "group")
        #expect(data.columnNames == ["a", "b"])
        #expect(data.values == [1, 2, 3, 4])
    }

    @Test func labelOptionOverridesLabelColumn() throws {
        let data = try DataTestFiles.load("label,kind,a\n1,x,5\n2,y,6\n", options: LoadOptions(labelColumn: "kind")).dataset
        #expect(data.labels == ["x", "y"])
        #expect(data.columnNames == ["label", "a"])
    }

    @Test func unknownLabelColumnListsColumns() throws {
        let error = try DataTestFiles.loadError("a,b\n1,2\n", options: LoadOptions(labelColumn: "species"))
        #expect(error?.column == "species")
        #expect(error?.message.contains("'species' not found") == true)
        #expect(error?.message.contains("'a', 'b'") == true)
    }

    @Test func unknownLabelColumnWithoutHeaderExplainsNames() throws {
        let error = try DataTestFiles.loadError("1,2\n3,4\n", options: LoadOptions(labelColumn: "y"))
        #expect(error?.message.contains("'x0', 'x1'") == true)
        #expect(error?.message.contains("no header row") == true)
    }

    // MARK: - Errors

    /// Bad input, the line and column the error must name, and text its message must contain.
    struct BadInput: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        var fileName = "bad.csv"
        let line: Int?
        let column: String?
        let fragments: [String]
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "ragged short row", text: "a,b,c\n1,2,3\n4,5\n",
                 line: 3, column: nil, fragments: ["expected 3 fields", "found 2"]),
        BadInput(name: "ragged long row after comments", text: "# note\n\na,b\n1,2\n# more\n3,4,5\n",
                 line: 6, column: nil, fragments: ["expected 2 fields (as on line 3)", "found 3", "quoted"]),
        BadInput(name: "text in a numeric column", text: "a,b\n1,2\n3,4\n5,abc\n",
                 line: 4, column: "'b' (2)", fragments: ["non-numeric value 'abc'", "--drop-missing"]),
        BadInput(name: "NA", text: "a,b\n1,NA\n", line: 2, column: "'b' (2)", fragments: ["missing", "'NA'"]),
        BadInput(name: "NaN", text: "a,b\n1,2\nNaN,3\n", line: 3, column: "'a' (1)", fragments: ["'NaN'"]),
        BadInput(name: "nan", text: "a,b\n1,2\n4,nan\n", line: 3, column: "'b' (2)", fragments: ["'nan'"]),
        BadInput(name: "inf", text: "a,b\n-inf,2\n", line: 2, column: "'a' (1)", fragments: ["'-inf'"]),
        BadInput(name: "overflow", text: "a,b\n1e999,2\n", line: 2, column: "'a' (1)", fragments: ["non-finite", "'1e999'"]),
        BadInput(name: "empty field", text: "a,b\n1,2\n3,\n", line: 3, column: "'b' (2)", fragments: ["empty field"]),
        BadInput(name: "empty field without header", text: "1,2\n,4\n", line: 2, column: "'x0' (1)", fragments: ["empty field"]),
        BadInput(name: "empty file", text: "", line: nil, column: nil, fragments: ["file is empty"]),
        BadInput(name: "only comments", text: "# nothing\n\n# here\n", line: nil, column: nil, fragments: ["file is empty"]),
        BadInput(name: "header only", text: "a,b,c\n", line: 1, column: nil, fragments: ["header row but no data rows"]),
        BadInput(name: "other text column", text: "a,species,b\n1,setosa,2\n3,virginica,4\n",
                 line: 2, column: "'species' (2)",
                 fragments: ["contains text", "'setosa'", "--label species", "remove"]),
        BadInput(name: "two text columns", text: "a,kind,b,colour\n1,x,2,3\n3,y,4,red\n5,z,6,blue\n",
                 line: 2, column: nil,
                 fragments: ["columns 'kind' (2), 'colour' (4) contain text", "'x'", "--label kind"]),
        BadInput(name: "text column beside label column", text: "a,label,colour\n1,cat,red\n2,dog,blue\n",
                 line: 2, column: "'colour' (3)", fragments: ["instead of 'label'"]),
        BadInput(name: "zero numeric columns", text: "label\ncat\ndog\n", line: nil, column: "'label' (1)",
                 fragments: ["no numeric columns"]),
        BadInput(name: "missing label", text: "a,label\n1,cat\n2,\n", line: 3, column: "'label' (2)",
                 fragments: ["missing label"]),
        BadInput(name: "unterminated quote", text: "a,b\n1,\"2\n3,4\n", line: 2, column: "2",
                 fragments: ["no closing quote"]),
        BadInput(name: "text after closing quote", text: "a,b\n1,\"2\"x\n", line: 2, column: "2",
                 fragments: ["after a closing quote", "doubled"]),
        BadInput(name: "unsupported extension", text: "a,b\n1,2\n", fileName: "bad.xlsx", line: nil, column: nil,
                 fragments: ["unsupported file type", ".xlsx", ".csv", ".npy"]),
    ]

    @Test("bad input names line and column", arguments: badInputs)
    func badInputError(_ input: BadInput) throws {
        let error = try #require(try DataTestFiles.loadError(input.text, name: input.fileName))
        #expect(error.path.hasSuffix("/" + input.fileName))
        #expect(error.line == input.line)
        #expect(error.column == input.column)
        for fragment in input.fragments {
            #expect(error.message.contains(fragment), "message: \(error.message)")
        }
        #expect(error.description.hasPrefix(error.path))
    }

    @Test func utf16FileIsRejected() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("a,b\n".utf8).flatMap { [$0, 0] }
        let error = try DataTestFiles.withFile("wide.csv", bytes: bytes) { DataTestFiles.loadError(path: $0) }
        #expect(error?.message.contains("UTF-16") == true)
    }

    @Test func missingFileIsNamed() {
        let error = DataTestFiles.loadError(path: "/nonexistent/folder/points.csv")
        #expect(error?.path == "/nonexistent/folder/points.csv")
        #expect(error?.message == "file not found")
    }

    @Test func folderIsNotAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intrinsic-folder-\(UUID().uuidString).csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = DataTestFiles.loadError(path: folder.path)
        #expect(error?.message.contains("directory") == true)
    }

    @Test func folderWithoutExtensionIsNamedAFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intrinsic-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = DataTestFiles.loadError(path: folder.path)
        #expect(error?.message == "is a directory, not a data file")
    }

    @Test func errorDescriptionHasPathLineColumn() throws {
        let error = try #require(try DataTestFiles.loadError("a,b\n1,x\n", name: "p.csv"))
        #expect(error.description.hasSuffix("p.csv:2: column 'b' (2): " + error.message))
    }

    // MARK: - Dropping rows

    @Test func dropMissingDropsAndCounts() throws {
        let text = "a,b,label\n1,2,x\nNA,3,y\n4,,z\n5,6,w\n7,abc,v\n8,9,\n10,11,u\n"
        let loaded = try DataTestFiles.load(text, options: LoadOptions(dropMissing: true))
        #expect(loaded.droppedRows == 4)
        #expect(loaded.dataset.rows == 3)
        #expect(loaded.dataset.values == [1, 2, 5, 6, 10, 11])
        #expect(loaded.dataset.labels == ["x", "w", "u"])
        let note = loaded.notes.first { $0.hasPrefix("dropped") }
        #expect(note?.contains("dropped 4 of 7 rows") == true)
        #expect(note?.contains("first on line 3") == true)
    }

    @Test func dropMissingWithNothingLeftFails() throws {
        let error = try DataTestFiles.loadError("a,b\nNA,1\n2,nan\n", options: LoadOptions(dropMissing: true))
        #expect(error?.message.contains("every one of the 2 data rows") == true)
    }

    @Test func dropMissingStillRejectsTextColumn() throws {
        let error = try DataTestFiles.loadError("a,b\n1,x\n2,y\n", options: LoadOptions(dropMissing: true))
        #expect(error?.column == "'b' (2)")
    }

    // MARK: - Exact values

    @Test func parsedValuesMatchDoubleInit() throws {
        var generator = SeededGenerator(seed: 20261204)
        var texts: [String] = []
        for _ in 0..<3000 {
            // Any finite bit pattern, mostly with huge or tiny exponents.
            let bits = generator.next()
            let any = Double(bitPattern: bits & 0x7FEF_FFFF_FFFF_FFFF | (bits & 0x8000_0000_0000_0000))
            texts.append(any.description)
            // Full-precision values near the fast path's exponent limits (|e| ≤ 22), where
            // a parser that rounds twice would go wrong.
            let unit = Double(generator.next() >> 11) / Double(1 << 53)
            let scale = Double(sign: .plus, exponent: 0, significand: 1) * pow(10, Double(Int(generator.next() % 61) - 30))
            texts.append((unit * scale).description)
            texts.append(String(format: "%.19g", -unit * scale))
            // Few digits, as in hand-made files.
            let short = Double(Int64(bitPattern: generator.next()) % 10_000_000) / 1000
            texts.append(short.description)
        }
        texts += ["0", "-0.0", "1e22", "1e23", "9007199254740993", "123456789012345678901234",
                  "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", ".5", "5.", "+7", "1E-5"]
        let csv = "x\n" + texts.joined(separator: "\n") + "\n"
        let data = try DataTestFiles.load(csv).dataset
        #expect(data.rows == texts.count)
        for (i, text) in texts.enumerated() {
            let expected = try #require(Double(text))
            #expect(data.values[i].bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test func irisCsvEqualsIrisNpy() throws {
        let csv = try DatasetLoader.load(path: DataTestFiles.sample("iris.csv")).dataset
        let npy = try DatasetLoader.load(path: DataTestFiles.fixture("npy/iris.npy")).dataset
        #expect(csv.rows == 150)
        #expect(csv.columns == 4)
        #expect(csv.values.map(\.bitPattern) == npy.values.map(\.bitPattern))
        #expect(csv.labels == npy.labels)
    }

    /// FNV-1a hashes of the reference .npy data (float64, C order) of each sample set.
    @Test("sample CSV equals the reference array bit for bit", arguments: [
        ("digits.csv", 1797, 64, UInt64(0x2321_087e_78cb_cf52)),
        ("iris.csv", 150, 4, UInt64(0x8749_e5d6_4e26_ed9e)),
        ("circle.csv", 200, 2, UInt64(0x7a59_bfe8_95a2_6e27)),
        ("torus.csv", 1000, 3, UInt64(0x85f2_7d1d_483d_1c19)),
        ("swiss_roll.csv", 2000, 3, UInt64(0x1375_02f6_8e0a_0d15)),
    ])
    func sampleMatchesReference(file: String, rows: Int, columns: Int, hash: UInt64) throws {
        let data = try DatasetLoader.load(path: DataTestFiles.sample(file)).dataset
        #expect(data.rows == rows)
        #expect(data.columns == columns)
        #expect(DataTestFiles.fnv1a(data.values) == hash)
    }

    @Test func digitsLabelsAndNames() throws {
        let data = try DatasetLoader.load(path: DataTestFiles.sample("digits.csv")).dataset
        #expect(data.labelColumn == "label")
        #expect(Set(data.labels ?? []) == Set((0...9).map(String.init)))
        #expect(data.columnNames.first == "pixel_0_0")
        #expect(data.columnNames.last == "pixel_7_7")
    }
}
