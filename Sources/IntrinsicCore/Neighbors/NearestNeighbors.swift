// Exact k-nearest-neighbour search (Euclidean), blocked over rows, with dgemm pre-selection.
//
// Goals, in order. The neighbour lists are exact under the rule "sort by (distance, index)".
// Every returned distance comes from the direct formula sqrt(Σ (xᵢ − yᵢ)²), so it agrees to
// rounding with other tools that use that formula. Memory stays O(block · n). Speed comes
// from dgemm.

import COpenBLAS

/// The k nearest neighbours of every point, self excluded.
public struct NeighborTable: Sendable, Equatable {
    /// Number of points.
    public var rows: Int
    /// Neighbours per point.
    public var k: Int
    /// `rows × k`, row-major: distances in ascending order. Duplicate points give exact zeros.
    public var distances: [Double]
    /// `rows × k`, row-major: 0-based indices of the neighbours, ordered with `distances`;
    /// equal distances are ordered by index.
    public var indices: [Int]

    /// Returns the distance from point `i` to its `j`-th neighbour (`j` is 0-based).
    @inlinable public func distance(_ i: Int, _ j: Int) -> Double { distances[i * k + j] }
    /// Returns the index of the `j`-th neighbour of point `i` (`j` is 0-based).
    @inlinable public func index(_ i: Int, _ j: Int) -> Int { indices[i * k + j] }
}

/// Exact Euclidean k-nearest-neighbour search.
///
/// 1. The points are centred (a copy) so that their squared norms, and so the rounding error
///    of the next step, are as small as translation allows.
/// 2. For a block of rows, dgemm gives approximate squared distances ‖x‖² + ‖y‖² − 2xᵀy
///    to all points.
/// 3. Per row, the `k + margin` smallest approximations are kept and their distances
///    recomputed exactly. The k-th of them bounds the true k-th distance from above.
/// 4. Every other point whose approximation is within the rounding bound of that k-th value
///    is recomputed exactly too, so cancellation in step 2 cannot drop a true neighbour.
/// 5. The exact candidates are sorted by (distance, index) and the first k kept.
public enum NearestNeighbors {
    /// Extra candidates beyond k recomputed exactly in step 3.
    static let margin = 8

    /// Finds the `k` nearest neighbours of every row of `points`.
    /// - Parameters:
    ///   - points: `n × d` row-major coordinates, finite.
    ///   - k: neighbours per point, `1…n − 1`.
    ///   - context: receives progress under `stage` and is checked for cancellation between blocks.
    ///   - stage: progress label.
    ///   - progress: the part of the job's 0…1 progress this search covers, so a method that
    ///     does more work afterwards can keep its fraction increasing.
    /// - Returns: sorted distances and indices, `n × k` each.
    /// - Throws: `CancellationError` when the job is cancelled.
    /// - Complexity: O(n² d) time through dgemm, O(n · min(n, 1024)) extra memory.
    public static func search(_ points: Matrix, k: Int, context: JobContext,
                              stage: String = "finding neighbours",
                              progress: ClosedRange<Double> = 0...1) throws -> NeighborTable {
        try search(points, k: k, context: context, stage: stage, progress: progress, blockRows: nil)
    }

    /// Runs `search` with the block height fixed by the caller (tests use it to cross blocks).
    static func search(_ points: Matrix, k: Int, context: JobContext, stage: String,
                       progress: ClosedRange<Double> = 0...1,
                       blockRows requestedBlockRows: Int?) throws -> NeighborTable {
        let n = points.rows, d = points.columns
        precondition(k >= 1 && k < n, "NearestNeighbors.search: k = \(k) needs 1 ≤ k < n = \(n)")
        try context.checkCancelled()
        context.report(stage, progress.lowerBound)

        var centred = points
        centred.subtractFromColumns(points.columnMeans())
        let norms = squaredRowNorms(centred)
        // |computed − true| of ‖x‖² + ‖y‖² − 2xᵀy is at most about (2d + 6)·ε·(‖x‖² + ‖y‖²) for
        // any summation order; the factor 4(d + 4) doubles that for safety.
        let errorFactor = 4.0 * Double(d + 4) * Double.ulpOfOne
        // At most 4 Mi doubles (32 MB) of inner products per block for n up to 262,144; beyond
        // that 16 rows, so memory grows as 16 n.
        let blockRows = requestedBlockRows ?? max(16, min(1024, 4_194_304 / n))
        let candidates = min(n - 1, k + margin)

        var distances = [Double](repeating: 0, count: n * k)
        var indices = [Int](repeating: 0, count: n * k)
        var gram = [Double](repeating: 0, count: blockRows * n)
        var selector = RowSelector(n: n, capacity: candidates)

        var start = 0
        while start < n {
            let count = min(blockRows, n - start)
            blockInnerProducts(centred, start: start, count: count, into: &gram)
            for r in 0..<count {
                let i = start + r
                selector.select(row: i, gramRow: gram, offset: r * n, norms: norms, points: points,
                                errorFactor: errorFactor, k: k)
                for j in 0..<k {
                    distances[i * k + j] = selector.result[j].distance
                    indices[i * k + j] = selector.result[j].index
                }
            }
            start += count
            try context.checkCancelled()
            let done = Double(start) / Double(n)
            context.report(stage, progress.lowerBound + done * (progress.upperBound - progress.lowerBound))
        }
        return NeighborTable(rows: n, k: k, distances: distances, indices: indices)
    }

