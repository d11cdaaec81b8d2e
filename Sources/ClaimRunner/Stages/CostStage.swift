import ClaimSpec
import Foundation
import QMLKit
import QuantumSim

/// Cost counters of a claim's quantum models: circuit size before and after routing to the
/// device's coupling map and compiled to its native gates (`NativeCompiler`), the data-loading share, executions, shots, projected price and queue.
enum CostStage {
  /// The circuit a model runs per execution: compute-uncompute for a fidelity kernel, the
  /// encoding for a projected kernel, encoding plus ansatz for a variational model.
  static func executedCircuit(_ m: ModelPlan.Model, features: Int) throws -> (circuit: Circuit, encoding: CircuitStatistics) {
    let enc = try m.encoding.circuit(features: features).circuit
    switch m.spec.kind {
    case .kernel:
      var c = enc
      c.append(enc.inverse)
      return (c, enc.statistics)
    case .projectedKernel:
      return (enc, enc.statistics)
    case .variational:
      return (try VariationalStage.fullCircuit(m, features: features), enc.statistics)
    case .hybrid, .reuploading:
      return try VariationalStage.trainedCircuit(m, features: features)
    }
  }

  /// One record per model and backend, summed over seeds.
  static func records(claim: Claim, plan: ModelPlan, seeds: [SeedOutcome], features: Int) -> [CostRecord] {
    var out: [CostRecord] = []
    for m in plan.models where m.controlOf == nil {
      guard let (circuit, enc) = try? executedCircuit(m, features: features) else { continue }
      let stats = circuit.statistics
      for b in plan.backends {
        let outs = seeds.compactMap { $0.quantum[m.spec.id]?[b.spec.id] }
        let executions = Double(outs.reduce(0) { $0 + $1.executions })
        let shots = Double(outs.reduce(0) { $0 + $1.shots })
        var routedDepth = stats.depth, routed2q = circuit.nativeTwoQubitGateCount
        var price = 0.0, queue = 0.0
        var qpu: Double? = nil
        var native: NativeCircuit? = nil
        let mitigation = b.mitigation
        let scales = mitigation.scales
        // Shots of the readout calibrations (one per seed) and of the (folded) model circuits.
        let calibrationShots = Double(mitigation.calibrationCircuits * outs.count * (b.backend.shotsPerCircuit ?? 0))
        let circuitShots = max(shots - calibrationShots, 0)
        var zne: CircuitStatistics? = nil
        if let d = b.device {
          let device = DeviceAdapter(d)
          native = device.compiler.flatMap { try? $0.compile(circuit, bindings: representativeBindings(circuit)) }
          if let map = device.couplingMap(minimumQubits: circuit.qubitCount), let r = try? route(circuit, to: map) {
            routedDepth = r.statistics.depth
            routed2q = r.nativeTwoQubitGates
          }
          price = executions * device.pricePerTask + shots * device.pricePerShot
          if let native, let durations = device.durations(region: native.region) {
            // Mean schedule length per shot: each fold scale runs a third of the circuit shots
            // under ZNE; calibration circuits are measurements only (no gate time).
            let lengths = scales.map { s in
              Schedule((try? ZeroNoiseExtrapolation.fold(native.circuit, scale: s)) ?? native.circuit, durations: durations).length
            }
            let meanLength = lengths.reduce(0, +) / Double(lengths.count)
            let length = shots > 0 ? meanLength * circuitShots / shots : meanLength
            qpu = device.qpuSeconds(scheduleLength: length, executions: executions, shots: shots)
            if let qpu, let rate = d.pricePerQPUSecondUSD { price += qpu * rate }
          }
          queue = device.queueSeconds * Double(seeds.count)
        }
        if mitigation.zne {
          let executed = native?.circuit ?? (b.device.flatMap { DeviceAdapter($0).couplingMap(minimumQubits: circuit.qubitCount) }
            .flatMap { try? route(circuit, to: $0).circuit }) ?? circuit
          zne = (try? ZeroNoiseExtrapolation.fold(executed, scale: scales.max() ?? 1))?.statistics
        }
        out.append(CostRecord(
          model: m.spec.id, backend: b.spec.id, qubits: stats.qubits, depth: stats.depth,
          twoQubitGates: circuit.nativeTwoQubitGateCount, routedDepth: routedDepth, routedTwoQubitGates: routed2q,
          encodingDepth: enc.depth, encodingTwoQubitGates: enc.twoQubitGates, executions: executions, shots: shots,
          cloudUsd: price, queueSeconds: queue, seconds: outs.reduce(0) { $0 + $1.seconds },
          nativeDepth: native?.statistics.depth, nativeTwoQubitGates: native?.twoQubitGates,
          nativeOneQubitGates: native.map { $0.statistics.oneQubitGates }, swaps: native?.swapsInserted))
        out[out.count - 1].qpuSeconds = qpu
        if !mitigation.isNone {
          out[out.count - 1].mitigation = mitigation.label
          out[out.count - 1].zneDepth = zne?.depth
          out[out.count - 1].zneTwoQubitGates = zne.map { _ in
            (native?.twoQubitGates ?? routed2q) * (scales.max() ?? 1)
          }
        }
        if b.spec.measureDiagonal { out[out.count - 1].measureDiagonal = true }
      }
    }
    return out
  }

  /// Angles for compiling a symbolic circuit for its counts: one generic value per symbol (no
  /// special angle, so no rotation synthesizes shorter than it would for typical data).
  static func representativeBindings(_ c: Circuit) -> [Double] {
    c.symbols.indices.map { 0.37 + 0.11 * Double($0 % 7) }
  }

  /// Each bound of the criteria checked against the worst (or total) measured value.
  static func checks(_ bounds: CostBounds, costs: [CostRecord], runtime: Double) -> [BoundCheck] {
    var out: [BoundCheck] = []
    func add(_ name: String, _ limit: Double?, _ actual: Double) {
      guard let limit else { return }
      out.append(BoundCheck(name: name, limit: limit, actual: actual, held: actual <= limit))
    }
    add("max_qubits", bounds.maxQubits.map(Double.init), Double(costs.map(\.qubits).max() ?? 0))
    // Device backends are held to their compiled native circuit, the rest to the routed logical one.
    // Under ZNE, the deepest circuit executed is the scale-5 fold.
    add("max_depth", bounds.maxDepth.map(Double.init),
        Double(costs.map { $0.zneDepth ?? $0.nativeDepth ?? $0.routedDepth }.max() ?? 0))
    add(
      "max_two_qubit_gates", bounds.maxTwoQubitGates.map(Double.init),
      Double(costs.map { $0.zneTwoQubitGates ?? $0.nativeTwoQubitGates ?? $0.routedTwoQubitGates }.max() ?? 0))
    add("max_shots", bounds.maxShots, costs.reduce(0) { $0 + $1.shots })
    add("max_executions", bounds.maxExecutions, costs.reduce(0) { $0 + $1.executions })
    add("max_cloud_usd", bounds.maxCloudUSD, costs.reduce(0) { $0 + $1.cloudUsd })
    add("max_qpu_seconds", bounds.maxQPUSeconds, costs.compactMap(\.qpuSeconds).reduce(0, +))
    add("max_runtime_seconds", bounds.maxRuntimeSeconds, runtime)
    return out
  }
}
