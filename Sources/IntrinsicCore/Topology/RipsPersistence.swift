// Vietoris–Rips persistence diagrams in dimensions 0 and 1 over Z/2: the driver.

/// A Vietoris–Rips computation that could not run on this input.
public enum RipsError: Error, Equatable, CustomStringConvertible, Sendable {
    /// More points than `RipsPersistence.maxPointCount`.
    case tooManyPoints(count: Int, limit: Int)
    /// The distance between two rows is not finite: coordinates are too large to square.
    case distanceOverflow(row: Int, otherRow: Int)

    public var description: String {
        switch self {
        case let .tooManyPoints(count, limit):
            let gigabytes = Double(count) * Double(count - 1) / 2 * 24 / 1e9
            return "Vietoris–Rips needs n(n − 1)/2 distances and up to as many edges (about "
                + "\(Int(gigabytes.rounded())) GB for n = \(count)); the limit is n ≤ \(limit) points. "
                + "Take a subsample of at most \(limit) rows."
        case let .distanceOverflow(row, otherRow):
            return "the distance between rows \(otherRow) and \(row) (0-based) overflows a Double; "
                + "rescale the data"
        }
    }
}

/// The diagrams of one Vietoris–Rips computation, with the facts needed to read them.
public struct RipsPersistenceResult: Sendable, Equatable {
    /// H0, then H1 when `maxDimension` is 1. Pairs sorted by (birth, death); pairs with
    /// death == birth are left out; an essential class has death `Double.infinity`.
    public var diagrams: [PersistenceDiagram]
    /// Smallest over points of the largest distance to another point (0 below 2 points).
    public var enclosingRadius: Double
    /// Largest distance between two points (0 below 2 points).
    public var diameter: Double
    /// The requested threshold: edges longer than it are left out (`infinity`: none are).
    public var threshold: Double
    /// Filtration value at which the computation stopped: min(threshold, enclosing radius).
    public var filtrationEnd: Double
    public var vertexCount: Int
    /// Edges of diameter at most `filtrationEnd`.
    public var edgeCount: Int
    /// Connected components at `filtrationEnd`: the number of essential H0 classes.
    public var componentCount: Int
    /// Pairs with death == birth, per dimension, that the diagrams leave out.
    public var zeroPersistenceCounts: [Int]
    /// Edge columns of the H1 reduction: edges that are not in the spanning forest.
    public var reducedColumnCount: Int
}

/// Vietoris–Rips persistent homology of a point cloud in dimensions 0 and 1, exact over Z/2.
///
/// Conventions: Euclidean distance by the direct formula in double precision; a simplex enters
/// at its diameter (the largest distance among its vertices, not half of it); Z/2 coefficients;
/// pairs with death == birth are left out.
///
/// - Full filtration (`threshold` infinite): the computation stops at the enclosing radius,
///   where the complex becomes a cone and nothing changes afterwards. H0 then has one essential
///   class and H1 none.
/// - Finite `threshold` t: edges longer than t are left out. H0 has one essential class per
///   connected component of the graph of edges ≤ t, and H1 classes still alive at t are
///   essential (death `infinity`). A t above the enclosing radius gives the full filtration.
///
/// Steps: all distances; H0 and the spanning forest by Kruskal's algorithm over edges sorted
/// by (diameter, index); H1 by cohomology reduction of the other edges (`CohomologyReduction`).
/// Ties are broken by simplex index in the combinatorial number system, which only affects
/// which zero-persistence pairs occur.
///
/// - Complexity: O(n²) memory: 8 bytes per pair of points for the distances and 16 per edge
///   up to the filtration end, about 1.2 GB at 10,000 points. The working column of the H1
///   reduction can be larger on long-lived classes: peak resident memory was 1.1 GB on 2,000
///   torus points and 4.2 GB on a 2,000-point swiss roll (release build, whole process). Time is dominated by
///   those few columns and grows faster than n³ on a surface sample.
public enum RipsPersistence {
    /// Largest accepted number of points: the distances alone take 1.6 GB at this size, and
    /// the sorted edges up to twice as much again.
    // NOTE: a fixed count, not checked against the memory actually available. Extrapolating
    // from 2,000 points, H1 on this many points would take hours.
    public static let maxPointCount = 20_000

    /// Computes the H0 (and H1) persistence diagrams of the rows of `dataset`.
    /// - Parameters:
    ///   - maxDimension: 0 or 1 (default 1).
    ///   - threshold: largest edge length in the filtration, ≥ 0; `infinity` (default) for all.
    /// - Throws: `RipsError` for too many points or overflowing distances, `CancellationError`
    ///   when `context` is cancelled.
    public static func compute(
        _ dataset: Dataset, maxDimension: Int = 1, threshold: Double = .infinity, context: JobContext
    ) throws -> RipsPersistenceResult {
        try dataset.values.withUnsafeBufferPointer { points in
            try compute(points: points, rows: dataset.rows, columns: dataset.columns,
                        maxDimension: maxDimension, threshold: threshold, context: context)
        }
    }

