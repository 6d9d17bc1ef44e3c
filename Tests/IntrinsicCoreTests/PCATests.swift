// PCA against scikit-learn spectra, independent projections, scaling and the wide-data route.

import Testing
@testable import IntrinsicCore

@Suite struct PCATests {
    /// Reads the reference explained variances and ratios of one data set.
    static func referenceSpectrum(_ name: String) throws -> (variances: [Double], ratios: [Double]) {
        let isSet: ([String]) -> Bool = { $0[0] == name }
        return (try LinalgFixtures.column("pca_spectra.csv", "explained_variance", where: isSet),
                try LinalgFixtures.column("pca_spectra.csv", "explained_variance_ratio", where: isSet))
    }

    @Test(arguments: ["digits", "iris", "circle"])
    func spectrumMatchesScikitLearn(name: String) throws {
        let data = try LinalgFixtures.dataset(name)
        let (result, _) = try runMethod(PCAMethod(), on: data)
        let spectrum = try #require(result.spectrum)
        let reference = try Self.referenceSpectrum(name)
        #expect(spectrum.quantity == "explained variance")
        #expect(spectrum.values.count == reference.variances.count)
        let largest = reference.variances[0]
        for (j, (got, want)) in zip(spectrum.values, reference.variances).enumerated() {
            // Components with non-negligible variance compare relatively; the rank-deficient
            // tail (digits has 3 constant pixels) compares against the largest variance.
            if want > 1e-10 * largest {
                #expect(relativeError(got, want) <= 1e-8, "\(name) component \(j + 1): \(got) vs \(want)")
            } else {
                #expect(abs(got - want) <= 1e-8 * largest, "\(name) component \(j + 1): \(got) vs \(want)")
            }
        }
        let ratios = try #require(spectrum.ratios)
        for (got, want) in zip(ratios, reference.ratios) { #expect(abs(got - want) <= 1e-12) }
    }

    /// Computes the top eigenvector by power iteration, independently of LAPACK.
    static func topEigenvector(_ c: Matrix, iterations: Int) -> [Double] {
        var v = [Double](repeating: 1, count: c.rows)
        for _ in 0..<iterations {
            var w = [Double](repeating: 0, count: c.rows)
            for i in 0..<c.rows { for j in 0..<c.columns { w[i] += c[i, j] * v[j] } }
            let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
            v = w.map { $0 / norm }
        }
        return v
    }

    @Test(arguments: ["iris", "digits"])
    func firstColumnIsProjectionOnTopEigenvector(name: String) throws {
        let data = try LinalgFixtures.dataset(name)
        let (result, _) = try runMethod(PCAMethod(), on: data)
        let embedding = try #require(result.embedding)
        #expect(embedding.rows == data.rows)
        #expect(embedding.dimensions == 2)
        #expect(embedding.axisNames == ["PC1", "PC2"])

        var centred = Matrix(data)
        centred.subtractFromColumns(centred.columnMeans())
        let covariance = Matrix.product(centred, centred, transposeA: true)
        // digits: λ₂/λ₁ ≈ 0.91, so 3000 steps shrink the error by 0.91³⁰⁰⁰.
        let v = Self.topEigenvector(covariance, iterations: 3000)
        let projected = (0..<data.rows).map { i in (0..<data.columns).reduce(0.0) { $0 + centred[i, $1] * v[$1] } }
        let first = (0..<data.rows).map { embedding.coordinates[$0 * 2] }
        let scale = projected.reduce(0) { max($0, abs($1)) }
        let sameSign = zip(first, projected).reduce(0) { max($0, abs($1.0 - $1.1)) }
        let flipped = zip(first, projected).reduce(0) { max($0, abs($1.0 + $1.1)) }
        #expect(min(sameSign, flipped) <= 1e-9 * scale, "\(name): difference \(min(sameSign, flipped)) of scale \(scale)")
    }

    @Test func resultsHaveDocumentedKeysAndShapes() throws {
        let data = try LinalgFixtures.dataset("iris")
        let (result, _) = try runMethod(PCAMethod(), on: data, ["dimensions=3"])
        #expect(result.json.keys == ["explained_variance", "explained_variance_ratio", "embedding", "components"])
        guard case .array(let components)? = result.json["components"],
              case .array(let embedding)? = result.json["embedding"] else {
            Issue.record("components or embedding is not an array")
            return
        }
        #expect(components.count == 3)
        #expect(embedding.count == 150)
        guard case .array(let firstRow) = components[0] else { Issue.record("components[0] is not an array"); return }
        #expect(firstRow.count == 4)
        // Components are orthonormal rows with their largest-magnitude entry positive.
        let rows = components.map { row -> [Double] in
            guard case .array(let xs) = row else { return [] }
            return xs.compactMap(\.number)
        }
        for a in 0..<3 {
            #expect(rows[a].max { abs($0) < abs($1) }! > 0)
            for b in 0..<3 {
                let dot = zip(rows[a], rows[b]).reduce(0) { $0 + $1.0 * $1.1 }
                #expect(abs(dot - (a == b ? 1 : 0)) <= 1e-12)
            }
        }
        #expect(result.artifacts.count == 2)
        #expect(result.embedding?.axisNames == ["PC1", "PC2", "PC3"])
    }

    @Test func scalingGivesCorrelationEigenvalues() throws {
        let data = try LinalgFixtures.dataset("iris")
        let (result, context) = try runMethod(PCAMethod(), on: data, ["scale=true"])
        let values = try #require(result.spectrum?.values)
        #expect(abs(values.reduce(0, +) - 4) <= 1e-12)
        #expect(context.warnings.isEmpty)

        // Correlation matrix computed directly from the definition.
        var centred = Matrix(data)
        centred.subtractFromColumns(centred.columnMeans())
        let c = Matrix.product(centred, centred, transposeA: true)
        var correlation = Matrix(rows: 4, columns: 4)
        for i in 0..<4 { for j in 0..<4 { correlation[i, j] = c[i, j] / (c[i, i] * c[j, j]).squareRoot() } }
        let expected = try LinearAlgebra.symmetricEigen(correlation).values
        for (got, want) in zip(values, expected) { #expect(abs(got - want) <= 1e-12) }
    }

    @Test func scalingLeavesConstantColumnsAndWarns() throws {
        let data = try LinalgFixtures.dataset("digits")
        var constant: [String] = []
        for j in 0..<data.columns where (0..<data.rows).allSatisfy({ data[$0, j] == data[0, j] }) {
            constant.append(data.columnNames[j])
        }
        #expect(!constant.isEmpty)
        let (result, context) = try runMethod(PCAMethod(), on: data, ["scale=true"])
        let values = try #require(result.spectrum?.values)
        #expect(abs(values.reduce(0, +) - Double(64 - constant.count)) <= 1e-10)
        #expect(values.allSatisfy { $0.isFinite })
        #expect(context.warnings.count == 1)
        for name in constant { #expect(context.warnings[0].contains(name), "warning does not name \(name)") }
        #expect(result.warnings == context.warnings)
    }

    @Test func uncentredSpectrumIsSecondMoments() throws {
        var g = SeededGenerator(seed: 61)
        var x = Matrix.random(rows: 30, columns: 4, using: &g)
        for i in 0..<30 { x[i, 0] += 5 }
        let data = Dataset(rows: 30, columns: 4, values: x.values)
        let (result, _) = try runMethod(PCAMethod(), on: data, ["center=false"])
        let expected = try LinearAlgebra.symmetricEigen(x.gramOfColumns(scale: 1.0 / 29)).values
        let values = try #require(result.spectrum?.values)
        for (got, want) in zip(values, expected) { #expect(relativeError(got, want) <= 1e-12) }
    }

    /// rows < columns takes the SVD route; its spectrum must equal the covariance route's.
    @Test func wideDataMatchesCovarianceRoute() throws {
        var g = SeededGenerator(seed: 67)
        let x = Matrix.random(rows: 12, columns: 30, using: &g)
        let data = Dataset(rows: 12, columns: 30, values: x.values)
        let (result, _) = try runMethod(PCAMethod(), on: data, ["dimensions=3"])
        let values = try #require(result.spectrum?.values)
        #expect(values.count == 12)

        var centred = x
        centred.subtractFromColumns(x.columnMeans())
        let covariance = try LinearAlgebra.symmetricEigen(centred.gramOfColumns(scale: 1.0 / 11))
        let gram = try LinearAlgebra.symmetricEigen(centred.gramOfRows(scale: 1.0 / 11))
        for j in 0..<12 {
            #expect(abs(values[j] - covariance.values[j]) <= 1e-12 * covariance.values[0])
            #expect(abs(values[j] - gram.values[j]) <= 1e-12 * covariance.values[0])
        }
        // Centred data of 12 rows has rank ≤ 11: the last variance is zero.
        #expect(values[11] <= 1e-12 * values[0])

        // The projection is the centred data times the covariance eigenvectors (same sign rule).
        let embedding = try #require(result.embedding)
        let expected = Matrix.product(centred, Matrix(rows: 3, columns: 30, values: Array(covariance.vectors.values[0..<90])), transposeB: true)
        let got = Matrix(rows: 12, columns: 3, values: embedding.coordinates)
        #expect(got.maxAbsDifference(expected) <= 1e-10)
    }

    @Test func tooFewRowsIsMethodError() throws {
        let data = Dataset(rows: 1, columns: 3, values: [1, 2, 3])
        #expect(throws: MethodError.self) { try runMethod(PCAMethod(), on: data) }
    }

    @Test func tooManyDimensionsIsMethodError() throws {
        let data = try LinalgFixtures.dataset("iris")
        do {
            _ = try runMethod(PCAMethod(), on: data, ["dimensions=5"])
            Issue.record("dimensions=5 on 4 columns did not throw")
        } catch let error as MethodError {
            #expect(error.message.contains("dimensions = 5"))
            #expect(error.message.contains("4"))
        }
    }

    @Test func cancelledContextThrows() throws {
        let data = try LinalgFixtures.dataset("iris")
        let context = JobContext()
        context.cancel()
        #expect(throws: CancellationError.self) {
            try PCAMethod().run(on: data, parameters: try PCAMethod().parameterSet([]), context: context)
        }
    }
}