    /// Returns the exact Euclidean distance between rows `i` and `j`: sqrt(Σ (xᵢ − yᵢ)²),
    /// summed in column order.
    @inline(__always)
    static func directDistance(_ x: UnsafeBufferPointer<Double>, _ i: Int, _ j: Int, _ d: Int) -> (squared: Double, distance: Double) {
        var sum = 0.0
        let a = i &* d, b = j &* d
        for c in 0..<d {
            let diff = x[a &+ c] - x[b &+ c]
            sum += diff * diff
        }
        return (sum, sum.squareRoot())
    }

    static func squaredRowNorms(_ x: Matrix) -> [Double] {
        var norms = [Double](repeating: 0, count: x.rows)
        x.values.withUnsafeBufferPointer { p in
            for i in 0..<x.rows {
                var s = 0.0
                let base = i &* x.columns
                for c in 0..<x.columns { s += p[base &+ c] * p[base &+ c] }
                norms[i] = s
            }
        }
        return norms
    }

    /// Writes the `count × n` inner products of rows `start ..< start + count` with all rows.
    static func blockInnerProducts(_ x: Matrix, start: Int, count: Int, into gram: inout [Double]) {
        let n = x.rows, d = x.columns
        guard d > 0 else {
            for t in 0..<(count * n) { gram[t] = 0 }
            return
        }
        x.values.withUnsafeBufferPointer { p in
            gram.withUnsafeMutableBufferPointer { g in
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasInt(count), blasInt(n), blasInt(d),
                            1.0, p.baseAddress! + start * d, blasInt(d), p.baseAddress, blasInt(d),
                            0.0, g.baseAddress, blasInt(n))
            }
        }
    }
}

/// One exactly measured neighbour candidate.
struct Candidate {
    var squared: Double
    var distance: Double
    var index: Int
}

/// Per-row candidate selection with reusable buffers (steps 3–5 of `NearestNeighbors`).
struct RowSelector {
    let n: Int
    let capacity: Int
    /// Max-heap on (approximate squared distance, index) of the best `capacity` so far.
    var heapKeys: [Double]
    var heapIndices: [Int]
    /// `stamp[j] == row + 1` marks j as already measured for this row.
    var stamp: [Int]
    var exact: [Candidate] = []
    var result: [Candidate] = []

    init(n: Int, capacity: Int) {
        self.n = n
        self.capacity = capacity
        heapKeys = [Double](repeating: 0, count: capacity)
        heapIndices = [Int](repeating: 0, count: capacity)
        stamp = [Int](repeating: 0, count: n)
        exact.reserveCapacity(capacity * 2)
    }

    mutating func select(row i: Int, gramRow gram: [Double], offset: Int, norms: [Double], points: Matrix,
                         errorFactor: Double, k: Int) {
        let d = points.columns
        let ni = norms[i]

        // Step 3: the `capacity` smallest approximate squared distances, j ≠ i.
        var size = 0
        gram.withUnsafeBufferPointer { g in
            for j in 0..<n where j != i {
                let approx = ni + norms[j] - 2 * g[offset &+ j]
                if size < capacity {
                    heapPush(approx, j, &size)
                } else if approx < heapKeys[0] || (approx == heapKeys[0] && j < heapIndices[0]) {
                    heapReplaceTop(approx, j, size)
                }
            }
        }

        exact.removeAll(keepingCapacity: true)
        points.values.withUnsafeBufferPointer { x in
            for t in 0..<size {
                let j = heapIndices[t]
                stamp[j] = i + 1
                let m = NearestNeighbors.directDistance(x, i, j, d)
                exact.append(Candidate(squared: m.squared, distance: m.distance, index: j))
            }
        }
        exact.sort(by: RowSelector.precedes)

        // Step 4: anything that could beat the current k-th exact distance gets measured too.
        let kth = exact[k - 1].squared
        let bound = kth * (1 + errorFactor)
        gram.withUnsafeBufferPointer { g in
            points.values.withUnsafeBufferPointer { x in
                for j in 0..<n where j != i && stamp[j] != i + 1 {
                    let approx = ni + norms[j] - 2 * g[offset &+ j]
                    if approx - errorFactor * (ni + norms[j]) <= bound {
                        let m = NearestNeighbors.directDistance(x, i, j, d)
                        exact.append(Candidate(squared: m.squared, distance: m.distance, index: j))
                    }
                }
            }
        }

        // Step 5: (distance, index) order. The distance, not its square, decides, because two
        // different squares can round to the same square root and then the index must decide.
        exact.sort(by: RowSelector.precedes)
        result.removeAll(keepingCapacity: true)
        result.append(contentsOf: exact[0..<k])
    }

    static func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.distance != b.distance { return a.distance < b.distance }
        return a.index < b.index
    }

    // A binary max-heap ordered by (key, index), so the worst candidate sits on top.
    @inline(__always) private func above(_ a: Int, _ b: Int) -> Bool {
        heapKeys[a] > heapKeys[b] || (heapKeys[a] == heapKeys[b] && heapIndices[a] > heapIndices[b])
    }

    private mutating func swapAt(_ a: Int, _ b: Int) {
        heapKeys.swapAt(a, b)
        heapIndices.swapAt(a, b)
    }

    private mutating func heapPush(_ key: Double, _ index: Int, _ size: inout Int) {
        var c = size
        heapKeys[c] = key
        heapIndices[c] = index
        size += 1
        while c > 0 {
            let p = (c - 1) / 2
            guard above(c, p) else { break }
            swapAt(c, p)
            c = p
        }
    }

    private mutating func heapReplaceTop(_ key: Double, _ index: Int, _ size: Int) {
        heapKeys[0] = key
        heapIndices[0] = index
        var p = 0
        while true {
            let l = 2 * p + 1, r = l + 1
            var top = p
            if l < size && above(l, top) { top = l }
            if r < size && above(r, top) { top = r }
            if top == p { break }
            swapAt(p, top)
            p = top
        }
    }
}
