// Vietoris–Rips on closed-form cases, brute force, thresholds, limits and cancellation.

import Testing
@testable import IntrinsicCore

@Suite("Rips edge cases")
struct RipsEdgeCaseTests {
    func pairs(_ list: [(Double, Double)]) -> [PersistencePair] {
        list.map { PersistencePair(birth: $0.0, death: $0.1) }
    }

    @Test("no points gives empty diagrams")
    func noPoints() throws {
        let result = try RipsPersistence.compute(dataset([]), context: JobContext())
        #expect(result.diagrams.map(\.pairs) == [[], []])
        #expect(result.enclosingRadius == 0)
    }

    @Test("one point has one essential class")
    func onePoint() throws {
        let result = try RipsPersistence.compute(dataset([[1, 2]]), context: JobContext())
        #expect(result.diagrams[0].pairs == pairs([(0, .infinity)]))
        #expect(result.diagrams[1].pairs == [])
        #expect(result.invariantViolations() == [])
    }

    @Test("two points merge at their distance")
    func twoPoints() throws {
        let result = try RipsPersistence.compute(dataset([[0, 0], [3, 4]]), context: JobContext())
        #expect(result.diagrams[0].pairs == pairs([(0, 5), (0, .infinity)]))
        #expect(result.enclosingRadius == 5)
        #expect(result.invariantViolations() == [])
    }

    @Test("3-4-5 triangle merges at 3 and 4")
    func threePoints() throws {
        let result = try RipsPersistence.compute(dataset([[0, 0], [3, 0], [0, 4]]), context: JobContext())
        #expect(result.diagrams[0].pairs == pairs([(0, 3), (0, 4), (0, .infinity)]))
        #expect(result.diagrams[1].pairs == [])
        #expect(result.enclosingRadius == 4)
        #expect(result.edgeCount == 2)
        #expect(result.invariantViolations() == [])
    }

    @Test("unit square has a hole from 1 to √2")
    func square() throws {
        let result = try RipsPersistence.compute(dataset([[0, 0], [1, 0], [1, 1], [0, 1]]), context: JobContext())
        #expect(result.diagrams[0].pairs == pairs([(0, 1), (0, 1), (0, 1), (0, .infinity)]))
        #expect(result.diagrams[1].pairs == pairs([(1, 2.0.squareRoot())]))
        #expect(result.invariantViolations() == [])
    }

    @Test("identical points leave one class")
    func identicalPoints() throws {
        let result = try RipsPersistence.compute(dataset(Array(repeating: [0.5, -2, 7], count: 6)), context: JobContext())
        #expect(result.diagrams[0].pairs == pairs([(0, .infinity)]))
        #expect(result.diagrams[1].pairs == [])
        #expect(result.zeroPersistenceCounts[0] == 5)
        #expect(result.enclosingRadius == 0)
        #expect(result.invariantViolations() == [])
    }

    @Test("max-dimension 0 returns the same H0 only")
    func maxDimensionZero() throws {
        let data = try loadRipsDataset("circle")
        let full = try RipsPersistence.compute(data, context: JobContext())
        let h0 = try RipsPersistence.compute(data, maxDimension: 0, context: JobContext())
        #expect(h0.diagrams.count == 1)
        #expect(h0.diagrams[0] == full.diagrams[0])
        #expect(h0.invariantViolations() == [])
    }

    /// Random points in the plane or space, integer grids (many tied distances) and duplicates.
    static let bruteForceCases: [(seed: UInt64, count: Int, dimension: Int, grid: Bool)] = [
        (1, 8, 2, false), (2, 11, 2, false), (3, 12, 3, false), (4, 10, 4, false),
        (5, 12, 2, true), (6, 12, 3, true), (7, 9, 1, true), (8, 12, 2, true),
        (9, 14, 2, true), (10, 14, 3, true), (11, 13, 2, true), (12, 14, 4, true),
        (13, 14, 2, true), (14, 14, 3, true), (15, 14, 2, true), (16, 14, 5, true),
    ]

    @Test("agrees with brute-force homology", arguments: 0..<bruteForceCases.count)
    func bruteForce(_ caseIndex: Int) throws {
        let (seed, count, dimension, grid) = Self.bruteForceCases[caseIndex]
        var generator = SeededGenerator(seed: seed)
        let points: [[Double]] = (0..<count).map { _ in
            (0..<dimension).map { _ in grid ? Double(Int.random(in: 0...3, using: &generator)) : Double.random(in: 0..<1, using: &generator) }
        }
        let full = try RipsPersistence.compute(dataset(points), context: JobContext())
        #expect(full.invariantViolations() == [], "seed \(seed)")
        // The brute force builds every triangle, so it also checks that stopping at the
        // enclosing radius loses nothing.
        let expected = bruteForceDiagrams(points, threshold: .infinity)
        #expect(full.diagrams.map(\.pairs) == expected, "seed \(seed)")

        for fraction in [0.3, 0.6] {
            let threshold = fraction * full.diameter
            let cut = try RipsPersistence.compute(dataset(points), threshold: threshold, context: JobContext())
            #expect(cut.invariantViolations() == [], "seed \(seed) threshold \(threshold)")
            #expect(cut.diagrams.map(\.pairs) == bruteForceDiagrams(points, threshold: threshold), "seed \(seed) threshold \(threshold)")
        }
    }

