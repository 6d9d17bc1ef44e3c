// Euclidean distances between all pairs of points, stored as the strict lower triangle.

/// Pairwise Euclidean distances of n points, d(i, j) for i > j at position C(i, 2) + j.
///
/// That position is also the index of the edge {i, j} in the combinatorial number system, so
/// an edge's index locates its length. Each distance is the square root of the sum of squared
/// coordinate differences, summed in column order in double precision: the direct formula the
/// reference diagrams were computed with (a Gram-matrix shortcut would lose digits on ties).
final class DistanceMatrix {
    let pointCount: Int
    /// n(n − 1)/2 distances.
    let storage: UnsafeMutablePointer<Double>
    /// Smallest over points of the largest distance to another point; 0 for fewer than 2 points.
    /// At this value the complex is a cone over the point that attains it, so nothing changes later.
    let enclosingRadius: Double
    /// Largest distance between two points; 0 for fewer than 2 points.
    let diameter: Double

    var edgeCount: Int { pointCount * (pointCount - 1) / 2 }

    /// Computes all distances between the rows of a row-major `rows × columns` matrix.
    /// - Throws: `RipsError.distanceOverflow` when a distance is not finite (coordinates near
    ///   the largest Double), `CancellationError` when `context` is cancelled.
    init(points: UnsafeBufferPointer<Double>, rows: Int, columns: Int, context: JobContext) throws {
        precondition(points.count == rows * columns, "DistanceMatrix: \(points.count) values for \(rows) × \(columns)")
        pointCount = rows
        let count = max(rows * (rows - 1) / 2, 0)
        storage = .allocate(capacity: max(count, 1))

        var rowMaximum = [Double](repeating: 0, count: rows)
        var diameter = 0.0
        // Check for cancellation about every 2²² multiply-adds: a few milliseconds.
        let rowsPerCheck = max(1, (1 << 22) / max(1, rows * max(columns, 1)))
        do {
            for i in 1..<max(rows, 1) {
                if i % rowsPerCheck == 0 {
                    try context.checkCancelled()
                    context.report("distances", Double(i * i) / Double(rows * rows))
                }
                let rowI = points.baseAddress! + i * columns
                let out = storage + i * (i - 1) / 2
                var largestInRow = 0.0
                for j in 0..<i {
                    let rowJ = points.baseAddress! + j * columns
                    var sum = 0.0
                    for k in 0..<columns {
                        let difference = rowI[k] - rowJ[k]
                        sum += difference * difference
                    }
                    let distance = sum.squareRoot()
                    guard distance.isFinite else { throw RipsError.distanceOverflow(row: i, otherRow: j) }
                    out[j] = distance
                    largestInRow = max(largestInRow, distance)
                    if distance > rowMaximum[j] { rowMaximum[j] = distance }
                }
                rowMaximum[i] = max(rowMaximum[i], largestInRow)
                diameter = max(diameter, largestInRow)
            }
        } catch {
            storage.deallocate()
            throw error
        }
        self.diameter = diameter
        enclosingRadius = rows < 2 ? 0 : rowMaximum.min()!
    }

    deinit { storage.deallocate() }

    /// Returns d(i, j) for i ≠ j.
    @inline(__always)
    func distance(_ i: Int, _ j: Int) -> Double {
        i > j ? storage[i &* (i &- 1) / 2 &+ j] : storage[j &* (j &- 1) / 2 &+ i]
    }
}
