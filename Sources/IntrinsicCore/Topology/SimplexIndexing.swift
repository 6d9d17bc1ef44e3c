// Combinatorial number system for edges and triangles, and the total order of the filtration.

/// Position of a simplex among all simplices of its dimension in colexicographic order.
///
/// The simplex with vertices v_k > … > v_0 has index C(v_k, k+1) + … + C(v_0, 1), so an edge
/// {a > b} is C(a, 2) + b and a triangle {a > b > c} is C(a, 3) + C(b, 2) + c. The edge index is
/// also the position of d(a, b) in `DistanceMatrix`.
typealias SimplexIndex = Int

/// A simplex in the filtration: the value at which it enters, and its index.
///
/// Entries compare by diameter, then by index. Together with "faces before cofaces at equal
/// diameter", this refines the Vietoris–Rips filtration into the total order the reduction uses.
/// The diagram with zero-persistence pairs removed does not depend on this choice; only which
/// zero-persistence pairs appear does.
struct FiltrationEntry: Comparable {
    /// Largest distance among the simplex's vertices.
    var diameter: Double
    var index: SimplexIndex

    @inline(__always)
    static func < (lhs: FiltrationEntry, rhs: FiltrationEntry) -> Bool {
        lhs.diameter < rhs.diameter || (lhs.diameter == rhs.diameter && lhs.index < rhs.index)
    }
}

/// Binomial coefficients C(x, 2) and C(x, 3) for 0 ≤ x ≤ n, kept in raw memory for the hot loops.
final class BinomialTable {
    let vertexCount: Int
    /// C(x, 2) = x(x − 1)/2, the start of row x in the compressed distance matrix.
    let choose2: UnsafeMutablePointer<Int>
    /// C(x, 3) = x(x − 1)(x − 2)/6.
    let choose3: UnsafeMutablePointer<Int>

    /// - Parameter vertexCount: n in 0…2,000,000, so that n(n − 1)(n − 2) fits in `Int`.
    init(vertexCount: Int) {
        precondition(vertexCount >= 0 && vertexCount <= 2_000_000, "BinomialTable: vertex count \(vertexCount) out of range")
        self.vertexCount = vertexCount
        choose2 = .allocate(capacity: vertexCount + 1)
        choose3 = .allocate(capacity: vertexCount + 1)
        for x in 0...vertexCount {
            choose2[x] = x * (x - 1) / 2
            choose3[x] = x * (x - 1) * (x - 2) / 6
        }
    }

    deinit {
        choose2.deallocate()
        choose3.deallocate()
    }

    /// Returns the index of edge {a, b}, a ≠ b.
    @inline(__always)
    func edgeIndex(_ a: Int, _ b: Int) -> SimplexIndex {
        a > b ? choose2[a] &+ b : choose2[b] &+ a
    }

    /// Returns the vertices (a, b), a > b, of the edge with the given index.
    @inline(__always)
    func edgeVertices(_ index: SimplexIndex) -> (a: Int, b: Int) {
        // a is the largest x with C(x, 2) ≤ index. The floating-point root is within one of
        // it, and the two loops correct the rounding.
        var a = Int((1 + (1 + 8 * Double(index)).squareRoot()) / 2)
        while a > 1 && choose2[a] > index { a -= 1 }
        while a < vertexCount && choose2[a + 1] <= index { a += 1 }
        return (a, index &- choose2[a])
    }

    /// Returns the vertices (a, b, c), a > b > c, of the triangle with the given index.
    @inline(__always)
    func triangleVertices(_ index: SimplexIndex) -> (a: Int, b: Int, c: Int) {
        // a is the largest x with C(x, 3) ≤ index: binary search, since this runs only once
        // per pivot lookup and the table is sorted.
        var low = 2
        var high = vertexCount
        while low < high {
            let middle = (low + high + 1) / 2
            if choose3[middle] <= index { low = middle } else { high = middle - 1 }
        }
        let a = low
        let (b, c) = edgeVertices(index &- choose3[a])
        return (a, b, c)
    }
}
