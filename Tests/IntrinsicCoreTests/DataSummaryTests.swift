// Tests of DatasetSummary: statistics against known values, display lines and JSON.

import Foundation
import Testing

@testable import IntrinsicCore

@Suite("Dataset summary")
struct DataSummaryTests {
    @Test func irisStatistics() throws {
        let summary = DatasetSummary(try DatasetLoader.load(path: DataTestFiles.sample("iris.csv")).dataset)
        #expect(summary.rows == 150)
        #expect(summary.columns == 4)
        #expect(summary.minimums == [4.3, 2.0, 1.0, 0.1])
        #expect(summary.maximums == [7.9, 4.4, 6.9, 2.5])
        // Column sums from the data set's documentation: 876.5, 458.6, 563.7, 179.9 cm.
        let expectedMeans = [876.5, 458.6, 563.7, 179.9].map { $0 / 150 }
        for (mean, expected) in zip(summary.means, expectedMeans) {
            #expect(abs(mean - expected) <= 1e-12 * expected)
        }
        // Rows 101 and 142 (0-based) are the same flower measurements.
        #expect(summary.duplicateRows == 1)
        #expect(summary.labelCounts == ["0", "1", "2"].map { DatasetSummary.LabelCount(label: $0, count: 50) })
        #expect(summary.labelColumn == "label")
    }

    @Test func duplicatesCountRepeatsOfEarlierRows() {
        // Rows 0, 2 and 4 are equal (0.0 equals -0.0), row 3 repeats row 1.
        let data = Dataset(rows: 5, columns: 2, values: [0, 1, 2, 3, -0.0, 1, 2, 3, 0, 1])
        #expect(DatasetSummary(data).duplicateRows == 3)
    }

    @Test func labelsSortByCountThenName() {
        let labels = ["b", "a", "10", "b", "2", "a", "c", "10", "2"]
        let data = Dataset(rows: 9, columns: 1, values: (0..<9).map(Double.init), labels: labels)
        let counts = DatasetSummary(data).labelCounts?.map { "\($0.label)=\($0.count)" }
        // Integers compare as numbers ("2" before "10"), then text labels by text.
        #expect(counts == ["2=2", "10=2", "a=2", "b=2", "c=1"])
    }

    @Test func digitsLinesFitEightyColumns() throws {
        let summary = DatasetSummary(try DatasetLoader.load(path: DataTestFiles.sample("digits.csv")).dataset)
        let lines = summary.lines
        #expect(lines[0] == "digits.csv: 1797 rows × 64 columns")
        #expect(lines[1].hasPrefix("columns: pixel_0_0, pixel_0_1,"))
        #expect(lines[1].hasSuffix(", …, pixel_7_7"))
        #expect(lines[2] == "values: min 0, max 16 over all columns")
        #expect(lines[3] == "duplicates: none")
        #expect(lines[4].hasPrefix("labels (10, column 'label'): 3 (183), 1 (182), 5 (182),"))
        #expect(lines[4].hasSuffix(", …, 8 (174)"))
        for line in lines {
            #expect(line.count <= 80, "\(line.count): \(line)")
        }
    }

    @Test func npyLabelsNameTheirFile() throws {
        let summary = DatasetSummary(try DatasetLoader.load(path: DataTestFiles.fixture("npy/iris.npy")).dataset)
        #expect(summary.lines.last == "labels (3, from iris.labels.npy): 0 (50), 1 (50), 2 (50)")
    }

    @Test func linesForSmallData() {
        let data = Dataset(path: "/tmp/p.csv", rows: 2, columns: 2, columnNames: ["a", "b"], values: [0.5, -1.25, 0.5, -1.25])
        #expect(DatasetSummary(data).lines == [
            "p.csv: 2 rows × 2 columns",
            "columns: a, b",
            "values: min -1.25, max 0.5 over all columns",
            "duplicates: 1 row equals an earlier row",
        ])
    }

    @Test func fitShortensLongLists() {
        let items = (0..<40).map { "column_\($0)" }
        let line = DatasetSummary.fit("columns: ", items, width: 80)
        #expect(line.count <= 80)
        #expect(line.hasSuffix("…, column_39"))
        #expect(DatasetSummary.fit("x: ", ["a", "b"], width: 80) == "x: a, b")
    }

    @Test func jsonHoldsEveryStatistic() {
        let data = Dataset(
            path: "q.csv", rows: 3, columns: 2, columnNames: ["u", "v"], values: [1, 10, 2, 20, 1, 10],
            labels: ["y", "x", "y"], labelColumn: "label")
        let json = DatasetSummary(data).json
        #expect(json["name"] == .string("q.csv"))
        #expect(json["rows"] == .number(3))
        #expect(json["columns"] == .number(2))
        #expect(json["column_names"] == .array([.string("u"), .string("v")]))
        #expect(json["min"] == .numbers([1, 10]))
        #expect(json["max"] == .numbers([2, 20]))
        #expect(json["mean"] == .numbers([4.0 / 3, 40.0 / 3]))
        #expect(json["duplicate_rows"] == .number(1))
        #expect(json["label_column"] == .string("label"))
        #expect(json["labels"] == .array([
            .object([("label", .string("y")), ("count", .number(2))]),
            .object([("label", .string("x")), ("count", .number(1))]),
        ]))
    }

    @Test func jsonWithoutLabelsHasNoLabelKeys() {
        let json = DatasetSummary(Dataset(rows: 1, columns: 1, values: [3])).json
        #expect(json["labels"] == nil)
        #expect(json["name"] == .string("(memory)"))
    }
}
