// The working column of the cohomology reduction: a sum of coboundaries over Z/2.

/// A sum of edge coboundaries over Z/2, from which the smallest entry can be taken.
///
/// Each added coboundary is stored as its own binary min-heap (a segment), and a small outer
/// heap orders the segments by their smallest entry. Compared with one large heap, adding n
/// entries costs one O(n) heapify over contiguous memory, and a pop touches the heap of one
/// coboundary plus the outer heap (one node per added column), both small enough to stay in
/// cache. Entries past the final pivot are never ordered.
///
/// Segments live in blocks of `blockCapacity` entries that are kept from one column to the
/// next. A column on a few thousand points can hold tens of millions of entries, and blocks
/// avoid the copy and the doubled peak of a growing array.
final class WorkingCoboundary {
    private struct Segment {
        /// Smallest entry left in the segment.
        var top: FiltrationEntry
        var base: UnsafeMutablePointer<FiltrationEntry>
        var count: Int
    }

    /// Upper bound on the entries of one segment, set by the caller (n − 2 for edges).
    private let maxSegmentCount: Int
    private let blockCapacity: Int
    private var blocks: [UnsafeMutablePointer<FiltrationEntry>] = []
    private var blockIndex = 0
    /// Entries used in `blocks[blockIndex]`, including the open segment.
    private var blockFill = 0
    private var openCount = 0
    /// Min-heap of the non-empty segments by `top`.
    private var segments: [Segment] = []

    /// - Parameter maxSegmentCount: the most entries one segment will get.
    init(maxSegmentCount: Int) {
        self.maxSegmentCount = max(maxSegmentCount, 1)
        blockCapacity = max(1 << 20, 4 * self.maxSegmentCount)
    }

    deinit {
        for block in blocks { block.deallocate() }
    }

    func removeAll() {
        segments.removeAll(keepingCapacity: true)
        blockIndex = 0
        blockFill = 0
        openCount = 0
    }

    /// Opens a segment; `append` adds to it and `closeSegment` makes it visible.
    func openSegment() {
        precondition(openCount == 0, "WorkingCoboundary: a segment is already open")
        if blocks.isEmpty || blockFill + maxSegmentCount > blockCapacity {
            if !blocks.isEmpty { blockIndex += 1 }
            if blockIndex == blocks.count { blocks.append(.allocate(capacity: blockCapacity)) }
            blockFill = 0
        }
    }

    @inline(__always)
    func append(_ entry: FiltrationEntry) {
        blocks[blockIndex][blockFill &+ openCount] = entry
        openCount &+= 1
    }

    /// Turns the entries appended since `openSegment` into a segment.
    func closeSegment() {
        let count = openCount
        let base = blocks[blockIndex] + blockFill
        blockFill += count
        openCount = 0
        if count == 0 { return }
        var parent = count / 2 - 1
        while parent >= 0 {
            Self.siftDown(base, count: count, from: parent)
            parent -= 1
        }
        pushSegment(Segment(top: base[0], base: base, count: count))
    }

    /// Adds a single entry as its own segment.
    func push(_ entry: FiltrationEntry) {
        openSegment()
        append(entry)
        closeSegment()
    }

    /// Removes and returns the smallest entry with an odd count, or nil when the sum is zero.
    /// - Throws: `CancellationError` when `context` is cancelled. A long-lived class can leave
    ///   hundreds of millions of entries that cancel in pairs, so one call may run for seconds
    ///   and checks the flag every 65536 cancelled pairs.
    func popPivot(context: JobContext) throws -> FiltrationEntry? {
        var cancelledPairs = 0
        while let top = popMin() {
            if let next = segments.first?.top, next.index == top.index {
                _ = popMin()
                cancelledPairs &+= 1
                if cancelledPairs & 0xFFFF == 0 { try context.checkCancelled() }
                continue
            }
            return top
        }
        return nil
    }

    private func popMin() -> FiltrationEntry? {
        guard var segment = segments.first else { return nil }
        let top = segment.top
        segment.count -= 1
        if segment.count == 0 {
            let last = segments.removeLast()
            if !segments.isEmpty { replaceFirstSegment(with: last) }
            return top
        }
        segment.base[0] = segment.base[segment.count]
        Self.siftDown(segment.base, count: segment.count, from: 0)
        segment.top = segment.base[0]
        replaceFirstSegment(with: segment)
        return top
    }

    @inline(__always)
    private static func siftDown(_ heap: UnsafeMutablePointer<FiltrationEntry>, count: Int, from start: Int) {
        let moving = heap[start]
        var parent = start
        while true {
            var child = 2 &* parent &+ 1
            if child >= count { break }
            if child &+ 1 < count && heap[child &+ 1] < heap[child] { child &+= 1 }
            if !(heap[child] < moving) { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = moving
    }

    private func pushSegment(_ segment: Segment) {
        segments.append(segment)
        var child = segments.count - 1
        while child > 0 {
            let parent = (child - 1) >> 1
            if !(segment.top < segments[parent].top) { break }
            segments[child] = segments[parent]
            child = parent
        }
        segments[child] = segment
    }

    private func replaceFirstSegment(with segment: Segment) {
        let count = segments.count
        var parent = 0
        while true {
            var child = 2 * parent + 1
            if child >= count { break }
            if child + 1 < count && segments[child + 1].top < segments[child].top { child += 1 }
            if !(segments[child].top < segment.top) { break }
            segments[parent] = segments[child]
            parent = child
        }
        segments[parent] = segment
    }
}
