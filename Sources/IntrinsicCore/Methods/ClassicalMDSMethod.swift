// Classical (Torgerson) multidimensional scaling.

/// Classical (Torgerson–Gower) MDS of the Euclidean distances between rows.
///
/// 1. B = −½ J D⁽²⁾ J, with D⁽²⁾ the squared distances and J = I − 11ᵀ/n. For Euclidean
///    distances B equals the Gram matrix Xc Xcᵀ of the centred rows (Gower 1966), so B is
///    formed with one dsyrk on the centred data. That is the same matrix without n² square
///    roots and without the cancellation of double-centring large squared distances.
/// 2. The largest eigenpairs of B come from dsyevr (index range "I").
/// 3. Coordinates are vⱼ · sqrt(λⱼ). An eigenvalue at or below n · ε · λ₁ is zero up to
///    rounding, because the data has lower rank than `dimensions`. Its coordinate is set to 0
///    with a warning.
///
/// B takes n² doubles, so runs with more than `maximumRows` points are rejected. On Euclidean
/// data the result equals the PCA projection up to column signs, and `pca` has no such limit.
///
/// JSON `results`: `embedding` (n × dimensions), `eigenvalues` (the largest
/// max(dimensions, min(n, 20)), descending, as computed).
public struct ClassicalMDSMethod: AnalysisMethod {
    /// Largest accepted number of points: B then takes 800 MB.
    public static let maximumRows = 10_000
    /// Eigenvalues listed in the spectrum, at most.
    static let spectrumLength = 20

    public init() {}
    public let name = "mds"
    public let summary = "Classical (Torgerson) MDS of Euclidean distances to 2-D"
    public let parameters: [ParameterSpec] = [
        ParameterSpec("dimensions", .integer(1...Int.max), default: .integer(2), help: "output dimensions"),
    ]

    public func run(on dataset: Dataset, parameters: ParameterSet, context: JobContext) throws -> MethodResult {
        let dimensions = parameters.integer("dimensions")
        let n = dataset.rows
        guard n >= 2 else { throw MethodError(method: name, "needs at least 2 points; the data set has \(n)") }
        guard n <= Self.maximumRows else {
            throw MethodError(method: name, "\(n) points exceed the limit of \(Self.maximumRows) for the dense n × n matrix (\(Self.maximumRows * Self.maximumRows * 8 / 1_000_000) MB at the limit); classical MDS of Euclidean distances equals PCA, so run pca instead, or sample the rows")
        }
        guard dimensions <= n else {
            throw MethodError(method: name, "dimensions = \(dimensions) exceeds the number of points \(n); choose dimensions ≤ \(n)")
        }
        try context.checkCancelled()

        context.report("double-centring", 0)
        let b = doubleCentredGram(Matrix(dataset))
        try context.checkCancelled()

        context.report("eigendecomposition", 0.2)
        // NOTE: dsyevr is one uninterruptible call, so cancellation waits for it. It took 0.42 s
        // at n = 1797 in a release build; O(n³) scaling puts n = 10,000 near a minute (estimate).
        let count = max(dimensions, min(n, Self.spectrumLength))
        let eigen = try LinearAlgebra.symmetricEigen(b, largest: count)
        try context.checkCancelled()

        context.report("coordinates", 0.95)
        let coordinates = embed(eigen, rows: n, dimensions: dimensions, context: context)
        context.report("done", 1)

        let embedding = Embedding(rows: n, dimensions: dimensions, coordinates: coordinates,
                                  axisNames: (1...dimensions).map { "MDS\($0)" })
        let json = JSONValue.object([
            ("embedding", embedding.json),
            ("eigenvalues", .numbers(eigen.values)),
        ])
        let spectrum = Spectrum(quantity: "eigenvalue", values: eigen.values.map { max($0, 0) })
        return MethodResult(artifacts: [.embedding(embedding), .spectrum(spectrum)], json: json,
                            warnings: context.warnings)
    }

    /// Returns B = −½ J D⁽²⁾ J for Euclidean D, computed as Xc Xcᵀ (n × n).
    func doubleCentredGram(_ x: Matrix) -> Matrix {
        var centred = x
        centred.subtractFromColumns(x.columnMeans())
        return centred.gramOfRows()
    }

    /// Returns the n × dimensions coordinates v · sqrt(λ), with 0 for rounding-level eigenvalues.
    func embed(_ eigen: SymmetricEigen, rows n: Int, dimensions: Int, context: JobContext) -> [Double] {
        let largest = max(eigen.values[0], 0)
        let zeroLevel = Double(n) * Double.ulpOfOne * largest
        var coordinates = [Double](repeating: 0, count: n * dimensions)
        for j in 0..<dimensions {
            let lambda = eigen.values[j]
            guard lambda > zeroLevel else {
                context.warn("eigenvalue \(j + 1) is \(lambda), zero or negative up to rounding (the data has rank below \(dimensions)); coordinate MDS\(j + 1) is set to 0")
                continue
            }
            let root = lambda.squareRoot()
            for i in 0..<n { coordinates[i * dimensions + j] = eigen.vectors[j, i] * root }
        }
        return coordinates
    }
}
