// Test-only helpers for the Vietoris–Rips tests: fixture readers, diagram comparison, brute force.

import Foundation
@testable import IntrinsicCore

/// Reads a fixture under `Fixtures/rips`.
func ripsFixtureText(_ name: String) throws -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/rips") else {
        throw FixtureError("fixture Fixtures/rips/\(name) not found in the test bundle")
    }
    return try String(contentsOf: url, encoding: .utf8)
}

/// Parses a reference data set: a header row, float columns, and optionally a final integer
/// `label` column, which is ignored. Keeps the first `limit` rows when given.
func loadRipsDataset(_ name: String, limit: Int? = nil) throws -> Dataset {
    let lines = try ripsFixtureText("\(name).csv").split(whereSeparator: \.isNewline)
    guard let header = lines.first?.split(separator: ",").map(String.init) else {
        throw FixtureError("\(name).csv: empty file")
    }
    let columns = header.last == "label" ? header.count - 1 : header.count
    var values: [Double] = []
    var rows = 0
    for (lineNumber, line) in lines.dropFirst().enumerated() {
        if let limit, rows == limit { break }
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == header.count else {
            throw FixtureError("\(name).csv line \(lineNumber + 2): \(fields.count) fields, expected \(header.count)")
        }
        for field in fields.prefix(columns) {
            guard let value = Double(field) else {
                throw FixtureError("\(name).csv line \(lineNumber + 2): '\(field)' is not a number")
            }
            values.append(value)
        }
        rows += 1
    }
    return Dataset(path: "\(name).csv", rows: rows, columns: columns, values: values)
}

/// Parses a reference diagram file (`dim,birth,death`, `inf` for an essential class).
func loadReferenceDiagrams(_ fileName: String) throws -> [Int: [PersistencePair]] {
    var diagrams: [Int: [PersistencePair]] = [:]
    for (lineNumber, line) in try ripsFixtureText(fileName).split(whereSeparator: \.isNewline).dropFirst().enumerated() {
        let fields = line.split(separator: ",")
        guard fields.count == 3, let dimension = Int(fields[0]), let birth = Double(fields[1]),
              let death = fields[2] == "inf" ? Double.infinity : Double(fields[2]) else {
            throw FixtureError("\(fileName) line \(lineNumber + 2): malformed row '\(line)'")
        }
        diagrams[dimension, default: []].append(PersistencePair(birth: birth, death: death))
    }
    return diagrams
}

/// Returns the `diameter` column of the reference `index.csv` for one diagram.
func referenceDiameter(_ diagramName: String) throws -> Double {
    let lines = try ripsFixtureText("index.csv").split(whereSeparator: \.isNewline)
    let header = lines[0].split(separator: ",").map(String.init)
    guard let column = header.firstIndex(of: "diameter") else { throw FixtureError("index.csv: no diameter column") }
    for line in lines.dropFirst() {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        if fields[0] == diagramName, let value = Double(fields[column]) { return value }
    }
    throw FixtureError("index.csv: no row for \(diagramName)")
}

/// Compares two diagrams of one dimension as the reference data recommends, and returns one
/// message per disagreement.
///
/// Pairs with persistence ≤ `dropBelow` are dropped first. The counts of pairs and of essential
/// pairs must then be equal. The sorted births, sorted finite deaths and sorted finite
/// persistences must agree element by element within `tolerance`. Sorting the three lists
/// separately avoids matching pairs whose near-tied births swap places between tools.
func diagramDifferences(
    _ computed: [PersistencePair], _ reference: [PersistencePair], dropBelow: Double, tolerance: Double
) -> [String] {
    let ours = computed.filter { $0.persistence > dropBelow }
    let theirs = reference.filter { $0.persistence > dropBelow }
    var problems: [String] = []
    if ours.count != theirs.count { problems.append("pair count \(ours.count), reference \(theirs.count)") }
    let ourEssential = ours.filter { !$0.death.isFinite }.count
    let theirEssential = theirs.filter { !$0.death.isFinite }.count
    if ourEssential != theirEssential { problems.append("essential count \(ourEssential), reference \(theirEssential)") }
    guard problems.isEmpty else { return problems }

    func compare(_ label: String, _ a: [Double], _ b: [Double]) {
        let a = a.sorted(), b = b.sorted()
        var worst = 0.0
        var worstIndex = 0
        for k in a.indices where abs(a[k] - b[k]) > worst {
            worst = abs(a[k] - b[k])
            worstIndex = k
        }
        if worst > tolerance {
            problems.append("\(label)[\(worstIndex)]: \(a[worstIndex]) vs reference \(b[worstIndex]) (|Δ| = \(worst) > \(tolerance))")
        }
    }
    compare("births", ours.map(\.birth), theirs.map(\.birth))
    compare("deaths", ours.map(\.death).filter(\.isFinite), theirs.map(\.death).filter(\.isFinite))
    compare("persistences", ours.map(\.persistence).filter(\.isFinite), theirs.map(\.persistence).filter(\.isFinite))
    return problems
}


