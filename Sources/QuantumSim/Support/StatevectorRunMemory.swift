/// The memory one statevector run needs at its peak (the state, the compiled plan's tables and
/// the sampler's buffers), so `qlift simulate` refuses a run that will not fit before it
/// allocates anything large.
public struct StatevectorRunMemory: Sendable, Equatable {
  /// Qubits of the state.
  public let qubits: Int
  /// The statevector: two doubles per amplitude.
  public let stateBytes: Double
  /// The compiled plan's diagonal-block tables (`CompiledCircuit.tableBytes`).
  public let planBytes: Double
  /// Shot sampling: one double per shot (the sorted uniforms), `bytesPerOutcome` per distinct
  /// outcome (at most min(shots, 2^k) for k measured qubits), and the 2^k-double marginal
  /// unless every qubit is measured in order (then the amplitudes are sampled directly).
  public let samplingBytes: Double

  /// Bytes per distinct outcome drawn: the (index, count) pair, its mapped and sorted copy, and
  /// array growth and sort scratch.
  public static let bytesPerOutcome = 64.0
  /// Share of the available memory a run may use; the rest is left for the process and the system.
  public static let usableShare = 0.9

  /// The needs of a `qubits`-qubit run whose plan holds `planBytes`, sampling `shots` (nil: no
  /// sampling) over `measured` qubits (outcome bit k = qubit `measured[k]`).
  public init(qubits: Int, planBytes: Double, shots: Int?, measured: [Int]) {
    self.qubits = qubits
    stateBytes = MemoryGuard.statevectorBytes(qubits: qubits)
    self.planBytes = planBytes
    if let shots {
      let k = Double(measured.count)
      let outcomes = Swift.min(Double(shots), pow2(k))
      let inOrder = StateVector.isEveryQubitInOrder(measured, qubits)
      samplingBytes = 8 * Double(shots) + Self.bytesPerOutcome * outcomes + (inOrder ? 0 : 8 * pow2(k))
    } else {
      samplingBytes = 0
    }
  }

  /// Everything the run holds at its peak.
  public var totalBytes: Double { stateBytes + planBytes + samplingBytes }

  /// Throws `SimulationError.insufficientMemory` (naming the parts and the memory available) when
  /// the run needs more than `usableShare` of `available` bytes.
  public func check(available: Double = MemoryGuard.availableBytes) throws {
    let total = totalBytes
    if total.isFinite && total <= available * Self.usableShare { return }
    var parts = "state \(formatBytes(stateBytes))"
    if planBytes > 0 { parts += " + compiled plan \(formatBytes(planBytes))" }
    if samplingBytes > 0 { parts += " + sampling \(formatBytes(samplingBytes))" }
    throw SimulationError.insufficientMemory(
      qubits: qubits, bytesNeeded: total, bytesAvailable: available,
      what: "statevector run (\(parts); at most \(Int(Self.usableShare * 100))% of the available memory is used)")
  }
}

/// 2^k as a double (finite for any k a state could have).
private func pow2(_ k: Double) -> Double { Double(sign: .plus, exponent: Int(k), significand: 1) }
