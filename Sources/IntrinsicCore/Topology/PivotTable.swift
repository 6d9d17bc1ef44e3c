// Hash map from a pivot triangle to the reduced column that owns it.

/// Open-addressing hash map from a non-negative `SimplexIndex` to an `Int`, with linear probing.
///
/// The cohomology reduction inserts one key per column it pairs outside apparent pairs and
/// never removes one, so the table needs no deletion markers.
struct PivotTable {
    private var keys: [Int]
    private var values: [Int]
    private var mask: Int
    private(set) var count = 0

    private static let emptyKey = -1

    init(expectedCount: Int) {
        var capacity = 16
        while capacity < 2 * expectedCount { capacity <<= 1 }
        keys = [Int](repeating: Self.emptyKey, count: capacity)
        values = [Int](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private func slot(for key: Int) -> Int {
        // Fibonacci hashing: triangle indices of nearby columns are close together, and the
        // multiplication spreads them over the table.
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Returns the value stored for `key`, or nil.
    func value(for key: Int) -> Int? {
        var position = slot(for: key)
        while true {
            let stored = keys[position]
            if stored == key { return values[position] }
            if stored == Self.emptyKey { return nil }
            position = (position &+ 1) & mask
        }
    }

    /// Stores `value` for a `key` that is not in the table yet.
    mutating func insert(_ key: Int, _ value: Int) {
        precondition(key >= 0, "PivotTable: negative key \(key)")
        if 2 * (count + 1) > keys.count { grow() }
        var position = slot(for: key)
        while keys[position] != Self.emptyKey {
            precondition(keys[position] != key, "PivotTable: key \(key) inserted twice")
            position = (position &+ 1) & mask
        }
        keys[position] = key
        values[position] = value
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [Int](repeating: Self.emptyKey, count: oldKeys.count * 2)
        values = [Int](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != Self.emptyKey {
            insert(key, value)
        }
    }
}
