// The number of threads OpenBLAS uses for each call.

import COpenBLAS

public enum BLASThreads {
    /// Sets the OpenBLAS thread count for every later BLAS and LAPACK call in the process.
    ///
    /// The TUI uses 1: methods already run on their own worker thread, and on a two-core
    /// machine a second BLAS thread competes with the UI thread for little gain.
    public static func set(_ count: Int) {
        precondition(count >= 1, "BLAS thread count must be at least 1, got \(count)")
        openblas_set_num_threads(Int32(count))
    }

    public static var current: Int { Int(openblas_get_num_threads()) }
}
