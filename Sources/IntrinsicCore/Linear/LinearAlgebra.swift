// LAPACK wrappers: symmetric eigendecomposition (dsyevr) and SVD (dgesdd) with fixed signs.
//
// Goals, in order. First, honour the LAPACK contract exactly: column-major layout, workspace
// query, `info` checked. Second, deterministic results: descending order and fixed vector
// signs. Third, no needless copies of large buffers.

import COpenBLAS

/// A failed LAPACK call, from its `info` output.
public struct LAPACKError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Failure: Equatable, Sendable {
        /// `info = −i`: argument `i` (1-based) had an illegal value, a programming error here.
        case illegalArgument(Int)
        /// `info = i > 0`: the algorithm failed to converge; `i` is the routine's own index.
        case notConverged(Int)
    }

    /// Name of the routine, such as "dsyevr".
    public var routine: String
    public var failure: Failure

    public init(routine: String, info: Int32) {
        precondition(info != 0, "LAPACKError needs a non-zero info")
        self.routine = routine
        failure = info < 0 ? .illegalArgument(Int(-info)) : .notConverged(Int(info))
    }

    public var description: String {
        switch failure {
        case .illegalArgument(let i):
            return "\(routine): argument \(i) had an illegal value (info = -\(i))"
        case .notConverged(let i):
            return "\(routine): the algorithm failed to converge (info = \(i))"
        }
    }
}

/// Eigenvalues and eigenvectors of a symmetric matrix, largest eigenvalue first.
public struct SymmetricEigen: Sendable {
    /// Eigenvalues in descending order.
    public var values: [Double]
    /// `values.count × n`: row `j` is the unit eigenvector of `values[j]`, with its
    /// largest-magnitude component positive.
    public var vectors: Matrix
}

/// A thin singular value decomposition `x = u · diag(s) · vt`, `r = min(rows, columns)`.
public struct SingularValueDecomposition: Sendable {
    /// `rows × r`: column `j` is the left singular vector of `s[j]`.
    public var u: Matrix
    /// Singular values in descending order, `r` of them.
    public var s: [Double]
    /// `r × columns`: row `j` is the right singular vector of `s[j]`, with its
    /// largest-magnitude component positive.
    public var vt: Matrix
}

/// Dense linear algebra on `Matrix` through OpenBLAS's LAPACK.
///
/// Sign rule, in the spirit of scikit-learn's `svd_flip` for PCA components: every eigenvector
/// and every right singular vector is negated if needed so that its component of largest
/// magnitude is positive. On a tie in magnitude the first such component decides. The
/// matching left singular vector is negated with it, so `u · diag(s) · vt` is unchanged.
public enum LinearAlgebra {
    /// Computes eigenpairs of the symmetric matrix `a` with `dsyevr` (MRRR).
    /// - Parameters:
    ///   - a: an `n × n` symmetric matrix; both triangles must be filled.
    ///   - largest: how many of the largest eigenpairs to compute, `1…n`; nil for all.
    ///   - vectors: whether to compute eigenvectors; without them `vectors` is `0 × n`.
    /// - Returns: eigenvalues in descending order and their eigenvectors as rows.
    /// - Throws: `LAPACKError` when `dsyevr` reports a failure.
    /// - Complexity: O(n³) for the reduction to tridiagonal form, then O(n · count) per vector.
    public static func symmetricEigen(_ a: Matrix, largest: Int? = nil, vectors: Bool = true) throws -> SymmetricEigen {
        precondition(a.rows == a.columns, "symmetricEigen: matrix is \(a.rows) × \(a.columns), not square")
        let n = a.rows
        let count = largest ?? n
        precondition(count >= 1 && count <= n, "symmetricEigen: largest = \(count) outside 1…\(n)")

        // A symmetric row-major buffer is its own column-major transpose, so it is passed as is.
        // dsyevr overwrites it, so it works on a copy.
        var work = a.values
        var jobz = CChar(UInt8(ascii: vectors ? "V" : "N"))
        var range = CChar(UInt8(ascii: count == n ? "A" : "I"))
        var uplo = CChar(UInt8(ascii: "U"))
        var nn = blasInt(n), lda = blasInt(max(1, n))
        var vl = 0.0, vu = 0.0
        // Index range "I" counts eigenvalues in ascending order, 1-based: the largest `count`.
        var il = blasInt(n - count + 1), iu = blasInt(n)
        var abstol = 0.0
        var found: Int32 = 0
        var w = [Double](repeating: 0, count: n)
        var ldz = blasInt(max(1, n))
        var z = [Double](repeating: 0, count: vectors ? n * count : 1)
        var isuppz = [Int32](repeating: 0, count: 2 * max(1, count))
        var info: Int32 = 0

        // Workspace query: lwork = liwork = -1 returns the optimal sizes in work[0], iwork[0].
        var lwork: Int32 = -1, liwork: Int32 = -1
        var workSize = 0.0
        var iworkSize: Int32 = 0
        dsyevr_(&jobz, &range, &uplo, &nn, &work, &lda, &vl, &vu, &il, &iu, &abstol, &found, &w,
                &z, &ldz, &isuppz, &workSize, &lwork, &iworkSize, &liwork, &info, 1, 1, 1)
        if info != 0 { throw LAPACKError(routine: "dsyevr", info: info) }
        lwork = blasInt(Int(workSize))
        liwork = iworkSize
        var scratch = [Double](repeating: 0, count: Int(lwork))
        var iscratch = [Int32](repeating: 0, count: Int(liwork))
        dsyevr_(&jobz, &range, &uplo, &nn, &work, &lda, &vl, &vu, &il, &iu, &abstol, &found, &w,
                &z, &ldz, &isuppz, &scratch, &lwork, &iscratch, &liwork, &info, 1, 1, 1)
        if info != 0 { throw LAPACKError(routine: "dsyevr", info: info) }
        precondition(Int(found) == count, "dsyevr returned \(found) eigenvalues, expected \(count)")

        // LAPACK returns ascending order; Z is column-major n × count, so eigenvector j is the
        // contiguous slice z[j·n ..< (j+1)·n]. Reversing the slices gives descending rows.
        let values = Array(w[0..<count].reversed())
        guard vectors else { return SymmetricEigen(values: values, vectors: Matrix(rows: 0, columns: n)) }
        var rows = [Double](repeating: 0, count: n * count)
        for j in 0..<count {
            let source = (count - 1 - j) * n
            for i in 0..<n { rows[j * n + i] = z[source + i] }
        }
        var vectorsMatrix = Matrix(rows: count, columns: n, values: rows)
        fixSigns(rowsOf: &vectorsMatrix)
        return SymmetricEigen(values: values, vectors: vectorsMatrix)
    }

