// The working column of the cohomology reduction: a sum of coboundaries over Z/2.

/// A sum of edge coboundaries over Z/2, from which the smallest entry can be taken.
///
/// Each added coboundary is stored as its own binary min-heap (a segment of `entries`), and a
/// small outer heap orders the segments by their smallest entry. Compared with one large heap,
/// adding n entries costs one O(n) heapify over contiguous memory, and a pop touches a heap of
/// one coboundary (n entries) plus the outer heap (one node per added column) instead of a heap
/// of all entries, which stays in cache. Entries past the final pivot are never sorted.
struct WorkingCoboundary {
    private struct Segment {
        /// Smallest entry left in the segment.
        var top: FiltrationEntry
        var start: Int
        var end: Int
    }

    private var entries: [FiltrationEntry] = []
    /// Min-heap of the non-empty segments by `top`.
    private var segments: [Segment] = []
    private var segmentStart = 0

    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        segments.removeAll(keepingCapacity: true)
        segmentStart = 0
    }

    /// Adds one entry to the segment under construction; `closeSegment` makes it visible.
    @inline(__always)
    mutating func append(_ entry: FiltrationEntry) {
        entries.append(entry)
    }

    /// Turns the entries appended since the last call into a segment.
    mutating func closeSegment() {
        let start = segmentStart
        let end = entries.count
        segmentStart = end
        if start == end { return }
        entries.withUnsafeMutableBufferPointer { buffer in
            let heap = buffer.baseAddress! + start
            let count = end - start
            var parent = count / 2 - 1
            while parent >= 0 {
                Self.siftDown(heap, count: count, from: parent)
                parent -= 1
            }
        }
        pushSegment(Segment(top: entries[start], start: start, end: end))
    }

    /// Adds a single entry as its own segment.
    mutating func push(_ entry: FiltrationEntry) {
        precondition(segmentStart == entries.count, "WorkingCoboundary: push while a segment is open")
        append(entry)
        closeSegment()
    }

    /// Removes and returns the smallest entry with an odd count, or nil when the sum is zero.
    mutating func popPivot() -> FiltrationEntry? {
        while let top = popMin() {
            if let next = segments.first?.top, next.index == top.index {
                _ = popMin()
                continue
            }
            return top
        }
        return nil
    }

    private mutating func popMin() -> FiltrationEntry? {
        guard var segment = segments.first else { return nil }
        let top = segment.top
        segment.end -= 1
        if segment.end == segment.start {
            let last = segments.removeLast()
            if !segments.isEmpty { replaceFirstSegment(with: last) }
            return top
        }
        entries.withUnsafeMutableBufferPointer { buffer in
            let heap = buffer.baseAddress! + segment.start
            let count = segment.end - segment.start
            heap[0] = heap[count]
            Self.siftDown(heap, count: count, from: 0)
        }
        segment.top = entries[segment.start]
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

    private mutating func pushSegment(_ segment: Segment) {
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

    private mutating func replaceFirstSegment(with segment: Segment) {
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