    /// Computes the diagrams of a row-major `rows × columns` matrix of finite values.
    /// See `compute(_:maxDimension:threshold:context:)`.
    public static func compute(
        points: UnsafeBufferPointer<Double>, rows: Int, columns: Int,
        maxDimension: Int = 1, threshold: Double = .infinity, context: JobContext
    ) throws -> RipsPersistenceResult {
        precondition((0...1).contains(maxDimension), "RipsPersistence: maxDimension \(maxDimension) not in 0…1")
        precondition(threshold >= 0, "RipsPersistence: threshold \(threshold) is negative or NaN")
        guard rows <= maxPointCount else { throw RipsError.tooManyPoints(count: rows, limit: maxPointCount) }
        try context.checkCancelled()

        // 1. Distances, and the value past which nothing changes.
        let distances = try DistanceMatrix(points: points, rows: rows, columns: columns, context: context)
        let filtrationEnd = min(threshold, distances.enclosingRadius)
        let binomials = BinomialTable(vertexCount: rows)

        // 2. Edges in filtration order.
        context.report("sorting edges", 0)
        var edges = sortedEdges(distances, upTo: filtrationEnd)
        let edgeCount = edges.count
        try context.checkCancelled()

        // 3. H0 by Kruskal's algorithm; `edges` keeps only the edges outside the spanning forest.
        let h0 = try spanningForestPass(&edges, binomials: binomials, context: context)

        // 4. H1 by cohomology reduction of those edges.
        var h1 = CohomologyOutcome()
        if maxDimension >= 1 {
            let reduction = CohomologyReduction(
                distances: distances, binomials: binomials, filtrationEnd: filtrationEnd, expectedColumns: edges.count / 8)
            h1 = try reduction.reduce(columns: edges, context: context)
        }

        // 5. Diagrams.
        var diagrams = [PersistenceDiagram(
            dimension: 0,
            pairs: sortedPairs(h0.deaths.map { PersistencePair(birth: 0, death: $0) },
                               essentialBirths: [Double](repeating: 0, count: h0.componentCount)))]
        if maxDimension >= 1 {
            diagrams.append(PersistenceDiagram(dimension: 1, pairs: sortedPairs(h1.pairs, essentialBirths: h1.essentialBirths)))
        }
        return RipsPersistenceResult(
            diagrams: diagrams, enclosingRadius: distances.enclosingRadius, diameter: distances.diameter,
            threshold: threshold, filtrationEnd: filtrationEnd, vertexCount: rows, edgeCount: edgeCount,
            componentCount: h0.componentCount,
            zeroPersistenceCounts: maxDimension >= 1 ? [h0.zeroPersistenceCount, h1.zeroPersistenceCount] : [h0.zeroPersistenceCount],
            reducedColumnCount: maxDimension >= 1 ? edges.count : 0)
    }

    /// Returns the edges of diameter ≤ `end`, sorted by (diameter, index).
    // NOTE: the sort cannot be cancelled; it takes roughly 0.2 s per million edges in a release build.
    static func sortedEdges(_ distances: DistanceMatrix, upTo end: Double) -> [FiltrationEntry] {
        var edges: [FiltrationEntry] = []
        for index in 0..<distances.edgeCount where distances.storage[index] <= end {
            edges.append(FiltrationEntry(diameter: distances.storage[index], index: index))
        }
        edges.sort()
        return edges
    }

    struct SpanningForestOutcome {
        /// Finite H0 deaths (every birth is 0), nonzero only.
        var deaths: [Double] = []
        var zeroPersistenceCount = 0
        var componentCount = 0
    }

    /// Runs Kruskal's algorithm over `edges` (sorted). Each edge that joins two components
    /// kills one class born at 0 and is removed from `edges`. The others stay, in order, as the
    /// H1 columns.
    static func spanningForestPass(
        _ edges: inout [FiltrationEntry], binomials: BinomialTable, context: JobContext
    ) throws -> SpanningForestOutcome {
        var outcome = SpanningForestOutcome()
        var components = UnionFind(count: binomials.vertexCount)
        var kept = 0
        for k in 0..<edges.count {
            if k & 0xF_FFFF == 0 {
                try context.checkCancelled()
                context.report("H0 spanning forest", Double(k) / Double(edges.count))
            }
            let edge = edges[k]
            let (a, b) = binomials.edgeVertices(edge.index)
            if components.union(a, b) {
                if edge.diameter > 0 { outcome.deaths.append(edge.diameter) } else { outcome.zeroPersistenceCount += 1 }
            } else {
                edges[kept] = edge
                kept += 1
            }
        }
        edges.removeLast(edges.count - kept)
        outcome.componentCount = components.componentCount
        return outcome
    }

    /// Returns the finite pairs and the essential classes in one list sorted by (birth, death).
    static func sortedPairs(_ finite: [PersistencePair], essentialBirths: [Double]) -> [PersistencePair] {
        var pairs = finite + essentialBirths.map { PersistencePair(birth: $0, death: .infinity) }
        pairs.sort { ($0.birth, $0.death) < ($1.birth, $1.death) }
        return pairs
    }
}
