// A dense row-major matrix of Doubles and the BLAS products the methods need.

import COpenBLAS

/// A dense `rows × columns` matrix stored row after row.
///
/// BLAS is called with `CblasRowMajor`, so no copies are made for products. LAPACK is
/// column-major only, and the wrappers in `LinearAlgebra` explain how they reinterpret the buffer.
public struct Matrix: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    /// `rows × columns` values, row-major.
    public var values: [Double]

    /// Wraps `values` (row-major, `rows × columns` of them).
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows) × \(columns)")
        precondition(values.count == rows * columns,
                     "Matrix: \(values.count) values for \(rows) × \(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// Makes a matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, values: [Double](repeating: value, count: rows * columns))
    }

    /// Makes a matrix from a data set's values (no copy of the labels).
    public init(_ dataset: Dataset) {
        self.init(rows: dataset.rows, columns: dataset.columns, values: dataset.values)
    }

    @inlinable public subscript(i: Int, j: Int) -> Double {
        get { values[i * columns + j] }
        set { values[i * columns + j] = newValue }
    }

    /// Returns row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        Array(values[(i * columns)..<((i + 1) * columns)])
    }

    /// Returns the transpose, `columns × rows`.
    public func transposed() -> Matrix {
        var out = Matrix(rows: columns, columns: rows)
        values.withUnsafeBufferPointer { src in
            out.values.withUnsafeMutableBufferPointer { dst in
                for i in 0..<rows {
                    for j in 0..<columns { dst[j &* rows &+ i] = src[i &* columns &+ j] }
                }
            }
        }
        return out
    }

    /// Returns the column means, one per column.
    public func columnMeans() -> [Double] {
        var sums = [Double](repeating: 0, count: columns)
        guard rows > 0 else { return sums }
        values.withUnsafeBufferPointer { x in
            sums.withUnsafeMutableBufferPointer { s in
                for i in 0..<rows {
                    let base = i &* columns
                    for j in 0..<columns { s[j] += x[base &+ j] }
                }
            }
        }
        return sums.map { $0 / Double(rows) }
    }

    /// Subtracts `shift[j]` from every entry of column `j`.
    public mutating func subtractFromColumns(_ shift: [Double]) {
        precondition(shift.count == columns, "subtractFromColumns: \(shift.count) values for \(columns) columns")
        let columns = self.columns
        values.withUnsafeMutableBufferPointer { x in
            for i in 0..<rows {
                let base = i &* columns
                for j in 0..<columns { x[base &+ j] -= shift[j] }
            }
        }
    }

    /// Returns `op(a) · op(b)` through `cblas_dgemm`, where `op` transposes when asked.
    /// - Parameters:
    ///   - transposeA: use `aᵀ` in place of `a`.
    ///   - transposeB: use `bᵀ` in place of `b`.
    public static func product(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let inner = transposeA ? a.rows : a.columns
        let innerB = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(inner == innerB,
                     "Matrix.product: inner dimensions differ (\(a.rows) × \(a.columns)\(transposeA ? "ᵀ" : "") · \(b.rows) × \(b.columns)\(transposeB ? "ᵀ" : ""))")
        var out = Matrix(rows: m, columns: n)
        guard m > 0, n > 0, inner > 0 else { return out }
        a.values.withUnsafeBufferPointer { pa in
            b.values.withUnsafeBufferPointer { pb in
                out.values.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                                transposeB ? CblasTrans : CblasNoTrans,
                                blasInt(m), blasInt(n), blasInt(inner), 1.0,
                                pa.baseAddress, blasInt(max(1, a.columns)),
                                pb.baseAddress, blasInt(max(1, b.columns)),
                                0.0, pc.baseAddress, blasInt(max(1, n)))
                }
            }
        }
        return out
    }

    /// Returns the symmetric Gram matrix `aᵀa` (`columns × columns`, both triangles filled)
    /// through `cblas_dsyrk`, which does half the work of a general product.
    /// - Parameter scale: multiplies the result, for example `1 / (n − 1)` for a covariance.
    public func gramOfColumns(scale: Double = 1) -> Matrix {
        syrk(transpose: true, scale: scale)
    }

    /// Returns the symmetric Gram matrix `a aᵀ` (`rows × rows`, both triangles filled).
    public func gramOfRows(scale: Double = 1) -> Matrix {
        syrk(transpose: false, scale: scale)
    }

    private func syrk(transpose: Bool, scale: Double) -> Matrix {
        let n = transpose ? columns : rows
        let k = transpose ? rows : columns
        var out = Matrix(rows: n, columns: n)
        guard n > 0, k > 0 else { return out }
        values.withUnsafeBufferPointer { pa in
            out.values.withUnsafeMutableBufferPointer { pc in
                cblas_dsyrk(CblasRowMajor, CblasUpper, transpose ? CblasTrans : CblasNoTrans,
                            blasInt(n), blasInt(k), scale, pa.baseAddress, blasInt(max(1, columns)),
                            0.0, pc.baseAddress, blasInt(n))
                // dsyrk writes only the upper triangle; mirror it so the result is a plain matrix.
                for i in 0..<n {
                    for j in (i &+ 1)..<n { pc[j &* n &+ i] = pc[i &* n &+ j] }
                }
            }
        }
        return out
    }
}

/// Converts a dimension to the 32-bit integer that LP64 OpenBLAS takes, trapping on overflow.
@inline(__always) func blasInt(_ value: Int) -> Int32 {
    guard let v = Int32(exactly: value) else {
        preconditionFailure("dimension \(value) exceeds the 32-bit range of LP64 BLAS/LAPACK")
    }
    return v
}
