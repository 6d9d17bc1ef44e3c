// The output of a method: typed artifacts for plots, plus the JSON `results` object.

/// A set of points in a low-dimensional space, one row per input row.
public struct Embedding: Sendable, Equatable {
    public var rows: Int
    public var dimensions: Int
    /// `rows × dimensions`, row-major.
    public var coordinates: [Double]
    /// Axis titles, such as "PC1" or "MDS 1".
    public var axisNames: [String]

    public init(rows: Int, dimensions: Int, coordinates: [Double], axisNames: [String]) {
        precondition(coordinates.count == rows * dimensions, "Embedding: \(coordinates.count) values for \(rows) × \(dimensions)")
        self.rows = rows
        self.dimensions = dimensions
        self.coordinates = coordinates
        self.axisNames = axisNames
    }
}

/// A descending list of non-negative values, such as eigenvalues or explained variances.
public struct Spectrum: Sendable, Equatable {
    /// Name of the quantity, for axis titles: "explained variance", "eigenvalue".
    public var quantity: String
    public var values: [Double]
    /// Each value over the sum of all values, when that sum is meaningful.
    public var ratios: [Double]?

    public init(quantity: String, values: [Double], ratios: [Double]? = nil) {
        self.quantity = quantity
        self.values = values
        self.ratios = ratios
    }
}

/// One finite or essential interval of a persistence diagram.
public struct PersistencePair: Sendable, Equatable {
    public var birth: Double
    /// `Double.infinity` for an essential class.
    public var death: Double
    public init(birth: Double, death: Double) {
        self.birth = birth
        self.death = death
    }
    public var persistence: Double { death - birth }
}

/// The persistence pairs of one homology dimension.
public struct PersistenceDiagram: Sendable, Equatable {
    public var dimension: Int
    public var pairs: [PersistencePair]
    public init(dimension: Int, pairs: [PersistencePair]) {
        self.dimension = dimension
        self.pairs = pairs
    }
}

/// A scalar estimate, with the per-point values it was combined from when there are any.
public struct Estimate: Sendable, Equatable {
    /// JSON key of the value, such as "dimension".
    public var name: String
    public var value: Double
    /// Per-point values (local estimates), for a histogram.
    public var pointwise: [Double]?
    public var pointwiseName: String?

    public init(name: String, value: Double, pointwise: [Double]? = nil, pointwiseName: String? = nil) {
        self.name = name
        self.value = value
        self.pointwise = pointwise
        self.pointwiseName = pointwiseName
    }
}

/// One piece of a method's output. Plots are drawn from artifacts, never from JSON.
public enum Artifact: Sendable, Equatable {
    case embedding(Embedding)
    case spectrum(Spectrum)
    case diagrams([PersistenceDiagram])
    case estimate(Estimate)
}

/// The outcome of one successful run.
public struct MethodResult: Sendable {
    /// Artifacts in the order their plots should be offered; the first is the default view.
    public var artifacts: [Artifact]
    /// The `results` object of the JSON output, with the keys each method documents.
    public var json: JSONValue
    /// Degraded-but-usable notes, such as "skipped 2 points with a duplicate".
    public var warnings: [String]

    public init(artifacts: [Artifact], json: JSONValue, warnings: [String] = []) {
        self.artifacts = artifacts
        self.json = json
        self.warnings = warnings
    }
}

extension PersistenceDiagram {
    /// `{"dimension": k, "pairs": [[birth, death], …]}` with `null` for an infinite death.
    public var json: JSONValue {
        .object([
            ("dimension", .number(Double(dimension))),
            ("pairs", .array(pairs.map { .array([.number($0.birth), $0.death.isFinite ? .number($0.death) : .null]) })),
        ])
    }
}

extension Embedding {
    public var json: JSONValue { .matrix(coordinates, rows: rows, columns: dimensions) }
}
