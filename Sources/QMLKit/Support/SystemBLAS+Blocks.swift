import QuantumSim

// Complex Gram products in blocks whose bounds depend only on the matrix sizes, each block one
// single-threaded BLAS call, the blocks shared among qlift's worker threads. The library's own
// threading is not used: OpenBLAS 0.3.21 splits a product among its threads where it likes,
// and the entries at the edges of its register blocks are summed in another order, so the last
// bits of an entry depended on the thread count (measured: cblas_zgemm, 203 x 117 x 1031, 1
// against 2 threads). Here an entry is always computed by the same call, whichever thread runs
// it, so 1 and 2 threads give the same bits (tested).

extension SystemBLAS {
  /// Rows per block for products with `n` rows: at least 64 (a call on fewer rows repacks the
  /// other operand too often), about n / 16 (enough blocks to share out), at most 256.
  static func blockRows(_ n: Int) -> Int {
    min(256, max(64, (n / 16 + 31) / 32 * 32))
  }

  /// The upper triangle (row-major, i <= j) of C = S·S^H, where `states` holds `count`
  /// interleaved complex rows of `length` amplitudes and C `count` x `count` complex entries:
  /// C[i][j] = <s_j|s_i>. On `threads` workers; the entries do not depend on `threads`.
  func hermitianGram(
    _ states: UnsafePointer<Double>, count n: Int, length k: Int, into c: UnsafeMutablePointer<Double>, threads: Int
  ) {
    let b = Self.blockRows(n), blocks = (n + b - 1) / b
    singleThreaded {
      // Block p: rows r0..<r1 against columns r0..<n; the diagonal block by zherk.
      Parallel.tasks(0..<blocks, workers: threads, dedicated: true) { p in
        guard !Cancellation.isRequested else { return }
        let r0 = p * b, r1 = min(n, r0 + b)
        zherkUpper(n: r1 - r0, k: k, states + 2 * r0 * k, lda: k, c + 2 * (r0 * n + r0), ldc: n)
        if r1 < n {
          zgemmConjugated(
            m: r1 - r0, n: n - r1, k: k, states + 2 * r0 * k, lda: k, states + 2 * r1 * k, ldb: k,
            c + 2 * (r0 * n + r1), ldc: n)
        }
      }
    }
  }

  /// C = A·B^H for interleaved complex rows: A is `rows` x `length`, B is `columns` x
  /// `length`, C is `rows` x `columns` complex: C[i][j] = <b_j|a_i>. On `threads` workers;
  /// the entries do not depend on `threads`.
  func crossProduct(
    _ a: UnsafePointer<Double>, rows: Int, _ b: UnsafePointer<Double>, columns: Int, length k: Int,
    into c: UnsafeMutablePointer<Double>, threads: Int
  ) {
    // Row blocks, and column blocks four times as wide.
    let br = Self.blockRows(max(rows, columns)), bc = 4 * br
    let rowBlocks = (rows + br - 1) / br, columnBlocks = (columns + bc - 1) / bc
    singleThreaded {
      Parallel.tasks(0..<(rowBlocks * columnBlocks), workers: threads, dedicated: true) { task in
        guard !Cancellation.isRequested else { return }
        let r0 = (task / columnBlocks) * br, c0 = (task % columnBlocks) * bc
        let m = min(rows, r0 + br) - r0, n = min(columns, c0 + bc) - c0
        zgemmConjugated(
          m: m, n: n, k: k, a + 2 * r0 * k, lda: k, b + 2 * c0 * k, ldb: k, c + 2 * (r0 * columns + c0), ldc: columns)
      }
    }
  }
}
