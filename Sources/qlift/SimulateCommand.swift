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
    do {
      print(try execute(), terminator: "")
    } catch let e as InputError {
      throw CommandError.badInput(e.message)
    }
  }

  /// The whole output text, or an `InputError`.
  func execute() throws -> String {
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
    do {
      if let model {
        var rho = try DensityMatrix(qubits: n)
        try rho.apply(circuit, bindings: [], noise: model)
        let probs = rho.probabilities
        if let shots { return try countsOutput(circuit, probs, shots: shots, readout: model) }
        let measured = model.applyReadout(to: probs, qubits: Array(0..<n))
        return probabilitiesOutput(n, statevector: nil, probabilities: measured)
      }
      var state = try StateVector(qubits: n)
      state.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
      state.apply(try CompiledCircuit(circuit))
      if let shots { return try countsOutput(circuit, state.probabilities, shots: shots, readout: nil) }
      return probabilitiesOutput(n, statevector: state, probabilities: state.probabilities)
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

  /// Counts over the classical bits (if the circuit measures) or over all qubits.
  func countsOutput(_ circuit: Circuit, _ probs: [Double], shots: Int, readout: NoiseModel?) throws -> String {
    // Outcome bit k is qubit qubits[k], written into classical bit bits[k] (the last measurement
    // into a bit wins, as in Qiskit).
    var qubits: [Int] = [], bits: [Int] = []
    let width: Int
    if circuit.measurements.isEmpty {
      qubits = Array(0..<circuit.qubitCount)
      bits = qubits
      width = circuit.qubitCount
    } else {
      var byBit: [Int: Int] = [:]
      for m in circuit.measurements { byBit[m.bit] = m.qubit }
      for b in byBit.keys.sorted() { bits.append(b); qubits.append(byBit[b]!) }
      width = circuit.bitCount
    }
    var distribution = marginal(probs, qubits: qubits)
    if let readout { distribution = readout.applyReadout(to: distribution, qubits: qubits) }
    let sampled = sampleDistribution(distribution, shots: shots, seed: seed)
    var counts: [String: Int] = [:]
    for (outcome, c) in sampled {
      var index = 0
      for (k, b) in bits.enumerated() where (outcome >> k) & 1 == 1 { index |= 1 << b }
      counts[bitString(index, width: width), default: 0] += c
    }
    let keys = counts.keys.sorted()
    if format == "json" {
      let entries = keys.map { "\"\($0)\": \(counts[$0]!)" }.joined(separator: ", ")
      var out = "{\"num_qubits\": \(circuit.qubitCount), \"num_clbits\": \(circuit.bitCount), "
      out += "\"counts\": {\(entries)}, \"shots\": \(shots), \"seed\": \(seed)"
      if let noise { out += ", \"noise\": \(jsonString(noise))" }
      return out + "}\n"
    }
    var out = "shots: \(shots)  seed: \(seed)\n"
    for k in keys { out += "\(k) \(counts[k]!)\n" }
    return out
  }

  /// The distribution over `qubits` (entry bit k = qubit qubits[k]) from full probabilities.
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

  /// The statevector (if any) and probabilities.
  func probabilitiesOutput(_ n: Int, statevector: StateVector?, probabilities: [Double]) -> String {
    if format == "json" {
      var out = "{\"num_qubits\": \(n)"
      if let s = statevector {
        out += ", \"statevector\": ["
        out += (0..<s.dimension).map { "[\(s.re[$0]), \(s.im[$0])]" }.joined(separator: ", ")
        out += "]"
      }
      out += ", \"probabilities\": [" + probabilities.map { "\($0)" }.joined(separator: ", ") + "]"
      if let noise { out += ", \"noise\": \(jsonString(noise))" }
      return out + "}\n"
    }
    var out = "qubits: \(n)\n"
    if let s = statevector {
      out += "index bits real imaginary probability\n"
      for i in 0..<s.dimension {
        out += "\(i) \(bitString(i, width: n)) \(s.re[i]) \(s.im[i]) \(probabilities[i])\n"
      }
    } else {
      out += "index bits probability\n"
      for (i, p) in probabilities.enumerated() { out += "\(i) \(bitString(i, width: n)) \(p)\n" }
    }
    return out
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
