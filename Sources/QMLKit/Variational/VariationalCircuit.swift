import QuantumSim

/// The full circuit of a variational model: the encoding (optionally re-uploaded before every
/// layer), the ansatz's weight layers and the readout, with the tables gradient methods need.
///
/// Symbols: the encoding's symbols first, then the weights `w0 ... w(P−1)`. Gradients are taken
/// with respect to the weights through each gate's angle expression
/// (`Angle.derivative(withRespectTo:)`), so weights may appear inside expressions.
public struct VariationalCircuit: Sendable {
  /// The circuit (encoding + ansatz).
  public let circuit: Circuit
  /// The encoding part (its symbols are bound per input).
  public let encoded: EncodedCircuit
  /// Number of trainable weights.
  public let weightCount: Int
  /// Index of `w0` in `circuit.symbols`.
  public let weightOffset: Int
  /// What is measured.
  public let readout: Readout

  /// Gates in order, their inverses, and per gate the weights it depends on with ∂angle/∂w.
  let gates: [Gate]
  let inverses: [Gate]
  let dependencies: [[(weight: Int, derivative: Angle)]]
  /// Generator of each weight-dependent gate (nil for gates that do not depend on weights).
  let generators: [Generator?]
  /// Indices of the gates that depend on weights (parameter-shift evaluates each twice).
  let trainableGates: [Int]
  /// The circuit with an extra shift symbol added to the angle of each trainable gate
  /// (symbols: circuit symbols, then one per entry of `trainableGates`).
  let shiftCircuit: Circuit
  /// One z gate per readout qubit (applying them gives O|ψ>).
  let readoutGates: [Gate]

  /// Builds the circuit for `features` inputs.
  /// - Throws: `ModelError.invalidHyperparameter` for bad settings, a readout qubit out of
  ///   range, or a weight inside a gate with no two-eigenvalue generator (rx, ry, rz, p, rxx,
  ///   ryy, rzz are supported).
  public init(encoding: any Encoding, features: Int, ansatz: Ansatz, readout: Readout, reuploading: Bool = false) throws {
    try ansatz.validate()
    let encoded = try encoding.circuit(features: features)
    let n = encoded.circuit.qubitCount
    guard !readout.qubits.isEmpty, readout.qubits.allSatisfy({ $0 >= 0 && $0 < n }),
      Set(readout.qubits).count == readout.qubits.count
    else {
      throw ModelError.invalidHyperparameter("readout \(readout.label) must name distinct qubits in 0..<\(n)")
    }
    var c = encoded.circuit
    let offset = c.symbols.count
    var w = 0
    for layer in 0..<ansatz.layers {
      if reuploading && layer > 0 { c.append(encoded.circuit) }
      ansatz.appendLayer(layer, to: &c, qubits: n, offset: &w)
    }
    assert(c.symbols.count == offset + w)
    try self.init(circuit: c, encoded: encoded, weightOffset: offset, readout: readout)
  }

  /// A model over a circuit built elsewhere: symbols `0..<weightOffset` are bound per input by
  /// `encoded`, every later symbol is a trainable weight (gradients are taken for those).
  /// `encoded.circuit` only stands for the data-loading share in `encodingStatistics`.
  /// - Throws: `ModelError.invalidHyperparameter` as the main initializer.
  public init(circuit c: Circuit, encoded: EncodedCircuit, weightOffset offset: Int, readout: Readout) throws {
    let n = c.qubitCount
    guard !readout.qubits.isEmpty, readout.qubits.allSatisfy({ $0 >= 0 && $0 < n }),
      Set(readout.qubits).count == readout.qubits.count
    else {
      throw ModelError.invalidHyperparameter("readout \(readout.label) must name distinct qubits in 0..<\(n)")
    }
    self.circuit = c
    self.encoded = encoded
    self.weightCount = c.symbols.count - offset
    self.weightOffset = offset
    self.readout = readout
    self.gates = c.gates
    self.inverses = gates.map(\.inverse)
    var deps: [[(weight: Int, derivative: Angle)]] = []
    var gens: [Generator?] = []
    var trainable: [Int] = []
    for (k, g) in gates.enumerated() {
      let ws = g.parameters.flatMap(\.symbolIndices).filter { $0 >= offset }
      if ws.isEmpty {
        deps.append([])
        gens.append(nil)
        continue
      }
      guard g.parameters.count == 1, let gen = Generator(g) else {
        throw ModelError.invalidHyperparameter("cannot differentiate weights inside a \(g.kind) gate")
      }
      deps.append(Set(ws).sorted().map { ($0 - offset, g.parameters[0].derivative(withRespectTo: $0)) })
      gens.append(gen)
      trainable.append(k)
    }
    self.dependencies = deps
    self.generators = gens
    self.trainableGates = trainable
    var s = Circuit(qubits: n)
    for name in c.symbols { _ = s.symbol(name) }
    var t = 0
    for (k, g) in gates.enumerated() {
      var h = g
      if gens[k] != nil {
        h.parameters = [g.parameters[0] + s.symbol("shift\(t)")]
        t += 1
      }
      s.append(h)
    }
    self.shiftCircuit = s
    self.readoutGates = readout.qubits.map { Gate(.z, [$0]) }
  }

