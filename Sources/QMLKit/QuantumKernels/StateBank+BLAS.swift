import QuantumSim

// Fidelity Gram matrices through the system BLAS (cblas_zherk for train-train, cblas_zgemm for
// test-train), from states simulated straight into interleaved complex rows
// (`InterleavedStates`); the complex product is then squared entry by entry. The product is
// formed in blocks fixed by the sizes alone (SystemBLAS+Blocks), so an entry does not depend on
// the thread count (tested).

extension StateBank {
  /// Amplitudes per state (2^qubits; the stored chunks may pad it).
  var dimension: Int { 1 << qubits }

  /// Bytes `blasGram` takes for `count` states of `dimension` amplitudes: the interleaved
  /// states and the complex product.
  static func blasGramBytes(count: Int, dimension: Int) -> Int {
    let (packed, o1) = count.multipliedReportingOverflow(by: dimension &* 16)
    let (product, o2) = count.multipliedReportingOverflow(by: count &* 16)
    return o1 || o2 ? Int.max : packed &+ product
  }

  /// Bytes `blasCross` takes (states and product) for `rows` x `columns` states of `dimension` amplitudes.
  static func blasCrossBytes(rows: Int, columns: Int, dimension: Int) -> Int {
    let (packed, o1) = (rows &+ columns).multipliedReportingOverflow(by: dimension &* 16)
    let (product, o2) = rows.multipliedReportingOverflow(by: columns &* 16)
    return o1 || o2 ? Int.max : packed &+ product
  }

  /// The symmetric matrix K[i][j] = |<s_i|s_j>|^2 of the bank's states, by cblas_zherk.
  static func blasGram(_ states: InterleavedStates, blas: SystemBLAS, threads: Int) -> Matrix {
    let n = states.count, dim = states.dimension
    var K = Matrix(rows: n, columns: n)
    guard n > 0, !Cancellation.isRequested else { return K }
    let product = PageBuffer(count: n * n * 16)
    let c = product.base.bindMemory(to: Double.self, capacity: 2 * n * n)
    blas.hermitianGram(
      states.rows, count: n, length: dim, into: c, threads: threads)
    // The upper triangle holds the product; both halves of K get its squared modulus.
    K.values.withUnsafeMutableBufferPointer { v in
      for i in 0..<n {
        for j in i..<n {
          let re = c[2 &* (i &* n &+ j)], im = c[2 &* (i &* n &+ j) &+ 1]
          let m = re * re + im * im
          v[i &* n &+ j] = m
          v[j &* n &+ i] = m
        }
      }
    }
    return K
  }

  /// The matrix K[i][j] = |<a_i|b_j>|^2 by cblas_zgemm.
  static func blasCross(_ a: InterleavedStates, _ b: InterleavedStates, blas: SystemBLAS, threads: Int) -> Matrix {
    let rows = a.count, cols = b.count
    var K = Matrix(rows: rows, columns: cols)
    guard rows > 0, cols > 0, !Cancellation.isRequested else { return K }
    let product = PageBuffer(count: rows * cols * 16)
    let c = product.base.bindMemory(to: Double.self, capacity: 2 * rows * cols)
    blas.crossProduct(
      a.rows, rows: rows, b.rows,
      columns: cols, length: a.dimension, into: c, threads: threads)
    K.values.withUnsafeMutableBufferPointer { v in
      for k in 0..<(rows * cols) {
        let re = c[2 &* k], im = c[2 &* k &+ 1]
        v[k] = re * re + im * im
      }
    }
    return K
  }
}
