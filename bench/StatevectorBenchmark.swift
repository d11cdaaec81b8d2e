import Foundation
import QuantumSim

/// B1 of issue 2: 10 layers of ry on every qubit, rz on every qubit, then cx(0,1), cx(1,2), ...
/// Reports seconds (median), gates/s, the bytes the kernels read and write per second, and the
/// memory-copy bandwidth measured in the same run, on 1 thread and on all cores, for the plain
/// circuit, the opt-in fused plans (`Circuit.fused`) and the compiled plan (`CompiledCircuit`).
enum StatevectorBenchmark {
  static let sizes = [10, 16, 20, 22]
  static let layers = 10

  /// The layered circuit with symbolic angles bound at run time (as a variational model would).
  static func layered(_ n: Int) -> (Circuit, [Double]) {
    var c = Circuit(qubits: n)
    var values: [Double] = []
    var rng = SeededGenerator(seed: 2026)
    for l in 0..<layers {
      for q in 0..<n { c.append(.ry, q, parameters: [c.symbol("ry_\(l)_\(q)")]); values.append(rng.nextUnit() * 6) }
      for q in 0..<n { c.append(.rz, q, parameters: [c.symbol("rz_\(l)_\(q)")]); values.append(rng.nextUnit() * 6) }
      for q in 0..<(n - 1) { c.append(.cx, q, q + 1) }
    }
    return (c, values)
  }

  /// One way of running the circuit: its name, kernel passes, bytes touched (nil: not modelled).
  struct Plan {
    let name: String
    let passes: Int
    let bytes: Double?
    let run: (inout StateVector) -> Void
  }

  static func bytes(_ gates: [Gate], _ n: Int) -> Double { gates.reduce(0.0) { $0 + bytesTouched($1, n: n) } }

  static func fusedPlan(_ name: String, _ fused: Circuit, _ n: Int) -> Plan {
    Plan(name: name, passes: fused.gates.count, bytes: bytes(fused.gates, n)) { s in try! s.apply(fused) }
  }

  /// Bytes one gate's kernel reads plus writes on an n-qubit state (16 bytes per amplitude each way).
  static func bytesTouched(_ g: Gate, n: Int) -> Double {
    let all = 32 * pow(2, Double(n))
    switch g.kind {
    case .id: return 0
    case .cx, .cy, .ch, .crx, .cry, .crz, .cu, .swap: return all / 2  // half the amplitudes move
    case .cz, .cp: return all / 4
    case .ccx, .cswap: return all / 4
    case .z, .s, .sdg, .t, .tdg, .p: return all / 2  // the |0> half is skipped
    default: return all
    }
  }

  /// Per-kernel cost by target qubit at n = 20, one thread (CPU seconds per gate).
  static func runKernels() {
    let n = 20
    var state = try! StateVector(qubits: n)
    state.threads = 1
    print("| qubit | ry (real dense1) | u (complex dense1) | rz (diagonal1) | cx(q, q+1 or q-1) | unitary2(q, q±1) |")
    print("|---|---|---|---|---|---|")
    let u2 = Gate(.unitary2, [0, 1], matrix: GateMatrices.full(Gate(.ryy, [0, 1], [0.7]), [0.7]))
    for q in [0, 1, 2, 3, 5, 8, 12, 16, 19] {
      let other = q == n - 1 ? q - 1 : q + 1
      var g2 = u2
      g2.qubits = [q, other]
      let gates = [
        Gate(.ry, [q], [0.3]), Gate(.u, [q], [0.3, 0.2, 0.1]), Gate(.rz, [q], [0.3]), Gate(.cx, [q, other]), g2,
      ]
      let cells = gates.map { g -> String in
        let t = BenchClock.medians(runs: 9) { for _ in 0..<10 { state.apply(g) } }
        return sig(t.cpu / 10 * 1e3, 3) + " ms"
      }
      print("| \(q) | " + cells.joined(separator: " | ") + " |")
    }
  }

  static func run() {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let copyLarge = BenchClock.copyBandwidth(bytes: 256 << 20, runs: 5)
    print("Machine: \(cores) core(s). Memory copy (read + write): 256 MiB \(sig(copyLarge / 1e9)) GB/s.\n")
    print("| n | plan | threads | kernel passes | seconds (median wall) | CPU seconds (median) | gates/s | kernel GB/s | copy GB/s (state size) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in sizes {
      let (circuit, values) = layered(n)
      let gateCount = circuit.gates.count
      let stateBytes = Int(16 * pow(2, Double(n)))
      let copy = BenchClock.copyBandwidth(bytes: max(stateBytes, 1 << 16), runs: n >= 20 ? 7 : 21)
      let runs = n <= 10 ? 201 : n <= 16 ? 21 : n <= 20 ? 7 : 3
      var state = try! StateVector(qubits: n)
      let compiledOnce = try! CompiledCircuit(circuit, bindings: values)
      let plans: [Plan] = [
        Plan(name: "plain", passes: circuit.gates.count, bytes: bytes(circuit.gates, n)) { s in
          try! s.apply(circuit, bindings: values)
        },
        fusedPlan("fused 1q", try! circuit.fused(bindings: values), n),
        fusedPlan("fused 1q+2q", try! circuit.fused(bindings: values, absorbIntoTwoQubit: true), n),
        Plan(name: "compiled (timed with compiling)", passes: compiledOnce.passCount, bytes: nil) { s in
          s.apply(try! CompiledCircuit(circuit, bindings: values))
        },
      ]
      for threadCount in Array(Set([1, cores])).sorted() {
        state.threads = threadCount
        for plan in plans {
          let t = BenchClock.medians(runs: runs) {
            state.reset()
            plan.run(&state)
          }
          // Reset writes the state once more; exclude its time by measuring it separately.
          let tReset = BenchClock.medians(runs: runs) { state.reset() }
          let tApply = max(t.wall - tReset.wall, 1e-9)
          let cpuApply = max(t.cpu - tReset.cpu, 1e-9)
          let gbps = plan.bytes.map { sig($0 / tApply / 1e9, 3) } ?? "-"
          print(
            "| \(n) | \(plan.name) | \(threadCount) | \(plan.passes) | \(sig(tApply, 3)) | \(sig(cpuApply, 3)) | \(sig(Double(gateCount) / tApply, 3)) | \(gbps) | \(sig(copy / 1e9, 3)) |"
          )
        }
      }
    }
    print("\nGates/s counts the circuit's \(layers)·(3n−1) gates whatever the plan. Kernel GB/s: bytes the kernels read and write (16 B per amplitude each way; cx moves half the amplitudes) per second.")
  }
}
