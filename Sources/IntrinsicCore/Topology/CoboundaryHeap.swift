// Min-heap of filtration entries that holds a working coboundary column over Z/2.

/// Binary min-heap of `FiltrationEntry` in which equal entries cancel in pairs (Z/2 sums).
///
/// A working column is the sum of several coboundaries, pushed entry by entry without merging.
/// `popPivot` drops entries that occur an even number of times, so the top it returns is the
/// true smallest entry of the sum.
struct CoboundaryHeap {
    private var entries: [FiltrationEntry] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

    mutating func push(_ entry: FiltrationEntry) {
        entries.append(entry)
        entries.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
                if !(entry < heap[parent]) { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = entry
        }
    }

    private mutating func popMin() -> FiltrationEntry? {
        guard let last = entries.popLast() else { return nil }
        if entries.isEmpty { return last }
        let top = entries[0]
        entries.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var parent = 0
            while true {
                var child = 2 * parent + 1
                if child >= count { break }
                if child + 1 < count && heap[child + 1] < heap[child] { child += 1 }
                if !(heap[child] < last) { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = last
        }
        return top
    }

    /// Removes and returns the smallest entry with an odd count, or nil when the column is zero.
    mutating func popPivot() -> FiltrationEntry? {
        while let top = popMin() {
            if let next = entries.first, next.index == top.index {
                _ = popMin()
                continue
            }
            return top
        }
        return nil
    }
}
