// Consistency checks on a Vietoris–Rips result, for tests.

extension RipsPersistenceResult {
    /// Returns a description of every broken invariant; empty when the result is consistent.
    ///
    /// Checked: no NaN; birth < death for every pair, and births in [0, filtrationEnd];
    /// H0 births are 0; finite H0 pairs + zero-persistence H0 pairs + components = n (every
    /// vertex but one per component dies at a spanning-forest edge); essential H0 classes =
    /// components; every non-forest edge is paired or essential in H1; in the full filtration
    /// (threshold ≥ enclosing radius), one component, no essential H1 and every death ≤ the
    /// enclosing radius; with a finite threshold, every finite death ≤ the threshold.
    func invariantViolations() -> [String] {
        var problems: [String] = []
        let fullFiltration = threshold >= enclosingRadius

        for diagram in diagrams {
            let k = diagram.dimension
            for pair in diagram.pairs {
                if pair.birth.isNaN || pair.death.isNaN { problems.append("H\(k): NaN in \(pair)") }
                if !(pair.birth < pair.death) { problems.append("H\(k): birth ≥ death in \(pair)") }
                if pair.birth < 0 || pair.birth > filtrationEnd { problems.append("H\(k): birth outside [0, \(filtrationEnd)] in \(pair)") }
                if pair.death.isFinite && pair.death > filtrationEnd { problems.append("H\(k): death past \(filtrationEnd) in \(pair)") }
                if k == 0 && pair.birth != 0 { problems.append("H0: nonzero birth in \(pair)") }
            }
            let sorted = diagram.pairs.sorted { ($0.birth, $0.death) < ($1.birth, $1.death) }
            if sorted != diagram.pairs { problems.append("H\(k): pairs not sorted by (birth, death)") }
        }

        if let h0 = diagrams.first(where: { $0.dimension == 0 }) {
            let essential = h0.pairs.filter { !$0.death.isFinite }.count
            let finite = h0.pairs.count - essential
            if essential != componentCount { problems.append("H0: \(essential) essential classes for \(componentCount) components") }
            if finite + zeroPersistenceCounts[0] + componentCount != vertexCount {
                problems.append("H0: \(finite) finite + \(zeroPersistenceCounts[0]) zero-persistence + \(componentCount) components ≠ \(vertexCount) points")
            }
            if fullFiltration && vertexCount > 0 && componentCount != 1 {
                problems.append("H0: \(componentCount) components in the full filtration")
            }
        } else {
            problems.append("no H0 diagram")
        }

        if let h1 = diagrams.first(where: { $0.dimension == 1 }) {
            let essential = h1.pairs.filter { !$0.death.isFinite }.count
            if fullFiltration && essential > 0 { problems.append("H1: \(essential) essential classes in the full filtration") }
            let forestEdges = vertexCount - componentCount
            if h1.pairs.count + zeroPersistenceCounts[1] != edgeCount - forestEdges {
                problems.append("H1: \(h1.pairs.count) pairs + \(zeroPersistenceCounts[1]) zero-persistence ≠ \(edgeCount) edges − \(forestEdges) forest edges")
            }
            if reducedColumnCount != edgeCount - forestEdges {
                problems.append("H1: \(reducedColumnCount) columns for \(edgeCount - forestEdges) non-forest edges")
            }
        }
        return problems
    }
}
