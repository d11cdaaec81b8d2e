import ArgumentParser
import Foundation
import QuantumSim

/// `qlift simulate`: runs one OpenQASM 2.0 (or exported OpenQASM 3) circuit and prints its statevector, probabilities or counts.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Simulate an OpenQASM 2.0 or 3 circuit: statevector and probabilities, or counts with --shots.",
    discussion: """
      Qubit 0 is the least significant bit of a basis index and the rightmost character of a \
      bit string (as Qiskit prints counts). Without --shots: the statevector (index, real, \
      imaginary) and the probabilities; with --noise, the density-matrix probabilities. With \
      --shots: only the counts, over the circuit's classical bits if it measures, else over all \
      qubits. OpenQASM 3 files are read in the subset 'qlift export-qasm' writes (qubit/bit \
      declarations, c[i] = measure q[i], gate definitions, inv @, gphase). See docs/SIMULATE.md for \
      the JSON format. Exit code 2 on bad input.
      """
  )

  @Argument(help: "The OpenQASM 2.0 or 3 file.")
  var file: String
  @Option(help: "Sample this many shots and print counts only.")
  var shots: Int?
  @Option(help: "Seed for shot sampling.")
  var seed: UInt64 = 0
  @Option(help: "Noise model, e.g. depolarizing=0.001,readout=0.02 (density-matrix simulation).")
  var noise: String?
  @Option(help: "Output format: text or json.")
  var format: String = "text"
  @Option(help: "Threads for the statevector kernels (default: all cores). Results do not depend on it.")
  var threads: Int?

  /// Largest accepted --shots (the sampler holds one double per shot).
  static let maxShots = 100_000_000
  /// Largest OpenQASM file read.
  static let maxFileBytes = 64 << 20

  /// A bad-input failure with its already formatted message.
  struct InputError: Error { let message: String }

  func run() throws {
    let out = BufferedOutput(handle: .standardOutput)
    do {
      try execute(into: out)
      try out.flush()
    } catch let e as InputError {
      throw CommandError.badInput(e.message)
    }
  }

  /// The whole output text, or an `InputError` (for callers that want a string).
  func execute() throws -> String {
    let out = BufferedOutput(handle: nil)
    try execute(into: out)
    try out.flush()
    return out.text
  }

  /// Checks the input, simulates, and writes the output to `out` in chunks; every `InputError`
  /// (bad flags, bad QASM, not enough memory) is thrown before anything is written.
  func execute(into out: BufferedOutput) throws {
    guard format == "text" || format == "json" else {
      throw InputError(message: "error: --format: unknown format '\(format)'; expected text or json")
    }
    if let shots, shots <= 0 || shots > Self.maxShots {
      throw InputError(message: "error: --shots must be between 1 and \(Self.maxShots), got \(shots)")
    }
    if let threads, threads < 1 {
      throw InputError(message: "error: --threads must be at least 1, got \(threads)")
    }
    let circuit = try load()
    try checkNoMidCircuitMeasurement(circuit)
    let model: NoiseModel?
    do {
      model = try noise.map { try NoiseModel(specification: $0) }
    } catch {
      throw InputError(message: "error: --noise: \(error)")
    }
    let n = circuit.qubitCount
    let (qubits, bits) = measuredQubits(circuit)
    do {
      if let model {
        var rho = try DensityMatrix(qubits: n)
        try rho.apply(circuit, bindings: [], noise: model)
        let probs = rho.probabilities
        if let shots {
          let distribution = model.applyReadout(to: marginal(probs, qubits: qubits), qubits: qubits)
          let outcomes = sampledOutcomes(distribution, shots: shots, seed: seed)
          return try countsOutput(circuit, outcomes, bits: bits, shots: shots, to: out)
        }
        let measured = model.applyReadout(to: probs, qubits: Array(0..<n))
        return try probabilitiesOutput(n, statevector: nil, probabilities: measured, to: out)
      }
      // Everything large the run holds, checked before the state is allocated: the state,
      // the plan's tables and the sampler's buffers (no probability array is ever built).
      // Checked once without the plan first: a plan's tables grow with the qubits too.
      try StatevectorRunMemory(qubits: n, planBytes: 0, shots: shots, measured: qubits).check()
      // From |0...0>: the leading single-qubit gates become the state's first values, not passes.
      let compiled = try CompiledCircuit(circuit, fromZero: true)
      try StatevectorRunMemory(qubits: n, planBytes: compiled.tableBytes, shots: shots, measured: qubits).check()
      let state = try StateVector(running: compiled, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
      if let shots {
        let outcomes = state.sampledOutcomes(shots: shots, seed: seed, over: qubits)
        return try countsOutput(circuit, outcomes, bits: bits, shots: shots, to: out)
      }
      return try probabilitiesOutput(n, statevector: state, probabilities: nil, to: out)
    } catch let e as SimulationError {
      throw InputError(message: "\(file): error: \(e.description)")
    }
  }

  /// Reads and parses the file, turning failures into located messages.
  func load() throws -> Circuit {
    let url = URL(fileURLWithPath: file)
    let text: String
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      if let size = attributes[.size] as? Int, size > Self.maxFileBytes {
        throw InputError(message: "\(file): error: file is \(size) bytes; at most \(Self.maxFileBytes) are read")
      }
      let data = try Data(contentsOf: url)
      guard let s = String(data: data, encoding: .utf8) else {
        throw InputError(message: "\(file): error: file is not UTF-8 text")
      }
      text = s
    } catch let e as InputError {
      throw e
    } catch {
      throw InputError(message: "\(file): error: cannot read the file (\(error.localizedDescription))")
    }
    do {
      return try Circuit(qasm: text)
    } catch {
      throw InputError(message: error.located(in: file))
    }
  }

  /// The simulators apply every gate and sample at the end, so a gate on an already measured
  /// qubit would give a silently wrong answer: refuse it.
  func checkNoMidCircuitMeasurement(_ circuit: Circuit) throws {
    var measured = Set<Int>()
    for op in circuit.operations {
      switch op {
      case .measure(let q, _): measured.insert(q)
      case .gate(let g):
        if let q = g.qubits.first(where: measured.contains) {
          throw InputError(
            message: "\(file): error: gate '\(g.kind.rawValue)' acts on qubit \(q) after it is measured; mid-circuit measurement is not supported")
        }
      case .barrier: break
      }
    }
  }

  /// The qubits sampled (outcome bit k = qubit qubits[k]) and the classical bit each is written
  /// into: the circuit's measurements (the last measurement into a bit wins, as in Qiskit), or
  /// every qubit into the bit of its own index when the circuit measures nothing.
  func measuredQubits(_ circuit: Circuit) -> (qubits: [Int], bits: [Int]) {
    if circuit.measurements.isEmpty {
      let all = Array(0..<circuit.qubitCount)
      return (all, all)
    }
    var byBit: [Int: Int] = [:]
    for m in circuit.measurements { byBit[m.bit] = m.qubit }
    let bits = byBit.keys.sorted()
    return (bits.map { byBit[$0]! }, bits)
  }

  /// Writes the counts of `outcomes` (outcome bit k goes to classical bit bits[k]), sorted by
  /// bit string, one line (or JSON entry) at a time.
  func countsOutput(_ circuit: Circuit, _ outcomes: [SampledOutcome], bits: [Int], shots: Int, to out: BufferedOutput) throws {
    let width = circuit.measurements.isEmpty ? circuit.qubitCount : circuit.bitCount
    // Bit strings of one width sort as their indices do.
    var counts = outcomes.map { o -> SampledOutcome in
      var index = 0
      for (k, b) in bits.enumerated() where (o.index >> k) & 1 == 1 { index |= 1 << b }
      return SampledOutcome(index: index, count: o.count)
    }
    counts.sort { $0.index < $1.index }
    if format == "json" {
      try out.write("{\"num_qubits\": \(circuit.qubitCount), \"num_clbits\": \(circuit.bitCount), \"counts\": {")
      for (k, c) in counts.enumerated() {
        try out.write(k == 0 ? "\"" : ", \"")
        try out.writeBits(c.index, width: width)
        try out.write("\": \(c.count)")
      }
      try out.write("}, \"shots\": \(shots), \"seed\": \(seed)")
      if let noise { try out.write(", \"noise\": \(jsonString(noise))") }
      return try out.write("}\n")
    }
    try out.write("shots: \(shots)  seed: \(seed)\n")
    for c in counts {
      try out.writeBits(c.index, width: width)
      try out.write(" \(c.count)\n")
    }
  }

  /// The distribution over `qubits` (entry bit k = qubit qubits[k]) from full probabilities
  /// (the density-matrix path; the statevector path reads marginals from the amplitudes).
  func marginal(_ probs: [Double], qubits: [Int]) -> [Double] {
    if qubits == Array(0..<qubits.count) && probs.count == 1 << qubits.count { return probs }
    var out = [Double](repeating: 0, count: 1 << qubits.count)
    for (i, p) in probs.enumerated() where p != 0 {
      var j = 0
      for (k, q) in qubits.enumerated() where (i >> q) & 1 == 1 { j |= 1 << k }
      out[j] += p
    }
    return out
  }

  /// Writes the statevector (if any) and the probabilities, amplitude by amplitude: with a
  /// statevector the probability of index i is |a_i|^2, computed as it is written.
  func probabilitiesOutput(_ n: Int, statevector: StateVector?, probabilities: [Double]?, to out: BufferedOutput) throws {
    let dimension = statevector?.dimension ?? probabilities?.count ?? 0
    func probability(_ i: Int) -> Double {
      if let s = statevector { return s.re[i] * s.re[i] + s.im[i] * s.im[i] }
      return probabilities?[i] ?? 0
    }
    if format == "json" {
      try out.write("{\"num_qubits\": \(n)")
      if let s = statevector {
        try out.write(", \"statevector\": [")
        for i in 0..<dimension { try out.write(i == 0 ? "[\(s.re[i]), \(s.im[i])]" : ", [\(s.re[i]), \(s.im[i])]") }
        try out.write("]")
      }
      try out.write(", \"probabilities\": [")
      for i in 0..<dimension { try out.write(i == 0 ? "\(probability(i))" : ", \(probability(i))") }
      try out.write("]")
      if let noise { try out.write(", \"noise\": \(jsonString(noise))") }
      return try out.write("}\n")
    }
    try out.write("qubits: \(n)\n")
    try out.write(statevector == nil ? "index bits probability\n" : "index bits real imaginary probability\n")
    for i in 0..<dimension {
      try out.write("\(i) ")
      try out.writeBits(i, width: n)
      if let s = statevector {
        try out.write(" \(s.re[i]) \(s.im[i]) \(probability(i))\n")
      } else {
        try out.write(" \(probability(i))\n")
      }
    }
  }

  /// A JSON string literal.
  func jsonString(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case _ where c.value < 0x20: out += String(format: "\\u%04x", c.value)
      default: out.unicodeScalars.append(c)
      }
    }
    return out + "\""
  }
}