    @Test("threshold truncates the full diagram", arguments: [0.05, 0.2, 0.5, 1.0])
    func thresholdTruncation(_ threshold: Double) throws {
        // Cutting the filtration at t keeps the pairs that die by t, turns those born by t and
        // dying later into essential classes, and drops the rest.
        let data = try loadRipsDataset("circle")
        let full = try RipsPersistence.compute(data, context: JobContext())
        let cut = try RipsPersistence.compute(data, threshold: threshold, context: JobContext())
        #expect(cut.invariantViolations() == [])
        for (whole, part) in zip(full.diagrams, cut.diagrams) {
            let expected = whole.pairs
                .filter { $0.birth <= threshold }
                .map { $0.death > threshold ? PersistencePair(birth: $0.birth, death: .infinity) : $0 }
                .sorted { ($0.birth, $0.death) < ($1.birth, $1.death) }
            #expect(part.pairs == expected, "H\(whole.dimension) at \(threshold)")
        }
        let h0Deaths = full.diagrams[0].pairs.filter { $0.death > threshold }.count
        #expect(cut.componentCount == h0Deaths)
    }

    @Test("threshold above the enclosing radius gives the full filtration")
    func thresholdAboveEnclosingRadius() throws {
        let data = try loadRipsDataset("iris")
        let full = try RipsPersistence.compute(data, context: JobContext())
        let cut = try RipsPersistence.compute(data, threshold: full.enclosingRadius * 1.5, context: JobContext())
        #expect(cut.diagrams == full.diagrams)
        #expect(cut.filtrationEnd == full.enclosingRadius)
    }

    @Test("cancel before the start throws")
    func cancelledBeforeStart() throws {
        let context = JobContext()
        context.cancel()
        #expect(throws: CancellationError.self) {
            try RipsPersistence.compute(try loadRipsDataset("circle"), context: context)
        }
    }

    @Test("cancel during H1 reduction throws")
    func cancelledDuringReduction() throws {
        let holder = ContextHolder()
        let context = JobContext { snapshot in
            if snapshot.stage.hasPrefix("H1 reduction") { holder.context?.cancel() }
        }
        holder.context = context
        #expect(throws: CancellationError.self) {
            try RipsPersistence.compute(try loadRipsDataset("circle"), context: context)
        }
    }

    @Test("more points than the limit are rejected with n")
    func tooManyPoints() throws {
        let count = RipsPersistence.maxPointCount + 1
        let data = Dataset(rows: count, columns: 0, values: [])
        #expect(throws: RipsError.tooManyPoints(count: count, limit: RipsPersistence.maxPointCount)) {
            try RipsPersistence.compute(data, context: JobContext())
        }
        do {
            _ = try RipsMethod().run(on: data, parameters: try RipsMethod().parameterSet([]), context: JobContext())
            Issue.record("expected an error")
        } catch let error as MethodError {
            #expect(error.message.contains("n = \(count)"))
        }
    }

    @Test("overflowing distance names the rows")
    func distanceOverflow() throws {
        let data = dataset([[0], [1e154], [-1e154]])
        #expect(throws: RipsError.distanceOverflow(row: 2, otherRow: 1)) {
            try RipsPersistence.compute(data, context: JobContext())
        }
    }

    @Test("method returns diagrams and JSON")
    func methodOutput() throws {
        let method = RipsMethod()
        let data = dataset([[0, 0], [1, 0], [1, 1], [0, 1]])
        let result = try method.run(on: data, parameters: try method.parameterSet(["threshold=1.2"]), context: JobContext())
        guard case .diagrams(let diagrams)? = result.artifacts.first else {
            Issue.record("first artifact is not diagrams")
            return
        }
        #expect(diagrams.map(\.dimension) == [0, 1])
        #expect(diagrams[1].pairs == pairs([(1, .infinity)]))
        #expect(result.json["threshold"] == .number(1.2))
        #expect(result.json["enclosing_radius"] == .number(2.0.squareRoot()))
        #expect(result.json["simplex_counts"]?["edges"] == .number(4))
        #expect(result.json["diagrams"] == .array(diagrams.map(\.json)))

        let full = try method.run(on: data, parameters: try method.parameterSet([]), context: JobContext())
        #expect(full.json["threshold"] == .string("inf"))
        #expect(full.json["simplex_counts"]?["edges"] == .number(6))
    }
}

/// Lets an observer closure reach the context it was passed to.
final class ContextHolder: @unchecked Sendable {
    var context: JobContext?
}
