// Principal component analysis: explained-variance spectrum and 2-D projection.

/// Principal component analysis, as scikit-learn's `PCA` with the full solver computes it.
///
/// Explained variances are the eigenvalues of the sample covariance Xcᵀ Xc / (n − 1), largest
/// first, all min(n, d) of them. The route depends on the shape:
/// - n ≥ d: form the d × d covariance with dsyrk and decompose it with dsyevr;
/// - n < d: take the SVD of the n × d centred data with dgesdd; variances are s² / (n − 1).
/// Components follow the sign rule of `LinearAlgebra` (largest-magnitude entry positive), and
/// the embedding is the prepared data projected on the first `dimensions` components.
///
/// Parameters:
/// - `dimensions` (default 2): components in the projection, at most min(n, d).
/// - `center` (default true): subtract column means. With `center=false` the "variances" are
///   uncentred second moments Xᵀ X / (n − 1), as in R's `prcomp(center = FALSE)`.
/// - `scale` (default false): divide each column by its standard deviation (n − 1), or by its
///   root mean square sqrt(Σx² / (n − 1)) when `center=false`, so the variances sum to d. A
///   column whose divisor is 0 (constant) is left unscaled with a warning that names it. It
///   then contributes zero variance, so the sum is d minus the number of such columns.
///
/// JSON `results`: `explained_variance`, `explained_variance_ratio` (all components),
/// `embedding` (n × dimensions), `components` (dimensions × d).
public struct PCAMethod: AnalysisMethod {
    public init() {}
    public let name = "pca"
    public let summary = "Principal components: explained-variance spectrum and 2-D projection (LAPACK)"
    public let parameters: [ParameterSpec] = [
        ParameterSpec("dimensions", .integer(1...Int.max), default: .integer(2), help: "number of components in the projection"),
        ParameterSpec("center", .boolean, default: .boolean(true), help: "subtract each column's mean first"),
        ParameterSpec("scale", .boolean, default: .boolean(false), help: "divide each column by its standard deviation (n − 1)"),
    ]

    public func run(on dataset: Dataset, parameters: ParameterSet, context: JobContext) throws -> MethodResult {
        let dimensions = parameters.integer("dimensions")
        let n = dataset.rows, d = dataset.columns
        guard n >= 2 else {
            throw MethodError(method: name, "needs at least 2 rows for a covariance (n − 1 > 0); the data set has \(n)")
        }
        guard d >= 1 else { throw MethodError(method: name, "the data set has no columns") }
        guard dimensions <= min(n, d) else {
            throw MethodError(method: name, "dimensions = \(dimensions) exceeds min(rows, columns) = min(\(n), \(d)) = \(min(n, d)); choose dimensions ≤ \(min(n, d))")
        }
        try context.checkCancelled()
        context.report("preparing data", 0)

        let prepared = try prepare(dataset, center: parameters.boolean("center"),
                                   scale: parameters.boolean("scale"), context: context)

        context.report("decomposing", 0.2)
        let (variances, components) = try decompose(prepared, dimensions: dimensions)
        try context.checkCancelled()

        context.report("projecting", 0.9)
        let projection = Matrix.product(prepared, components, transposeB: true)
        let total = variances.reduce(0, +)
        let ratios = variances.map { total > 0 ? $0 / total : 0 }
        context.report("done", 1)

        let axisNames = (1...dimensions).map { "PC\($0)" }
        let embedding = Embedding(rows: n, dimensions: dimensions, coordinates: projection.values, axisNames: axisNames)
        let json = JSONValue.object([
            ("explained_variance", .numbers(variances)),
            ("explained_variance_ratio", .numbers(ratios)),
            ("embedding", embedding.json),
            ("components", .matrix(components.values, rows: dimensions, columns: d)),
        ])
        return MethodResult(
            artifacts: [.spectrum(Spectrum(quantity: "explained variance", values: variances, ratios: ratios)),
                        .embedding(embedding)],
            json: json, warnings: context.warnings)
    }

    /// Centres and scales the data as the parameters ask; warns about columns it cannot scale.
    func prepare(_ dataset: Dataset, center: Bool, scale: Bool, context: JobContext) throws -> Matrix {
        var x = Matrix(dataset)
        if center { x.subtractFromColumns(x.columnMeans()) }
        guard scale else { return x }

        // After optional centring, Σx² / (n − 1) per column is the variance (centred) or the
        // mean square (uncentred) the column is divided by.
        var divisors = [Double](repeating: 0, count: x.columns)
        for i in 0..<x.rows {
            for j in 0..<x.columns { divisors[j] += x[i, j] * x[i, j] }
        }
        var constant: [String] = []
        for j in 0..<x.columns {
            let s = (divisors[j] / Double(x.rows - 1)).squareRoot()
            if s > 0 {
                divisors[j] = 1 / s
            } else {
                divisors[j] = 1
                constant.append(dataset.columnNames[j])
            }
        }
        if !constant.isEmpty {
            let listed = constant.prefix(8).joined(separator: ", ") + (constant.count > 8 ? ", …" : "")
            context.warn("scale: \(constant.count) column\(constant.count == 1 ? " has" : "s have") zero variance and \(constant.count == 1 ? "was" : "were") left unscaled (\(listed))")
        }
        for i in 0..<x.rows {
            for j in 0..<x.columns { x[i, j] *= divisors[j] }
        }
        try context.checkCancelled()
        return x
    }

    /// Returns all min(n, d) explained variances (descending, clamped at 0) and the first
    /// `dimensions` components as rows.
    func decompose(_ x: Matrix, dimensions: Int) throws -> ([Double], Matrix) {
        let n = x.rows, d = x.columns
        if n >= d {
            let covariance = x.gramOfColumns(scale: 1 / Double(n - 1))
            let eigen = try LinearAlgebra.symmetricEigen(covariance)
            // Rounding can leave a zero eigenvalue slightly negative; a variance cannot be.
            let variances = eigen.values.map { max($0, 0) }
            let components = Matrix(rows: dimensions, columns: d,
                                    values: Array(eigen.vectors.values[0..<(dimensions * d)]))
            return (variances, components)
        }
        let svd = try LinearAlgebra.svd(x)
        let variances = svd.s.map { $0 * $0 / Double(n - 1) }
        let components = Matrix(rows: dimensions, columns: d, values: Array(svd.vt.values[0..<(dimensions * d)]))
        return (variances, components)
    }
}