  /// Symbol values for input `x` and `weights`.
  public func bindings(_ x: [Double], weights: [Double]) throws -> [Double] {
    precondition(weights.count == weightCount, "expected \(weightCount) weights, got \(weights.count)")
    return try encoded.bindings(x) + weights
  }

  /// Cost of the whole circuit (encoding and ansatz).
  public var statistics: CircuitStatistics { circuit.statistics }
  /// Cost of loading one input (the data-loading share; once even with re-uploading).
  public var encodingStatistics: CircuitStatistics { encoded.statistics }

  /// The readout value of a statevector: ⟨Z_q⟩ or the parity expectation.
  func readoutValue(_ s: StateVector) -> Double {
    let mask = readout.mask
    var v = 0.0
    for i in 0..<s.dimension {
      let p = s.re[i] * s.re[i] + s.im[i] * s.im[i]
      v += (i & mask).nonzeroBitCount & 1 == 0 ? p : -p
    }
    return v
  }

  /// The readout value from a probability distribution over the readout qubits (index bit k =
  /// `readout.qubits[k]`).
  func readoutValue(marginal: [Double]) -> Double {
    var v = 0.0
    for (i, p) in marginal.enumerated() { v += i.nonzeroBitCount & 1 == 0 ? p : -p }
    return v
  }
}

/// The Hermitian generator G of a one-parameter gate U(θ), with the derivative rule
/// dU/dθ = −(i/2) G U for exp(−iθG/2) gates, and dU/dθ = i P1 U for the phase gate.
enum Generator: Sendable {
  case x(Int), y(Int), z(Int), phase(Int)
  case xx(Int, Int), yy(Int, Int), zz(Int, Int)

  init?(_ g: Gate) {
    let q = g.qubits
    switch g.kind {
    case .rx: self = .x(q[0])
    case .ry: self = .y(q[0])
    case .rz: self = .z(q[0])
    case .p: self = .phase(q[0])
    case .rxx: self = .xx(q[0], q[1])
    case .ryy: self = .yy(q[0], q[1])
    case .rzz: self = .zz(q[0], q[1])
    default: return nil
    }
  }

  /// d⟨ψ|O|ψ⟩/dθ at this gate, from ψ = the state just after the gate and
  /// λ = (the gates after it)† O (final state): 2 Re⟨λ| dU/dθ U† |ψ⟩.
  func derivativeTerm(lambda l: StateVector, psi s: StateVector) -> Double {
    let dim = s.dimension
    switch self {
    case .z(let q), .phase(let q):
      let bit = 1 << q
      var acc = 0.0, accOne = 0.0
      for i in 0..<dim {
        let t = l.re[i] * s.im[i] - l.im[i] * s.re[i]  // Im(conj(λ_i) ψ_i)
        if i & bit == 0 { acc += t } else { accOne += t }
      }
      if case .phase = self { return -2 * accOne }  // −2 Im⟨λ|P1|ψ⟩
      return acc - accOne  // Im⟨λ|Z|ψ⟩
    case .x(let q), .xx(let q, _):
      var mask = 1 << q
      if case .xx(_, let r) = self { mask |= 1 << r }
      var acc = 0.0
      for i in 0..<dim {
        let j = i ^ mask
        acc += l.re[i] * s.im[j] - l.im[i] * s.re[j]
      }
      return acc
    case .y(let q):
      let bit = 1 << q
      var acc = 0.0
      for i in 0..<dim {
        let j = i ^ bit
        // (Yψ)_i = +i ψ_j when bit q of i is set, −i ψ_j otherwise; Im(conj(λ_i)·(±i)ψ_j) = ±Re(conj(λ_i)ψ_j).
        let r = l.re[i] * s.re[j] + l.im[i] * s.im[j]
        acc += i & bit != 0 ? r : -r
      }
      return acc
    case .yy(let a, let b):
      let mask = (1 << a) | (1 << b)
      var acc = 0.0
      for i in 0..<dim {
        let j = i ^ mask
        let sign: Double = ((i >> a) ^ (i >> b)) & 1 == 0 ? -1 : 1  // (YYψ)_i = −(−1)^{b_a⊕b_b} ψ_j
        acc += sign * (l.re[i] * s.im[j] - l.im[i] * s.re[j])
      }
      return acc
    case .zz(let a, let b):
      var acc = 0.0
      for i in 0..<dim {
        let t = l.re[i] * s.im[i] - l.im[i] * s.re[i]
        acc += ((i >> a) ^ (i >> b)) & 1 == 0 ? t : -t
      }
      return acc
    }
  }
}
