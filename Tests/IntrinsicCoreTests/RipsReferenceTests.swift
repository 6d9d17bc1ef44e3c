// Vietoris–Rips diagrams against gudhi (double precision) and ripser.py (single precision).

import Testing
@testable import IntrinsicCore

@Suite("Rips against reference diagrams")
struct RipsReferenceTests {
    /// Computes the diagrams of `datasetName` (first `rows` rows) and compares them with
    /// `diagramName`.gudhi.csv at 1e-9 × diameter and `diagramName`.ripser.csv at 1e-6 × diameter.
    func checkAgainstPeers(datasetName: String, diagramName: String, rows: Int? = nil) throws -> RipsPersistenceResult {
        let data = try loadRipsDataset(datasetName, limit: rows)
        let result = try RipsPersistence.compute(data, context: JobContext())
        #expect(result.invariantViolations() == [])

        let diameter = try referenceDiameter(diagramName)
        #expect(abs(result.diameter - diameter) <= 1e-12 * diameter)
        for (peer, factor) in [("gudhi", 1e-9), ("ripser", 1e-6)] {
            let reference = try loadReferenceDiagrams("\(diagramName).\(peer).csv")
            for diagram in result.diagrams {
                let problems = diagramDifferences(
                    diagram.pairs, reference[diagram.dimension] ?? [],
                    dropBelow: 1e-9 * diameter, tolerance: factor * diameter)
                #expect(problems == [], "\(diagramName) H\(diagram.dimension) against \(peer)")
            }
        }
        return result
    }

    @Test("matches gudhi and ripser", arguments: ["circle", "two_circles", "linked_circles", "iris"])
    func smallDataset(_ name: String) throws {
        _ = try checkAgainstPeers(datasetName: name, diagramName: name)
    }

    @Test("iris duplicate gives a zero-persistence H0 pair")
    func irisDuplicate() throws {
        let result = try RipsPersistence.compute(try loadRipsDataset("iris"), context: JobContext())
        #expect(result.zeroPersistenceCounts[0] == 1)
        #expect(result.diagrams[0].pairs.count == 149)
    }

    @Test("torus first 400 matches in H0 and H1")
    func torusFirst400() throws {
        _ = try checkAgainstPeers(datasetName: "torus", diagramName: "torus_first400", rows: 400)
    }

    @Test("torus 1000 points matches")
    func torus() throws {
        let result = try checkAgainstPeers(datasetName: "torus", diagramName: "torus")
        let long = result.diagrams[1].pairs.filter { $0.persistence > 1.0 }
        #expect(long.count == 2)
    }

    @Test("digits 1797 × 64 matches")
    func digits() throws {
        _ = try checkAgainstPeers(datasetName: "digits", diagramName: "digits")
    }

    @Test("circle has one long H1 class")
    func circleTopology() throws {
        let result = try RipsPersistence.compute(try loadRipsDataset("circle"), context: JobContext())
        let long = result.diagrams[1].pairs.filter { $0.persistence > 0.5 }
        #expect(long.count == 1)
        #expect(long.first.map { abs($0.persistence - 1.372) < 1e-3 } == true)
    }

    @Test("two circles have two long H1 classes", arguments: ["two_circles", "linked_circles"])
    func twoCircleTopology(_ name: String) throws {
        let result = try RipsPersistence.compute(try loadRipsDataset(name), context: JobContext())
        #expect(result.diagrams[1].pairs.filter { $0.persistence > 0.5 }.count == 2)
    }

    @Test("circle truncated at 0.5 matches gudhi truncated")
    func circleThresholdAgainstGudhi() throws {
        let threshold = 0.5
        let result = try RipsPersistence.compute(try loadRipsDataset("circle"), threshold: threshold, context: JobContext())
        #expect(result.invariantViolations() == [])
        let diameter = try referenceDiameter("circle")
        let reference = try loadReferenceDiagrams("circle.gudhi.csv")
        for diagram in result.diagrams {
            let truncated = (reference[diagram.dimension] ?? [])
                .filter { $0.birth <= threshold }
                .map { $0.death > threshold ? PersistencePair(birth: $0.birth, death: .infinity) : $0 }
            let problems = diagramDifferences(diagram.pairs, truncated, dropBelow: 1e-9 * diameter, tolerance: 1e-9 * diameter)
            #expect(problems == [], "circle H\(diagram.dimension) at threshold \(threshold)")
        }
        // The circle's hole is born well below 0.5 and dies near 1.5, so it is essential here.
        #expect(result.diagrams[1].pairs.filter { !$0.death.isFinite }.count >= 1)
        #expect(result.componentCount == result.diagrams[0].pairs.filter { !$0.death.isFinite }.count)
    }
}
