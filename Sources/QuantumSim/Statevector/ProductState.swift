import Numerics

/// A product state U_0|0> ⊗ ... ⊗ U_(n-1)|0>: one single-qubit state per qubit, the leading
/// single-qubit gates of a circuit compiled `fromZero` (`CompiledCircuit.initialState`).
public struct ProductState: Sendable, Equatable {
  /// Qubit q's state (amplitudes of |0> and |1>), starting at |0>.
  public private(set) var factors: [(Complex<Double>, Complex<Double>)]

  /// |0...0> on `qubits` qubits.
  public init(qubits: Int) {
    factors = Array(repeating: (.one, .zero), count: qubits)
  }

  /// Applies the single-qubit matrix `m` to qubit q.
  mutating func multiply(_ q: Int, by m: Matrix2) {
    let (a, b) = factors[q]
    factors[q] = (m.m00 * a + m.m01 * b, m.m10 * a + m.m11 * b)
  }

  public static func == (x: ProductState, y: ProductState) -> Bool {
    x.factors.count == y.factors.count && zip(x.factors, y.factors).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
  }

  /// The amplitudes of the qubits `range` as a table over their bits (index bit j is qubit
  /// range.lowerBound + j), multiplied in ascending qubit order.
  func table(_ range: Range<Int>) -> (re: [Double], im: [Double]) {
    var re = [1.0], im = [0.0]
    for q in range {
      let (a, b) = factors[q]
      let size = re.count
      re += [Double](repeating: 0, count: size)
      im += [Double](repeating: 0, count: size)
      for j in 0..<size {
        let (r, i) = (re[j], im[j])
        re[j + size] = r * b.real - i * b.imaginary
        im[j + size] = r * b.imaginary + i * b.real
        re[j] = r * a.real - i * a.imaginary
        im[j] = r * a.imaginary + i * a.real
      }
    }
    return (re, im)
  }
}

extension StateVector {
  /// Runs `compiled` from |0...0>: the state is written as its `initialState` (in place of the
  /// zeros, by up to `threads` threads in disjoint chunks, on huge pages where Linux allows), then
  /// the steps run on `threads` threads. Without an initial state, the same as zeros and `apply`.
  /// - Throws: `SimulationError.insufficientMemory` when the state would not fit.
  public init(running compiled: CompiledCircuit, threads: Int) throws {
    let n = compiled.qubitCount
    guard let product = compiled.initialState else {
      try self.init(qubits: n, threads: threads)
      apply(compiled)
      return
    }
    try self.init(product: product, threads: max(1, threads))
    self.threads = max(1, threads)
    apply(compiled, blockQubits: CacheBlockedRun.defaultBlockQubits)
  }

  /// The product state `product`, written by up to `threads` threads: amplitude i is
  /// low[i mod 2^s] · high[i / 2^s] over tables of the lower and upper qubits.
  init(product: ProductState, threads: Int) throws {
    let n = product.factors.count
    try Self.checkFits(qubits: n)
    let split = n / 2
    let low = product.table(0..<split), high = product.table(split..<n)
    let count = 1 << n, lowCount = 1 << split
    let t = count * 8 >= HugePages.minimumBytes ? threads : 1
    var realParts = [Double](), imaginaryParts = [Double]()
    realParts = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      imaginaryParts = [Double](unsafeUninitializedCapacity: count) { imBuffer, imInitialized in
        let r = buffer.baseAddress!, i = imBuffer.baseAddress!
        HugePages.advise(r, bytes: count * 8)
        HugePages.advise(i, bytes: count * 8)
        low.re.withUnsafeBufferPointer { lr in
          low.im.withUnsafeBufferPointer { li in
            high.re.withUnsafeBufferPointer { hr in
              high.im.withUnsafeBufferPointer { hi in
                // Threads write disjoint rows (first touch on the thread that will use them).
                Parallel.chunks(count >> split, threads: t) { rows in
                  for h in rows {
                    let (pr, pi) = (hr[h], hi[h])
                    let (rowRe, rowIm) = (r + (h << split), i + (h << split))
                    for l in 0..<lowCount {
                      (rowRe + l).initialize(to: lr[l] * pr - li[l] * pi)
                      (rowIm + l).initialize(to: lr[l] * pi + li[l] * pr)
                    }
                  }
                }
              }
            }
          }
        }
        imInitialized = count
      }
      initialized = count
    }
    qubitCount = n
    re = realParts
    im = imaginaryParts
  }
}
