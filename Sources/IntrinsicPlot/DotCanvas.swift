// A canvas of 2 × 4 dots per cell whose dots remember which layer set them.

/// Dots drawn by layers (series, guides), encoded into Braille or ASCII cells.
///
/// Each dot stores its owner (the last layer that set it) and when it was set. A cell's
/// colour comes from the layer owning the most of its dots; ties go to the layer that set
/// a dot most recently. Layers of lower `priority` (guides such as a diagonal) colour a
/// cell only when no higher-priority layer has a dot in it.
struct DotCanvas {
    let columns: Int
    let rows: Int
    var dotColumns: Int { columns &* 2 }
    var dotRows: Int { rows &* 4 }

    /// Per dot: 0 when clear, else the owning layer + 1.
    private var owner: [UInt16]
    /// Per dot: the draw counter when the owner set it.
    private var stamp: [UInt32]
    private var clock: UInt32 = 0
    private var roles: [ColorRole] = []
    private var priorities: [UInt8] = []

    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        let dots = self.columns * 2 * self.rows * 4
        owner = Array(repeating: 0, count: dots)
        stamp = Array(repeating: 0, count: dots)
    }

    /// Adds a layer drawn in `role` and returns its index for `set`.
    mutating func addLayer(role: ColorRole, priority: UInt8 = 1) -> Int {
        precondition(roles.count < Int(UInt16.max), "DotCanvas supports at most \(UInt16.max - 1) layers")
        roles.append(role)
        priorities.append(priority)
        return roles.count - 1
    }

    /// Sets one dot; dots outside the canvas are ignored.
    mutating func set(column: Int, row: Int, layer: Int) {
        guard column >= 0, column < dotColumns, row >= 0, row < dotRows else { return }
        let index = row &* dotColumns &+ column
        clock &+= 1
        owner[index] = UInt16(truncatingIfNeeded: layer &+ 1)
        stamp[index] = clock
    }

    /// Sets the dots of a straight segment between two dots (Bresenham's line algorithm).
    mutating func line(from start: (column: Int, row: Int), to end: (column: Int, row: Int), layer: Int) {
        var x = start.column
        var y = start.row
        let dx = abs(end.column - x)
        let dy = -abs(end.row - y)
        let stepX = x < end.column ? 1 : -1
        let stepY = y < end.row ? 1 : -1
        var error = dx + dy
        while true {
            set(column: x, row: y, layer: layer)
            if x == end.column && y == end.row { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += stepX }
            if doubled <= dx { error += dx; y += stepY }
        }
    }

    /// Writes every cell holding at least one dot into `grid`, the canvas's top-left cell at
    /// (`left`, `top`); empty cells leave the grid as it was.
    func draw(into grid: inout CellGrid, left: Int, top: Int, glyphs: GlyphSet) {
        let dotWidth = dotColumns
        var cellOwners = [UInt16](repeating: 0, count: 8)
        var cellStamps = [UInt32](repeating: 0, count: 8)
        for cellY in 0..<rows {
            for cellX in 0..<columns {
                var bits: UInt8 = 0
                for dy in 0..<4 {
                    let rowStart = (cellY &* 4 &+ dy) &* dotWidth &+ cellX &* 2
                    for dx in 0..<2 {
                        let slot = dy &* 2 &+ dx
                        let who = owner[rowStart &+ dx]
                        cellOwners[slot] = who
                        cellStamps[slot] = stamp[rowStart &+ dx]
                        if who != 0 { bits |= BrailleDots.bitTable[slot] }
                    }
                }
                guard bits != 0 else { continue }
                let winner = dominantLayer(owners: cellOwners, stamps: cellStamps)
                let role = roles[winner]
                grid[left &+ cellX, top &+ cellY] = Cell(glyphs.marker(for: role) ?? glyphs.dots[Int(bits)], role: role)
            }
        }
    }

    /// Returns the layer that colours a cell: highest priority, then most dots, then latest dot.
    private func dominantLayer(owners: [UInt16], stamps: [UInt32]) -> Int {
        var best = -1
        var bestCount = 0
        var bestStamp: UInt32 = 0
        var bestPriority: UInt8 = 0
        // At most 8 dots per cell, so a quadratic tally over them is cheap.
        for slot in 0..<8 where owners[slot] != 0 {
            let layer = owners[slot]
            var count = 0
            var latest: UInt32 = 0
            for other in 0..<8 where owners[other] == layer {
                count &+= 1
                latest = max(latest, stamps[other])
            }
            let priority = priorities[Int(layer) &- 1]
            let better = priority > bestPriority
                || (priority == bestPriority && (count > bestCount || (count == bestCount && latest > bestStamp)))
            if best < 0 || better {
                best = Int(layer) &- 1
                bestCount = count
                bestStamp = latest
                bestPriority = priority
            }
        }
        return best
    }
}
