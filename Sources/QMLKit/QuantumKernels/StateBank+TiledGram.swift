// Fidelity Gram matrices from the 2 x 2 tiles of StateBank+Tiles, cache-blocked and spread
// over worker threads: the portable path (no BLAS), and the fastest one for narrow states.

extension StateBank {
  /// The symmetric matrix K[i][j] = |<s_i|s_j>|^2 of the bank's states, on `threads` workers.
  static func tiledGram(_ bank: StateBank, threads t: Int) -> Matrix {
    let n = bank.count
    // Cache blocking: a block of column states (about 512 KiB) stays in cache while every
    // row state streams past it once, instead of streaming both states of every pair.
    let block = max(1, (1 << 19) / (bank.width * 128))
    // Tasks, block by block: a few rows of the lower triangle against one column block.
    // Workers take the next task as they finish one, so a worker that starts late (or shares
    // its core) does not hold up the other.
    let tasks = stride(from: 0, to: n, by: block).flatMap { jb in
      stride(from: jb, to: n, by: 8).map { i in (columns: jb..<min(n, jb + block), rows: i..<min(n, i + 8)) }
    }
    var K = Matrix(rows: n, columns: n)
    fillInPlace(&K.values, tasks: tasks.count, threads: min(t, n)) { task, out in
      let (columns, rows) = tasks[task]
      // Rows in pairs: 2 x 2 tiles wholly below the diagonal, the rest (the diagonal, the
      // entries next to it, odd edges) one pair at a time. Tiles and pairs sum alike.
      var i = rows.lowerBound
      while i < rows.upperBound {
        if i + 1 < rows.upperBound {
          let tileEnd = min(columns.upperBound, i + 1)
          var j = columns.lowerBound
          while j + 1 < tileEnd {
            fillTile(bank, i, bank, j, into: out, stride: n)
            j += 2
          }
          for jj in j..<min(columns.upperBound, i + 1) { fillPair(bank, i, bank, jj, into: out, stride: n) }
          for jj in j..<min(columns.upperBound, i + 2) {
            fillPair(bank, i + 1, bank, jj, into: out, stride: n)
          }
          i += 2
        } else {
          for j in columns.lowerBound..<min(columns.upperBound, i + 1) {
            fillPair(bank, i, bank, j, into: out, stride: n)
          }
          i += 1
        }
      }
    }
    K.values.withUnsafeMutableBufferPointer { v in
      for i in 0..<n { for j in 0..<i { v[j &* n &+ i] = v[i &* n &+ j] } }
    }
    return K
  }

  /// The matrix K[i][j] = |<a_i|b_j>|^2, on `threads` workers.
  static func tiledCross(_ a: StateBank, _ b: StateBank, threads t: Int) -> Matrix {
    let cols = b.count
    var K = Matrix(rows: a.count, columns: cols)
    // Cache blocking and tasks as for the train matrix: a few rows against one column block.
    let block = max(1, (1 << 19) / (b.width * 128))
    let rowCount = a.count
    let tasks = stride(from: 0, to: cols, by: block).flatMap { jb in
      stride(from: 0, to: rowCount, by: 8).map { i in
        (columns: jb..<min(cols, jb + block), rows: i..<min(rowCount, i + 8))
      }
    }
    fillInPlace(&K.values, tasks: tasks.count, threads: t) { task, out in
      let (columns, rows) = tasks[task]
      var i = rows.lowerBound
      while i < rows.upperBound {
        if i + 1 < rows.upperBound {
          var j = columns.lowerBound
          while j + 1 < columns.upperBound {
            fillTile(a, i, b, j, into: out, stride: cols)
            j += 2
          }
          if j < columns.upperBound {
            fillPair(a, i, b, j, into: out, stride: cols)
            fillPair(a, i + 1, b, j, into: out, stride: cols)
          }
          i += 2
        } else {
          for j in columns { fillPair(a, i, b, j, into: out, stride: cols) }
          i += 1
        }
      }
    }
    return K
  }
}
