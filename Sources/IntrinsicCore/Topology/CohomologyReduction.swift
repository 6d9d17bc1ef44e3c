// Persistent cohomology in dimension 1: reduces edge coboundaries to pair edges with triangles.
//
// Goals, in order: the exact Z/2 diagram of the filtration order `FiltrationEntry` defines,
// then speed. The method is the one of Bauer (2021), "Ripser: efficient computation of
// Vietoris–Rips persistence barcodes", J. Appl. Comput. Topol. 5, doi:10.1007/s41468-021-00071-5:
// - cohomology: each edge's column is its coboundary (the triangles containing it), columns
//   are reduced from the last edge of the filtration to the first, and a column's pivot is
//   its first triangle in filtration order;
// - clearing: edges that kill an H0 class (spanning-tree edges) reduce to zero in this
//   dimension, so the caller leaves them out;
// - implicit matrix: coboundaries are enumerated from the distance matrix on demand, and only
//   the reduction matrix V (which edges were added to a column) is stored, and only when it is
//   more than the column's own edge;
// - emergent pairs: when an edge's first cofacet has the same diameter and no column reduced
//   earlier owns it as a pivot, the unreduced column is already reduced. That is a
//   zero-persistence pair found without building the column, and it is the common case;
// - apparent pairs: when, in addition, the edge is that cofacet's last facet, no other column
//   can own the cofacet, so the pair is not stored at all. A later column that meets the
//   cofacet as its pivot finds the edge again from the cofacet (`apparentFacet(of:)`).
// A column that fits none of these shortcuts is summed in a `WorkingCoboundary`.

/// Pairs of the dimension-1 reduction.
struct CohomologyOutcome {
    /// (birth, death) with death > birth, in the order found.
    var pairs: [PersistencePair] = []
    /// Births of classes still alive at the end of the filtration.
    var essentialBirths: [Double] = []
    /// Pairs with death == birth, left out of `pairs`.
    var zeroPersistenceCount = 0
    /// Columns settled as apparent pairs: the edge's first cofacet has the same diameter and
    /// the edge is that cofacet's last facet.
    var apparentCount = 0
    /// Other columns settled by the emergent-pair shortcut.
    var emergentCount = 0
    /// Columns that needed a working column.
    var reducedCount = 0
}

/// Reduces the coboundary columns of edges against triangles of diameter at most `filtrationEnd`.
final class CohomologyReduction {
    private let distances: DistanceMatrix
    private let binomials: BinomialTable
    private let filtrationEnd: Double
    private let vertexCount: Int

    /// Owner of each pivot triangle, apparent pairs excepted. A value v ≥ 0 is the edge index of
    /// a column whose V column is the edge alone; v < 0 refers to triple ~v of `storedColumns`.
    private var pivots: PivotTable
    /// Triples (edge index, start, end) into `reductionEntries`: the other edges of V's column.
    private var storedColumns: [Int] = []
    private var reductionEntries: [Int] = []

    private let workingColumn: WorkingCoboundary
    private var workingReduction: [Int] = []
    private var additionCount = 0
    /// Columns finished and the total, for progress reports from inside a long column.
    private var columnsDone = 0
    private var columnTotal = 0

    init(distances: DistanceMatrix, binomials: BinomialTable, filtrationEnd: Double, expectedColumns: Int) {
        self.distances = distances
        self.binomials = binomials
        self.filtrationEnd = filtrationEnd
        vertexCount = distances.pointCount
        pivots = PivotTable(expectedCount: expectedColumns)
        workingColumn = WorkingCoboundary(maxSegmentCount: max(distances.pointCount - 2, 1))
    }

    /// Reduces every column of `columns` (edges in ascending filtration order, none of them a
    /// spanning-tree edge), last first.
    /// - Throws: `CancellationError` when `context` is cancelled.
    func reduce(columns: [FiltrationEntry], context: JobContext) throws -> CohomologyOutcome {
        var outcome = CohomologyOutcome()
        let total = columns.count
        columnTotal = total
        for position in stride(from: total - 1, through: 0, by: -1) {
            columnsDone = total - 1 - position
            if columnsDone & 4095 == 0 {
                try context.checkCancelled()
                reportProgress(context)
            }
            try reduceColumn(columns[position], into: &outcome, context: context)
        }
        context.report("H1 reduction", 1)
        return outcome
    }

