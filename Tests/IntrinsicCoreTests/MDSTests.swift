// Classical MDS against the SVD of centred data, PCA, the explicit double centring and numpy.

import Testing
@testable import IntrinsicCore

@Suite struct MDSTests {
    @Test(arguments: ["iris", "circle"])
    func eigenvaluesAreSquaredSingularValues(name: String) throws {
        let data = try LinalgFixtures.dataset(name)
        let (result, _) = try runMethod(ClassicalMDSMethod(), on: data)
        var centred = Matrix(data)
        centred.subtractFromColumns(centred.columnMeans())
        let s = try LinearAlgebra.svd(centred).s
        guard case .array(let items)? = result.json["eigenvalues"] else { Issue.record("no eigenvalues array"); return }
        let eigenvalues = items.compactMap(\.number)
        #expect(eigenvalues.count == min(data.rows, 20))
        for j in 0..<s.count {
            #expect(relativeError(eigenvalues[j], s[j] * s[j]) <= 1e-10, "\(name) eigenvalue \(j + 1)")
        }
        // Beyond the rank of the data the eigenvalues vanish up to rounding.
        for j in s.count..<eigenvalues.count { #expect(abs(eigenvalues[j]) <= 1e-10 * eigenvalues[0]) }
        #expect(result.spectrum?.quantity == "eigenvalue")
    }

    @Test(arguments: ["iris", "circle"])
    func embeddingEqualsPCAUpToColumnSigns(name: String) throws {
        let data = try LinalgFixtures.dataset(name)
        let mds = try #require(try runMethod(ClassicalMDSMethod(), on: data).0.embedding)
        let pca = try #require(try runMethod(PCAMethod(), on: data).0.embedding)
        #expect(mds.axisNames == ["MDS1", "MDS2"])
        for j in 0..<2 {
            let a = (0..<data.rows).map { mds.coordinates[$0 * 2 + j] }
            let b = (0..<data.rows).map { pca.coordinates[$0 * 2 + j] }
            let scale = b.reduce(0) { max($0, abs($1)) }
            let same = zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
            let flipped = zip(a, b).reduce(0) { max($0, abs($1.0 + $1.1)) }
            #expect(min(same, flipped) <= 1e-9 * scale, "\(name) column \(j + 1)")
        }
    }

    /// The Gram form used by the method equals −½ J D⁽²⁾ J built from the definition.
    @Test func gramFormEqualsDoubleCentredSquaredDistances() {
        var g = SeededGenerator(seed: 71)
        let x = Matrix.random(rows: 25, columns: 4, using: &g)
        let n = 25
        var d2 = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n { d2[i, j] = (0..<4).reduce(0.0) { $0 + (x[i, $1] - x[j, $1]) * (x[i, $1] - x[j, $1]) } }
        }
        var j = Matrix(rows: n, columns: n, repeating: -1.0 / Double(n))
        for i in 0..<n { j[i, i] += 1 }
        var b = Matrix.product(Matrix.product(j, d2), j)
        b.values = b.values.map { -0.5 * $0 }
        let gram = ClassicalMDSMethod().doubleCentredGram(x)
        #expect(gram.maxAbsDifference(b) <= 1e-13)
    }

    @Test func digitsMatchesNumpyAndScikitLearn() throws {
        let data = try LinalgFixtures.dataset("digits")
        let (result, context) = try runMethod(ClassicalMDSMethod(), on: data)
        #expect(context.warnings.isEmpty)
        guard case .array(let items)? = result.json["eigenvalues"] else { Issue.record("no eigenvalues array"); return }
        let eigenvalues = items.compactMap(\.number)
        let reference = try LinalgFixtures.column("digits_cmds_eigs.csv", "eigenvalue_double_centered_B")
        for (j, want) in reference.enumerated() {
            #expect(relativeError(eigenvalues[j], want) <= 1e-10, "eigenvalue \(j + 1): \(eigenvalues[j]) vs \(want)")
        }
        // scikit-learn's coordinates are printed to 10 significant digits; columns may differ in sign.
        let embedding = try #require(result.embedding)
        for (j, column) in ["e1", "e2"].enumerated() {
            let want = try LinalgFixtures.column("digits_emb_cmds.csv", column)
            let got = (0..<data.rows).map { embedding.coordinates[$0 * 2 + j] }
            let scale = want.reduce(0) { max($0, abs($1)) }
            let same = zip(got, want).reduce(0) { max($0, abs($1.0 - $1.1)) }
            let flipped = zip(got, want).reduce(0) { max($0, abs($1.0 + $1.1)) }
            #expect(min(same, flipped) <= 1e-8 * scale, "column \(column): \(min(same, flipped)) of scale \(scale)")
        }
    }

    @Test func rankDeficientDimensionWarnsAndIsZero() throws {
        let data = try LinalgFixtures.dataset("circle")  // 2 columns, so rank 2
        let (result, context) = try runMethod(ClassicalMDSMethod(), on: data, ["dimensions=3"])
        let embedding = try #require(result.embedding)
        #expect((0..<data.rows).allSatisfy { embedding.coordinates[$0 * 3 + 2] == 0 })
        #expect(context.warnings.count == 1)
        #expect(context.warnings.first?.contains("MDS3") == true)
        #expect(result.spectrum?.values.allSatisfy { $0 >= 0 } == true)
    }

    @Test func tooManyPointsIsRejectedBeforeAllocating() {
        let n = ClassicalMDSMethod.maximumRows + 1
        let data = Dataset(rows: n, columns: 1, values: [Double](repeating: 0, count: n))
        do {
            _ = try runMethod(ClassicalMDSMethod(), on: data)
            Issue.record("\(n) points did not throw")
        } catch let error as MethodError {
            #expect(error.message.contains("\(n)"))
            #expect(error.message.contains("\(ClassicalMDSMethod.maximumRows)"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func tooFewPointsIsMethodError() {
        let data = Dataset(rows: 1, columns: 2, values: [0, 1])
        #expect(throws: MethodError.self) { try runMethod(ClassicalMDSMethod(), on: data) }
    }

    @Test func cancelledContextThrows() throws {
        let data = try LinalgFixtures.dataset("iris")
        let context = JobContext()
        context.cancel()
        #expect(throws: CancellationError.self) {
            try ClassicalMDSMethod().run(on: data, parameters: try ClassicalMDSMethod().parameterSet([]), context: context)
        }
    }
}
