// Test-only helpers for the linear-algebra, neighbour and method suites: fixtures, RNG, checks.

import Foundation
@testable import IntrinsicCore

/// Files under Fixtures/linalg, found next to this source file.
enum LinalgFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/linalg")

    /// Reads a CSV with a header row into (header, rows of fields).
    static func table(_ name: String) throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let rows = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (header, rows)
    }

    /// Reads a reference data set CSV; a final `label` column is left out.
    static func dataset(_ name: String) throws -> Dataset {
        let (header, rows) = try table(name + ".csv")
        let featureCount = header.last == "label" ? header.count - 1 : header.count
        var values: [Double] = []
        values.reserveCapacity(rows.count * featureCount)
        for (r, row) in rows.enumerated() {
            for c in 0..<featureCount {
                guard let v = Double(row[c]) else { throw FixtureError("\(name).csv line \(r + 2) column \(c + 1): invalid number '\(row[c])'") }
                values.append(v)
            }
        }
        return Dataset(path: name + ".csv", rows: rows.count, columns: featureCount,
                       columnNames: Array(header[0..<featureCount]), values: values)
    }

    /// Returns the named numeric column of a fixture CSV.
    static func column(_ file: String, _ name: String, where filter: ((([String]) -> Bool))? = nil) throws -> [Double] {
        let (header, rows) = try table(file)
        guard let c = header.firstIndex(of: name) else { throw FixtureError("\(file): no column \(name)") }
        return try rows.filter { filter?($0) ?? true }.map {
            guard let v = Double($0[c]) else { throw FixtureError("\(file) column \(name): invalid number '\($0[c])'") }
            return v
        }
    }

    /// Returns the `value` of the skdim row of id_estimates.csv for a data set and estimator.
    static func skdimEstimate(_ dataset: String, _ estimator: String, _ params: String) throws -> Double {
        let (_, rows) = try table("id_estimates.csv")
        guard let row = rows.first(where: { $0[0] == dataset && $0[1] == "skdim" && $0[2] == estimator && $0[3] == params }),
              let value = Double(row[4]) else {
            throw FixtureError("id_estimates.csv: no skdim \(estimator) \(params) row for \(dataset)")
        }
        return value
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// SplitMix64: a small seeded generator so random tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Matrix {
    /// Makes a matrix of uniform values in −1…1 drawn from `generator`.
    static func random(rows: Int, columns: Int, using generator: inout SeededGenerator) -> Matrix {
        Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in Double.random(in: -1...1, using: &generator) })
    }

    /// The largest absolute entry.
    var maxAbs: Double { values.reduce(0) { max($0, abs($1)) } }

    /// Returns the largest absolute entry of `self − other`.
    func maxAbsDifference(_ other: Matrix) -> Double {
        precondition(rows == other.rows && columns == other.columns)
        return zip(values, other.values).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }
}

/// |a − b| / |b|, or |a| when b is 0.
func relativeError(_ a: Double, _ b: Double) -> Double {
    b == 0 ? abs(a) : abs(a - b) / abs(b)
}

/// Runs `method` with `assignments` on `dataset`, returning the result and the context.
func runMethod(_ method: some AnalysisMethod, on dataset: Dataset, _ assignments: [String] = []) throws -> (MethodResult, JobContext) {
    let context = JobContext()
    let result = try method.run(on: dataset, parameters: try method.parameterSet(assignments), context: context)
    return (result, context)
}

extension MethodResult {
    var embedding: Embedding? {
        for case .embedding(let e) in artifacts { return e }
        return nil
    }
    var spectrum: Spectrum? {
        for case .spectrum(let s) in artifacts { return s }
        return nil
    }
    var estimate: Estimate? {
        for case .estimate(let e) in artifacts { return e }
        return nil
    }
}

extension JSONValue {
    var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }
    var keys: [String] {
        if case .object(let members) = self { return members.map(\.0) }
        return []
    }
}
