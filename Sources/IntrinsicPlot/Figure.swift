// The data a plot draws, independent of where it comes from.

/// Points of a 2-D scatter plot, with optional categories for colour and legend.
public struct ScatterData: Sendable, Equatable {
    public var x: [Double]
    public var y: [Double]
    /// One category per point (labels or clusters); nil draws one colour.
    public var categories: [String]?
    public var xTitle: String
    public var yTitle: String
    /// Plot title above the plot; empty for none.
    public var title: String

    /// - Parameter categories: one label per point; a list of another length is ignored
    ///   and the points are drawn in one colour.
    public init(x: [Double], y: [Double], categories: [String]? = nil, xTitle: String = "", yTitle: String = "", title: String = "") {
        precondition(x.count == y.count, "ScatterData: \(x.count) x values and \(y.count) y values")
        self.x = x
        self.y = y
        self.categories = categories
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.title = title
    }
}

/// A descending spectrum such as explained variances.
public struct SpectrumData: Sendable, Equatable {
    public var values: [Double]
    /// Title of the value axis.
    public var quantity: String
    /// Cumulative fractions (0…1) to overlay, or nil.
    public var cumulative: [Double]?
    /// Plot title above the plot; empty for none.
    public var title: String

    public init(values: [Double], quantity: String, cumulative: [Double]? = nil, title: String = "") {
        self.values = values
        self.quantity = quantity
        self.cumulative = cumulative
        self.title = title
    }
}

/// Birth–death pairs by homology dimension; a death of `.infinity` is an essential class.
public struct DiagramData: Sendable, Equatable {
    public var dimensions: [Int]
    public var pairs: [[(birth: Double, death: Double)]]
    /// Plot title above the plot; empty for none.
    public var title: String

    public init(dimensions: [Int], pairs: [[(birth: Double, death: Double)]], title: String = "") {
        precondition(dimensions.count == pairs.count, "DiagramData: \(dimensions.count) dimensions, \(pairs.count) pair lists")
        self.dimensions = dimensions
        self.pairs = pairs
        self.title = title
    }

    public static func == (a: DiagramData, b: DiagramData) -> Bool {
        a.dimensions == b.dimensions && a.title == b.title && a.pairs.count == b.pairs.count
            && zip(a.pairs, b.pairs).allSatisfy { p, q in
                p.count == q.count && zip(p, q).allSatisfy { $0.birth == $1.birth && $0.death == $1.death }
            }
    }
}

/// Values to bin into a histogram.
public struct HistogramData: Sendable, Equatable {
    public var values: [Double]
    public var title: String
    /// A value to mark with a vertical line, such as the global estimate.
    public var marker: Double?

    public init(values: [Double], title: String, marker: Double? = nil) {
        self.values = values
        self.title = title
        self.marker = marker
    }
}

/// One plot, ready to render at any size.
public enum Figure: Sendable, Equatable {
    case scatter(ScatterData)
    case spectrum(SpectrumData)
    case persistenceDiagram(DiagramData)
    case barcode(DiagramData)
    case histogram(HistogramData)

    /// A short name for the view switcher: "scatter", "spectrum", "diagram", "barcode", "histogram".
    public var kind: String {
        switch self {
        case .scatter: return "scatter"
        case .spectrum: return "spectrum"
        case .persistenceDiagram: return "diagram"
        case .barcode: return "barcode"
        case .histogram: return "histogram"
        }
    }
}

/// How to draw: glyph set and plot variants.
public struct RenderStyle: Sendable, Equatable {
    /// Braille and box-drawing characters when true; ASCII only when false (no UTF-8).
    public var unicode: Bool
    /// Scatter: shade cells by point count instead of drawing dots.
    public var density: Bool
    /// Spectrum: logarithmic value axis.
    public var logScale: Bool
    /// Spectrum: bars when true, a line when false.
    public var bars: Bool

    public init(unicode: Bool = true, density: Bool = false, logScale: Bool = false, bars: Bool = true) {
        self.unicode = unicode
        self.density = density
        self.logScale = logScale
        self.bars = bars
    }
}

extension Figure {
    /// Renders the figure onto a `width × height` grid (axes, ticks, titles and legend included).
    ///
    /// Grids narrower than 20 or lower than 5 cells get a one-line "plot too small" message.
    /// Data with nothing to draw gets a centred message such as "no points".
    public func render(width: Int, height: Int, style: RenderStyle = RenderStyle()) -> CellGrid {
        let safeWidth = max(0, width)
        let safeHeight = max(0, height)
        guard safeWidth >= PlotMessage.minimumWidth, safeHeight >= PlotMessage.minimumHeight else {
            return PlotMessage.tooSmall(width: safeWidth, height: safeHeight, glyphs: GlyphSet.forStyle(style))
        }
        switch self {
        case .scatter(let data):
            return ScatterPlot(data: data, style: style).render(width: safeWidth, height: safeHeight)
        case .spectrum(let data):
            return SpectrumPlot(data: data, style: style).render(width: safeWidth, height: safeHeight)
        case .persistenceDiagram(let data):
            return DiagramPlot(data: data, style: style).render(width: safeWidth, height: safeHeight)
        case .barcode(let data):
            return BarcodePlot(data: data, style: style).render(width: safeWidth, height: safeHeight)
        case .histogram(let data):
            return HistogramPlot(data: data, style: style).render(width: safeWidth, height: safeHeight)
        }
    }
}