    private func reportProgress(_ context: JobContext) {
        let fraction = Double(columnsDone) / Double(max(columnTotal, 1))
        context.report("H1 reduction, column \(columnsDone + 1) of \(columnTotal)", fraction)
    }

    private func reduceColumn(_ column: FiltrationEntry, into outcome: inout CohomologyOutcome, context: JobContext) throws {
        let (a, b) = binomials.edgeVertices(column.index)

        if let v = firstCofacetOfSameDiameter(a, b, column.diameter) {
            if isLastFacet(column, a, b, v) {
                // Apparent pair: no column reduced before this one contains the cofacet, and
                // `apparentFacet(of:)` finds this edge again from the cofacet, so nothing is stored.
                outcome.apparentCount += 1
                outcome.zeroPersistenceCount += 1
                return
            }
            // With tied diameters the cofacet can be the pivot of an apparent pair whose edge
            // was reduced earlier; such pivots are not in the table.
            let cofacet = FiltrationEntry(diameter: column.diameter, index: cofacetIndex(a, b, v))
            if pivots.value(for: cofacet.index) == nil && apparentFacet(of: cofacet) == nil {
                pivots.insert(cofacet.index, column.index)
                outcome.emergentCount += 1
                outcome.zeroPersistenceCount += 1
                return
            }
        }

        outcome.reducedCount += 1
        workingColumn.removeAll()
        workingReduction.removeAll(keepingCapacity: true)
        pushCoboundary(a, b, column.diameter)
        while true {
            guard let pivot = try workingColumn.popPivot(context: context) else {
                outcome.essentialBirths.append(column.diameter)
                return
            }
            guard let owner = pivots.value(for: pivot.index) ?? apparentFacet(of: pivot) else {
                pivots.insert(pivot.index, storeReduction(of: column.index))
                if pivot.diameter > column.diameter {
                    outcome.pairs.append(PersistencePair(birth: column.diameter, death: pivot.diameter))
                } else {
                    outcome.zeroPersistenceCount += 1
                }
                return
            }
            // Adding the owner's column cancels this pivot, so it goes back first.
            workingColumn.push(pivot)
            addColumn(ownedBy: owner)
            // One column can need thousands of additions (a long-lived class on a few thousand
            // points), each pushing n cofacets, so cancellation is checked here too.
            additionCount &+= 1
            if additionCount & 15 == 0 { try context.checkCancelled() }
            // The last columns can take most of the time, so progress is also reported from
            // inside them: the fraction stays, but the column count shows the work goes on.
            if additionCount & 1023 == 0 { reportProgress(context) }
        }
    }

    /// Adds the owner's reduced column R = δ(V) to the working column, and V to the working V.
    private func addColumn(ownedBy owner: Int) {
        if owner >= 0 {
            addEdge(owner)
            return
        }
        let slot = 3 * ~owner
        addEdge(storedColumns[slot])
        for k in storedColumns[slot + 1]..<storedColumns[slot + 2] {
            addEdge(reductionEntries[k])
        }
    }

    private func addEdge(_ edge: SimplexIndex) {
        workingReduction.append(edge)
        let (a, b) = binomials.edgeVertices(edge)
        pushCoboundary(a, b, distances.storage[edge])
    }

    /// Stores the working V (summed over Z/2) for the column of `edge` and returns its pivot-table value.
    private func storeReduction(of edge: SimplexIndex) -> Int {
        if workingReduction.isEmpty { return edge }
        workingReduction.sort()
        let start = reductionEntries.count
        var k = 0
        while k < workingReduction.count {
            var run = 1
            while k + run < workingReduction.count && workingReduction[k + run] == workingReduction[k] { run += 1 }
            if run & 1 == 1 { reductionEntries.append(workingReduction[k]) }
            k += run
        }
        if reductionEntries.count == start { return edge }
        storedColumns.append(edge)
        storedColumns.append(start)
        storedColumns.append(reductionEntries.count)
        return ~(storedColumns.count / 3 - 1)
    }

