// Exact kNN search against brute force, reference distances, and cancellation.

import Foundation
import Testing
@testable import IntrinsicCore

@Suite struct NeighborTests {
    /// Brute-force kNN with the same contract: direct distances, (distance, index) order.
    static func bruteForce(_ x: Matrix, k: Int) -> (distances: [Double], indices: [Int]) {
        var distances: [Double] = [], indices: [Int] = []
        for i in 0..<x.rows {
            var all: [(Double, Int)] = []
            for j in 0..<x.rows where j != i {
                var s = 0.0
                for c in 0..<x.columns { s += (x[i, c] - x[j, c]) * (x[i, c] - x[j, c]) }
                all.append((s.squareRoot(), j))
            }
            all.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            distances += all[0..<k].map(\.0)
            indices += all[0..<k].map(\.1)
        }
        return (distances, indices)
    }

    /// Checks row by row, so a failure names the first row that differs.
    static func expectEqual(_ table: NeighborTable, _ expected: (distances: [Double], indices: [Int]),
                            sourceLocation: SourceLocation = #_sourceLocation) {
        let k = table.k
        for i in 0..<table.rows {
            let got = Array(table.indices[(i * k)..<((i + 1) * k)])
            let want = Array(expected.indices[(i * k)..<((i + 1) * k)])
            let gotD = Array(table.distances[(i * k)..<((i + 1) * k)])
            let wantD = Array(expected.distances[(i * k)..<((i + 1) * k)])
            if got != want || gotD != wantD {
                Issue.record("row \(i): indices \(got) distances \(gotD), expected \(want) \(wantD)", sourceLocation: sourceLocation)
                return
            }
        }
    }

    /// Integer grid points (many tied distances) with some rows repeated exactly.
    static func tiedData(seed: UInt64) -> Matrix {
        var g = SeededGenerator(seed: seed)
        var rows: [[Double]] = (0..<120).map { _ in (0..<3).map { _ in Double(Int.random(in: 0...4, using: &g)) } }
        for t in 0..<10 { rows.append(rows[t * 7]) }  // exact duplicates
        return Matrix(rows: rows.count, columns: 3, values: rows.flatMap { $0 })
    }

    @Test(arguments: [1, 2, 5, 20])
    func tiesAndDuplicatesMatchBruteForce(k: Int) throws {
        let x = Self.tiedData(seed: 41)
        let expected = Self.bruteForce(x, k: k)
        // Block height 16 makes the 130 rows cross several blocks.
        let table = try NearestNeighbors.search(x, k: k, context: JobContext(), stage: "test", blockRows: 16)
        Self.expectEqual(table, expected)
        // Every duplicate row has a zero first distance, returned as exactly 0.
        for t in 0..<10 { #expect(table.distance(120 + t, 0) == 0) }
    }

    @Test func randomDataMatchesBruteForce() throws {
        var g = SeededGenerator(seed: 43)
        let x = Matrix.random(rows: 300, columns: 7, using: &g)
        let expected = Self.bruteForce(x, k: 10)
        let table = try NearestNeighbors.search(x, k: 10, context: JobContext())
        Self.expectEqual(table, expected)
    }

    /// Two tight clusters far apart: ‖x‖² is about 10¹², so the dgemm form carries absolute
    /// errors far above the squared spreads (about 10⁻⁶), and only the re-ranking keeps the
    /// lists exact.
    @Test func cancellationInGramFormIsRepaired() throws {
        var g = SeededGenerator(seed: 47)
        var values: [Double] = []
        for i in 0..<200 {
            let centre = i % 2 == 0 ? 1e6 : -1e6
            for _ in 0..<4 { values.append(centre + Double.random(in: -1e-3...1e-3, using: &g)) }
        }
        let x = Matrix(rows: 200, columns: 4, values: values)
        let expected = Self.bruteForce(x, k: 6)
        let table = try NearestNeighbors.search(x, k: 6, context: JobContext(), stage: "test", blockRows: 32)
        Self.expectEqual(table, expected)
    }

    @Test(arguments: ["circle", "digits"])
    func distancesMatchReference(name: String) throws {
        let data = try LinalgFixtures.dataset(name)
        let table = try NearestNeighbors.search(Matrix(data), k: 20, context: JobContext())
        for (column, j) in [("r1", 0), ("r2", 1), ("r10", 9), ("r20", 19)] {
            let reference = try LinalgFixtures.column("pointwise_\(name).csv", column)
            #expect(reference.count == data.rows)
            let worst = (0..<data.rows).map { relativeError(table.distance($0, j), reference[$0]) }.max()!
            #expect(worst <= 1e-12, "\(name) \(column): worst relative error \(worst)")
        }
    }

    @Test func cancelledBeforeStartThrows() {
        let context = JobContext()
        context.cancel()
        var g = SeededGenerator(seed: 51)
        let x = Matrix.random(rows: 50, columns: 3, using: &g)
        #expect(throws: CancellationError.self) { try NearestNeighbors.search(x, k: 3, context: context) }
    }

    @Test func cancelledDuringRunThrows() {
        // The observer cancels as soon as the first block reports progress.
        let box = ContextBox()
        let context = JobContext { snapshot in
            if snapshot.fraction > 0 { box.context?.cancel() }
        }
        box.context = context
        var g = SeededGenerator(seed: 53)
        let x = Matrix.random(rows: 100, columns: 3, using: &g)
        #expect(throws: CancellationError.self) {
            try NearestNeighbors.search(x, k: 3, context: context, stage: "test", blockRows: 16)
        }
        #expect(context.progress.fraction < 1)
    }

    @Test func progressReachesOne() throws {
        var g = SeededGenerator(seed: 55)
        let x = Matrix.random(rows: 40, columns: 2, using: &g)
        let context = JobContext()
        _ = try NearestNeighbors.search(x, k: 3, context: context, stage: "neighbours", blockRows: 16)
        #expect(context.progress == ProgressSnapshot(stage: "neighbours", fraction: 1))
    }
}

/// Lets an observer closure reach the context it belongs to.
final class ContextBox: @unchecked Sendable {
    var context: JobContext?
}
