import Numerics

/// A pure state of `qubitCount` qubits: 2^n complex amplitudes stored as split
/// real and imaginary arrays. Qubit 0 is the least significant bit of the index.
public struct StateVector: Sendable, Equatable {
  /// Number of qubits.
  public let qubitCount: Int
  /// Real parts of the amplitudes.
  public internal(set) var re: [Double]
  /// Imaginary parts of the amplitudes.
  public internal(set) var im: [Double]
  /// Threads the kernels may use (1 = serial). Results do not depend on it.
  public var threads: Int = 1

  /// The all-zeros state |0...0>; fails up front if it would not fit in memory.
  public init(qubits: Int) throws {
    try self.init(qubits: qubits, zeroing: 1)
  }

  /// The all-zeros state, its storage zeroed by up to `zeroing` threads (`HugePages.zeros`).
  init(qubits: Int, zeroing: Int) throws {
    try Self.checkFits(qubits: qubits)
    qubitCount = qubits
    re = HugePages.zeros(1 << qubits, threads: zeroing)
    im = HugePages.zeros(1 << qubits, threads: zeroing)
    re[0] = 1
  }

  /// Throws `SimulationError.insufficientMemory` unless a state of `qubits` qubits fits in memory.
  static func checkFits(qubits: Int) throws {
    guard qubits >= 0, qubits < 62 else {
      throw SimulationError.insufficientMemory(
        qubits: qubits, bytesNeeded: MemoryGuard.statevectorBytes(qubits: max(qubits, 0)),
        bytesAvailable: MemoryGuard.availableBytes, what: "statevector")
    }
    try MemoryGuard.check(qubits: qubits, bytes: MemoryGuard.statevectorBytes(qubits: qubits), what: "statevector")
  }

  /// A state from explicit amplitudes (count must be a power of two).
  public init(amplitudes: [Complex<Double>]) {
    let n = amplitudes.count.trailingZeroBitCount
    precondition(amplitudes.count == 1 << n, "amplitude count must be a power of two")
    qubitCount = n
    re = amplitudes.map(\.real)
    im = amplitudes.map(\.imaginary)
  }

  /// Number of amplitudes, 2^n.
  public var dimension: Int { re.count }

  /// The amplitude of basis state `index`.
  public subscript(index: Int) -> Complex<Double> { Complex(re[index], im[index]) }

  /// All amplitudes as complex numbers.
  public var amplitudes: [Complex<Double>] { (0..<dimension).map { self[$0] } }

  /// Resets to |0...0> without reallocating.
  public mutating func reset() {
    for i in 0..<dimension { re[i] = 0; im[i] = 0 }
    re[0] = 1
  }

  /// Copies `other`'s amplitudes into this state's own storage (same size), so a scratch state
  /// reused in a loop is not reallocated (plain assignment shares the buffer, and the next
  /// gate would copy it).
  public mutating func assign(from other: StateVector) {
    precondition(dimension == other.dimension, "states differ in size")
    re.withUnsafeMutableBufferPointer { d in
      other.re.withUnsafeBufferPointer { s in d.baseAddress!.update(from: s.baseAddress!, count: s.count) }
    }
    im.withUnsafeMutableBufferPointer { d in
      other.im.withUnsafeBufferPointer { s in d.baseAddress!.update(from: s.baseAddress!, count: s.count) }
    }
  }

  /// Squared norm (1 for a normalised state).
  public var normSquared: Double {
    var s = 0.0
    for i in 0..<dimension { s += re[i] * re[i] + im[i] * im[i] }
    return s
  }

  /// <self|other>.
  public func inner(_ other: StateVector) -> Complex<Double> {
    precondition(dimension == other.dimension, "states differ in size")
    var sr = 0.0, si = 0.0
    for i in 0..<dimension {
      sr += re[i] * other.re[i] + im[i] * other.im[i]
      si += re[i] * other.im[i] - im[i] * other.re[i]
    }
    return Complex(sr, si)
  }

  /// Equal when the amplitudes are equal (the thread count is a setting, not part of the state).
  public static func == (a: StateVector, b: StateVector) -> Bool {
    a.qubitCount == b.qubitCount && a.re == b.re && a.im == b.im
  }

  /// |<self|other>|^2.
  public func fidelity(_ other: StateVector) -> Double { inner(other).lengthSquared }
}