    // MARK: Cofacets of the edge {a > b}
    //
    // The cofacets are {a, b, v} for every other vertex v. Their indices grow with v in each of
    // the three ranges v < b, b < v < a and a < v, and across them, so scanning v upwards visits
    // them in index order.

    /// Returns the vertex v of the first cofacet {a, b, v} (in index order) whose diameter equals
    /// the edge's, which is the first cofacet in filtration order, or nil when all are longer.
    private func firstCofacetOfSameDiameter(_ a: Int, _ b: Int, _ diameter: Double) -> Int? {
        let d = distances.storage
        let choose2 = binomials.choose2
        let rowA = d + choose2[a]
        let rowB = d + choose2[b]
        for v in 0..<b where rowA[v] <= diameter && rowB[v] <= diameter {
            return v
        }
        for v in (b + 1)..<a where rowA[v] <= diameter && d[choose2[v] &+ b] <= diameter {
            return v
        }
        for v in (a + 1)..<vertexCount {
            let rowV = d + choose2[v]
            if rowV[a] <= diameter && rowV[b] <= diameter { return v }
        }
        return nil
    }

    @inline(__always)
    private func cofacetIndex(_ a: Int, _ b: Int, _ v: Int) -> SimplexIndex {
        let choose2 = binomials.choose2
        let choose3 = binomials.choose3
        if v < b { return choose3[a] &+ choose2[b] &+ v }
        if v < a { return choose3[a] &+ choose2[v] &+ b }
        return choose3[v] &+ choose2[a] &+ b
    }

    @inline(__always)
    private func edgeEntry(_ x: Int, _ y: Int) -> FiltrationEntry {
        let index = binomials.edgeIndex(x, y)
        return FiltrationEntry(diameter: distances.storage[index], index: index)
    }

    /// Returns whether `edge` = {a, b} comes after the other two facets of {a, b, v} in filtration order.
    private func isLastFacet(_ edge: FiltrationEntry, _ a: Int, _ b: Int, _ v: Int) -> Bool {
        edgeEntry(a, v) < edge && edgeEntry(b, v) < edge
    }

    /// Returns the edge index e when (e, triangle) is an apparent pair: the triangle's last
    /// facet e has the triangle's diameter, and the triangle is e's first cofacet.
    private func apparentFacet(of triangle: FiltrationEntry) -> SimplexIndex? {
        let (x, y, z) = binomials.triangleVertices(triangle.index)
        var last = (entry: edgeEntry(x, y), a: x, b: y)
        let xz = edgeEntry(x, z)
        if last.entry < xz { last = (xz, x, z) }
        let yz = edgeEntry(y, z)
        if last.entry < yz { last = (yz, y, z) }
        guard last.entry.diameter == triangle.diameter,
              let v = firstCofacetOfSameDiameter(last.a, last.b, triangle.diameter),
              cofacetIndex(last.a, last.b, v) == triangle.index else { return nil }
        return last.entry.index
    }

    /// Adds every cofacet with diameter at most `filtrationEnd` to the working column, as one segment.
    private func pushCoboundary(_ a: Int, _ b: Int, _ edgeDiameter: Double) {
        workingColumn.openSegment()
        let d = distances.storage
        let choose2 = binomials.choose2
        let choose3 = binomials.choose3
        let end = filtrationEnd
        let rowA = d + choose2[a]
        let rowB = d + choose2[b]
        let base1 = choose3[a] &+ choose2[b]
        for v in 0..<b {
            let diameter = max(edgeDiameter, rowA[v], rowB[v])
            if diameter <= end { workingColumn.append(FiltrationEntry(diameter: diameter, index: base1 &+ v)) }
        }
        let base2 = choose3[a] &+ b
        for v in (b + 1)..<a {
            let diameter = max(edgeDiameter, rowA[v], d[choose2[v] &+ b])
            if diameter <= end { workingColumn.append(FiltrationEntry(diameter: diameter, index: base2 &+ choose2[v])) }
        }
        let base3 = choose2[a] &+ b
        for v in (a + 1)..<vertexCount {
            let rowV = d + choose2[v]
            let diameter = max(edgeDiameter, rowV[a], rowV[b])
            if diameter <= end { workingColumn.append(FiltrationEntry(diameter: diameter, index: choose3[v] &+ base3)) }
        }
        workingColumn.closeSegment()
    }
}
