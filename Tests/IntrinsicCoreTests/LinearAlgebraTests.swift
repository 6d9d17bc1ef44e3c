// Identities of the LAPACK and BLAS wrappers on seeded random matrices.

import Testing
@testable import IntrinsicCore

@Suite struct LinearAlgebraTests {
    /// Makes a random symmetric matrix with eigenvalues of both signs.
    static func symmetric(_ n: Int, seed: UInt64) -> Matrix {
        var g = SeededGenerator(seed: seed)
        let m = Matrix.random(rows: n, columns: n, using: &g)
        var s = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { s[i, j] = m[i, j] + m[j, i] } }
        return s
    }

    @Test(arguments: [(1, UInt64(1)), (2, 2), (7, 3), (40, 4)])
    func eigenDecompositionIdentities(n: Int, seed: UInt64) throws {
        let a = Self.symmetric(n, seed: seed)
        let eigen = try LinearAlgebra.symmetricEigen(a)
        let v = eigen.vectors  // rows are eigenvectors
        #expect(eigen.values.count == n)
        #expect(zip(eigen.values, eigen.values.dropFirst()).allSatisfy { $0 >= $1 }, "values not descending: \(eigen.values)")

        // A vⱼ = λⱼ vⱼ for every j, i.e. A Vᵀ = Vᵀ Λ.
        let av = Matrix.product(a, v, transposeB: true)
        var vl = v.transposed()
        for i in 0..<n { for j in 0..<n { vl[i, j] *= eigen.values[j] } }
        let scale = max(a.maxAbs, 1)
        #expect(av.maxAbsDifference(vl) <= 1e-13 * scale * Double(n))

        // Orthonormal rows.
        #expect(Matrix.product(v, v, transposeB: true).maxAbsDifference(.identity(n)) <= 1e-13 * Double(n))

        // Sign rule: the largest-magnitude entry of each vector is positive.
        for j in 0..<n {
            let row = v.row(j)
            let largest = row.max { abs($0) < abs($1) }!
            #expect(largest > 0, "eigenvector \(j) has largest entry \(largest)")
        }
    }

    @Test func topEigenpairsMatchFullDecomposition() throws {
        let a = Self.symmetric(30, seed: 11)
        let full = try LinearAlgebra.symmetricEigen(a)
        let top = try LinearAlgebra.symmetricEigen(a, largest: 4)
        #expect(top.values.count == 4)
        #expect(top.vectors.rows == 4)
        for j in 0..<4 {
            #expect(abs(top.values[j] - full.values[j]) <= 1e-12 * abs(full.values[0]))
            for i in 0..<30 { #expect(abs(top.vectors[j, i] - full.vectors[j, i]) <= 1e-10) }
        }
        let valuesOnly = try LinearAlgebra.symmetricEigen(a, largest: 4, vectors: false)
        #expect(valuesOnly.vectors.rows == 0)
        for j in 0..<4 { #expect(abs(valuesOnly.values[j] - full.values[j]) <= 1e-12 * abs(full.values[0])) }
    }

    @Test(arguments: [(40, 25, UInt64(5)), (25, 40, 6), (1, 9, 7), (9, 1, 8), (12, 12, 9)])
    func svdIdentities(rows: Int, columns: Int, seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let x = Matrix.random(rows: rows, columns: columns, using: &g)
        let svd = try LinearAlgebra.svd(x)
        let r = min(rows, columns)
        #expect(svd.u.rows == rows)
        #expect(svd.u.columns == r)
        #expect(svd.vt.rows == r)
        #expect(svd.vt.columns == columns)
        #expect(zip(svd.s, svd.s.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(svd.s.allSatisfy { $0 >= 0 })

        // u · diag(s) · vt = x.
        var us = svd.u
        for i in 0..<rows { for j in 0..<r { us[i, j] *= svd.s[j] } }
        let rebuilt = Matrix.product(us, svd.vt)
        #expect(rebuilt.maxAbsDifference(x) <= 1e-13 * Double(max(rows, columns)))

        // Orthonormal columns of u and rows of vt.
        #expect(Matrix.product(svd.u, svd.u, transposeA: true).maxAbsDifference(.identity(r)) <= 1e-13 * Double(r + 1))
        #expect(Matrix.product(svd.vt, svd.vt, transposeB: true).maxAbsDifference(.identity(r)) <= 1e-13 * Double(r + 1))

        for j in 0..<r {
            let largest = svd.vt.row(j).max { abs($0) < abs($1) }!
            #expect(largest > 0, "right singular vector \(j) has largest entry \(largest)")
        }
    }

    @Test func singularValuesSquaredAreGramEigenvalues() throws {
        var g = SeededGenerator(seed: 21)
        let x = Matrix.random(rows: 50, columns: 8, using: &g)
        let svd = try LinearAlgebra.svd(x)
        let eigen = try LinearAlgebra.symmetricEigen(x.gramOfColumns())
        for j in 0..<8 { #expect(relativeError(svd.s[j] * svd.s[j], eigen.values[j]) <= 1e-12) }
    }

    @Test func productsMatchNaiveSums() {
        var g = SeededGenerator(seed: 31)
        let a = Matrix.random(rows: 7, columns: 5, using: &g)
        let b = Matrix.random(rows: 5, columns: 3, using: &g)
        var naive = Matrix(rows: 7, columns: 3)
        for i in 0..<7 { for j in 0..<3 { for l in 0..<5 { naive[i, j] += a[i, l] * b[l, j] } } }
        #expect(Matrix.product(a, b).maxAbsDifference(naive) <= 1e-14)
        #expect(Matrix.product(a.transposed(), b, transposeA: true).maxAbsDifference(naive) <= 1e-14)
        #expect(Matrix.product(a, b.transposed(), transposeB: true).maxAbsDifference(naive) <= 1e-14)
        #expect(a.gramOfColumns(scale: 0.5).maxAbsDifference(
            Matrix(rows: 5, columns: 5, values: Matrix.product(a, a, transposeA: true).values.map { $0 * 0.5 })) <= 1e-14)
        #expect(a.gramOfRows().maxAbsDifference(Matrix.product(a, a, transposeB: true)) <= 1e-14)
    }

    @Test func lapackErrorNamesRoutineAndCause() {
        let illegal = LAPACKError(routine: "dsyevr", info: -4)
        #expect(illegal.failure == .illegalArgument(4))
        #expect(illegal.description == "dsyevr: argument 4 had an illegal value (info = -4)")
        let diverged = LAPACKError(routine: "dgesdd", info: 3)
        #expect(diverged.failure == .notConverged(3))
        #expect(diverged.description == "dgesdd: the algorithm failed to converge (info = 3)")
    }
}
