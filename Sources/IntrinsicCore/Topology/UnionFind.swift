// Disjoint sets of vertices for the H0 pass (Kruskal's algorithm over the sorted edges).

/// Disjoint-set forest over vertices 0..<n with union by rank and path halving.
struct UnionFind {
    private var parent: [Int32]
    private var rank: [UInt8]
    /// Number of disjoint sets.
    private(set) var componentCount: Int

    init(count: Int) {
        precondition(count <= Int(Int32.max), "UnionFind: \(count) elements exceed Int32")
        parent = (0..<count).map { Int32($0) }
        rank = [UInt8](repeating: 0, count: count)
        componentCount = count
    }

    /// Returns the representative of the set containing `x`.
    mutating func find(_ x: Int) -> Int {
        var x = x
        while Int(parent[x]) != x {
            let grandparent = parent[Int(parent[x])]
            parent[x] = grandparent
            x = Int(grandparent)
        }
        return x
    }

    /// Merges the sets of `x` and `y`. Returns false when they were already one set.
    mutating func union(_ x: Int, _ y: Int) -> Bool {
        var rootX = find(x)
        var rootY = find(y)
        if rootX == rootY { return false }
        if rank[rootX] < rank[rootY] { swap(&rootX, &rootY) }
        parent[rootY] = Int32(rootX)
        if rank[rootX] == rank[rootY] { rank[rootX] += 1 }
        componentCount -= 1
        return true
    }
}