    /// Computes the thin SVD of `x` with `dgesdd` (divide and conquer).
    /// - Parameter x: any `rows × columns` matrix with at least one row and one column.
    /// - Returns: `u` (`rows × r`), `s` (descending) and `vt` (`r × columns`), `r = min(rows, columns)`.
    /// - Throws: `LAPACKError` when `dgesdd` reports a failure.
    /// - Complexity: O(rows · columns · r).
    public static func svd(_ x: Matrix) throws -> SingularValueDecomposition {
        precondition(x.rows >= 1 && x.columns >= 1, "svd: empty matrix \(x.rows) × \(x.columns)")
        let r = min(x.rows, x.columns)

        // The row-major buffer of x (rows × columns) is, read column-major, xᵀ (columns × rows).
        // LAPACK therefore factors xᵀ = V Σ Uᵀ. Its column-major "U" (columns × r) read row-major
        // is an r × columns matrix whose rows are the columns of V: that is vt. Its column-major
        // "VT" (r × rows, leading dimension r) read row-major is a rows × r matrix: that is u.
        // So both outputs land in row-major form with no transposition.
        var a = x.values  // dgesdd destroys its input
        var jobz = CChar(UInt8(ascii: "S"))
        var m = blasInt(x.columns), n = blasInt(x.rows)
        var lda = blasInt(x.columns)
        var s = [Double](repeating: 0, count: r)
        var vtBuffer = [Double](repeating: 0, count: x.columns * r)  // LAPACK's U
        var ldu = blasInt(x.columns)
        var uBuffer = [Double](repeating: 0, count: r * x.rows)  // LAPACK's VT
        var ldvt = blasInt(r)
        var iwork = [Int32](repeating: 0, count: 8 * r)
        var info: Int32 = 0

        var lwork: Int32 = -1
        var workSize = 0.0
        dgesdd_(&jobz, &m, &n, &a, &lda, &s, &vtBuffer, &ldu, &uBuffer, &ldvt, &workSize, &lwork, &iwork, &info, 1)
        if info != 0 { throw LAPACKError(routine: "dgesdd", info: info) }
        lwork = blasInt(Int(workSize))
        var scratch = [Double](repeating: 0, count: Int(lwork))
        dgesdd_(&jobz, &m, &n, &a, &lda, &s, &vtBuffer, &ldu, &uBuffer, &ldvt, &scratch, &lwork, &iwork, &info, 1)
        if info != 0 { throw LAPACKError(routine: "dgesdd", info: info) }

        var vt = Matrix(rows: r, columns: x.columns, values: vtBuffer)
        var u = Matrix(rows: x.rows, columns: r, values: uBuffer)
        for j in fixSigns(rowsOf: &vt) {
            for i in 0..<u.rows { u[i, j] = -u[i, j] }
        }
        return SingularValueDecomposition(u: u, s: s, vt: vt)
    }

    /// Negates each row of `vectors` whose largest-magnitude entry is negative (the first such
    /// entry on a tie in magnitude) and returns the indices of the negated rows.
    @discardableResult
    static func fixSigns(rowsOf vectors: inout Matrix) -> [Int] {
        let n = vectors.columns
        var flipped: [Int] = []
        for j in 0..<vectors.rows {
            var best = 0.0
            for i in 0..<n where abs(vectors[j, i]) > abs(best) { best = vectors[j, i] }
            guard best < 0 else { continue }
            for i in 0..<n { vectors[j, i] = -vectors[j, i] }
            flipped.append(j)
        }
        return flipped
    }
}
