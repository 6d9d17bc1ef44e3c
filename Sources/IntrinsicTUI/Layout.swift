// The position of each pane for a given terminal size.

/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The area inside a one-cell border.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: max(0, width - 2), height: max(0, height - 2)) }
}

/// The pane rectangles for a terminal of `width × height`, or nil when it is too small.
///
/// The plot pane gets the right-hand side of the upper part; the left column stacks the data
/// set pane over the methods pane; the results pane spans the bottom above the status line.
public struct Layout: Equatable, Sendable {
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var dataset: Rect
    public var methods: Rect
    public var plot: Rect
    public var results: Rect
    /// The status line: the bottom row.
    public var status: Rect

    public init?(width: Int, height: Int) {
        guard width >= Layout.minimumWidth, height >= Layout.minimumHeight else { return nil }
        let statusY = height - 1
        let resultsHeight = max(6, height / 4)
        let upperHeight = statusY - resultsHeight
        // A third of the width, within 30…48 columns: enough for parameter rows, the rest for the plot.
        let leftWidth = min(48, max(30, width / 3))
        let datasetHeight = min(9, max(6, upperHeight / 3))

        dataset = Rect(x: 0, y: 0, width: leftWidth, height: datasetHeight)
        methods = Rect(x: 0, y: datasetHeight, width: leftWidth, height: upperHeight - datasetHeight)
        plot = Rect(x: leftWidth, y: 0, width: width - leftWidth, height: upperHeight)
        results = Rect(x: 0, y: upperHeight, width: width, height: resultsHeight)
        status = Rect(x: 0, y: statusY, width: width, height: 1)
    }

    public func rect(of pane: Pane) -> Rect {
        switch pane {
        case .dataset: return dataset
        case .methods: return methods
        case .plot: return plot
        case .results: return results
        }
    }
}