/// Computes persistence diagrams in dimensions 0 and 1 by the textbook algorithm: the full boundary
/// matrix of every vertex, edge and triangle of diameter ≤ `threshold`, in the order (diameter,
/// dimension, vertex list), reduced column by column over Z/2. Independent of the product's
/// cohomology code; only for a dozen points. Pairs with death == birth are left out.
func bruteForceDiagrams(_ points: [[Double]], threshold: Double) -> [[PersistencePair]] {
    let n = points.count
    func distance(_ i: Int, _ j: Int) -> Double {
        var sum = 0.0
        for k in points[i].indices {
            let difference = points[i][k] - points[j][k]
            sum += difference * difference
        }
        return sum.squareRoot()
    }
    var simplices: [(diameter: Double, vertices: [Int])] = (0..<n).map { (0, [$0]) }
    for i in 0..<n {
        for j in (i + 1)..<max(n, i + 1) where distance(i, j) <= threshold {
            simplices.append((distance(i, j), [i, j]))
        }
    }
    for i in 0..<n {
        for j in (i + 1)..<max(n, i + 1) {
            for k in (j + 1)..<max(n, j + 1) {
                let diameter = max(distance(i, j), distance(i, k), distance(j, k))
                if diameter <= threshold { simplices.append((diameter, [i, j, k])) }
            }
        }
    }
    simplices.sort {
        if $0.diameter != $1.diameter { return $0.diameter < $1.diameter }
        if $0.vertices.count != $1.vertices.count { return $0.vertices.count < $1.vertices.count }
        return $0.vertices.lexicographicallyPrecedes($1.vertices)
    }
    var position: [[Int]: Int] = [:]
    for (k, simplex) in simplices.enumerated() { position[simplex.vertices] = k }

    var pivotOwner: [Int: Int] = [:]
    var columns: [[Int]] = []
    var isPivotRow = Set<Int>()
    var diagrams: [[PersistencePair]] = [[], []]
    for (k, simplex) in simplices.enumerated() {
        var column = Set<Int>()
        if simplex.vertices.count > 1 {
            for omitted in simplex.vertices.indices {
                var face = simplex.vertices
                face.remove(at: omitted)
                column.insert(position[face]!)
            }
        }
        while let low = column.max(), let owner = pivotOwner[low] {
            column.formSymmetricDifference(columns[owner])
        }
        columns.append(Array(column))
        if let low = column.max() {
            pivotOwner[low] = k
            isPivotRow.insert(low)
            let dimension = simplices[low].vertices.count - 1
            if dimension <= 1 && simplex.diameter > simplices[low].diameter {
                diagrams[dimension].append(PersistencePair(birth: simplices[low].diameter, death: simplex.diameter))
            }
        }
    }
    for (k, simplex) in simplices.enumerated() where columns[k].isEmpty && !isPivotRow.contains(k) {
        let dimension = simplex.vertices.count - 1
        if dimension <= 1 { diagrams[dimension].append(PersistencePair(birth: simplex.diameter, death: .infinity)) }
    }
    return diagrams.map { $0.sorted { ($0.birth, $0.death) < ($1.birth, $1.death) } }
}

/// Builds a data set from a list of points of equal length.
func dataset(_ points: [[Double]]) -> Dataset {
    Dataset(rows: points.count, columns: points.first?.count ?? 0, values: points.flatMap { $0 })
}
