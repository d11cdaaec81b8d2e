import ClaimRunner
import ClaimSpec
import Foundation
import Testing

/// A small square-lattice device: 2 x 3 grid, priced like a cloud device, with noise.
private let gridDevice = """
  id: grid6
  name: test grid
  vendor: test
  native_gates: [cz, rz, sx, x]   # test figure
  coupling:
    kind: grid   # test figure
    qubits: 6    # test figure
    edges: [[0, 1], [1, 2], [3, 4], [4, 5], [0, 3], [1, 4], [2, 5]]   # test figure
  t1_us: 100            # test figure
  t2_us: 80             # test figure
  gate_time_1q_ns: 30   # test figure
  gate_time_2q_ns: 60   # test figure
  error_1q: 1.0e-3      # test figure
  error_2q: 1.0e-2      # test figure
  readout_error: 0.02   # test figure
  price_per_task_usd: 0.30    # test figure
  price_per_shot_usd: 0.001   # test figure
  queue_seconds: 60           # test figure
  """

@Suite struct DeviceCostTests {
  @Test func variationalModelsOnADeviceReportTheirCompiledCircuitBesideTheLogicalOne() throws {
    let device = try DeviceProfileLoader.load(yaml: gridDevice, file: "grid6.yaml")
    let dir = try SpecFixtures.project()
    let spec = """
      claim: routed-vqc
      title: routed variational
      dataset: {generator: linearly_separable, params: {features: 4}, samples: 12}
      quantum:
        - id: vqc
          kind: variational
          encoding: {map: angle}
          ansatz: {type: hardware_efficient, layers: 1, entanglement: ring, entangler: cz}
          training: {optimizer: adam, learning_rate: 0.1, iterations: 2, loss: squared}
      baselines: [{model: knn, grid: {k: [3]}}]
      backends:
        - {id: ideal, simulator: statevector, shots: exact}
        - {id: dev, device: grid6, shots: 64}
      seeds: [1]
      criteria: {lift: {min: -1, on: [ideal]}, cost: {max_runtime_seconds: 300}}
      expect: inconclusive
      """
    let claim = try SpecFixtures.claim(spec, name: "routed-vqc", in: dir)
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, progress: false)
    let r = try #require(SuiteRunner(options: options).run([claim], devices: ["grid6": device]).first)
    let b = try #require(r.models.first?.backends.first { $0.backend == "dev" })
    #expect(b.failedSeeds.isEmpty && !b.test.isEmpty, "\(r.warnings)")
    let ideal = try #require(r.costs.first { $0.backend == "ideal" })
    let dev = try #require(r.costs.first { $0.backend == "dev" })
    // The ring's closing pair is not coupled on the grid region [0, 1, 2, 3] (a line 3-0-1-2):
    // routing adds swaps of 3 cz each; every cz of the ansatz stays one cz.
    #expect(ideal.nativeDepth == nil && ideal.swaps == nil)
    #expect((dev.swaps ?? 0) > 0)
    #expect(dev.nativeTwoQubitGates == dev.twoQubitGates + 3 * (dev.swaps ?? 0))
    #expect((dev.nativeDepth ?? 0) > dev.depth && (dev.nativeOneQubitGates ?? 0) > 0)
    // The logical figures stay beside the compiled ones.
    #expect(dev.depth == ideal.depth && dev.twoQubitGates == ideal.twoQubitGates)
  }

  @Test func deviceBackendsRouteToTheCouplingMapAndPriceTasksAndShots() throws {
    let device = try DeviceProfileLoader.load(yaml: gridDevice, file: "grid6.yaml")
    let dir = try SpecFixtures.project()
    let spec = """
      claim: routed
      title: routed kernel
      dataset: {generator: hidden_manifold, params: {features: 4, manifold_dimension: 2}, samples: 24}
      quantum: [{id: zz, kind: kernel, encoding: {map: zz, reps: 1, entanglement: full}, svm: {C: [1]}}]
      baselines: [{model: knn, grid: {k: [3]}}]
      backends:
        - {id: ideal, simulator: statevector, shots: exact}
        - {id: dev, device: grid6, shots: 50}
      seeds: [1]
      criteria: {lift: {min: -1, on: [ideal]}, cost: {max_runtime_seconds: 300, max_cloud_usd: 1}}
      expect: refuted
      """
    let claim = try SpecFixtures.claim(spec, name: "routed", in: dir)
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, progress: false)
    let r = try #require(SuiteRunner(options: options).run([claim], devices: ["grid6": device]).first)
    let ideal = try #require(r.costs.first { $0.backend == "ideal" })
    let dev = try #require(r.costs.first { $0.backend == "dev" })
    // Full entanglement on 4 qubits: 6 pairs x 2 cx per encoding, twice for compute-uncompute.
    #expect(ideal.twoQubitGates == 24 && ideal.routedTwoQubitGates == 24)
    // A 2x3 grid has no triangle, so full entanglement needs swaps (3 cx each).
    #expect(dev.routedTwoQubitGates > dev.twoQubitGates)
    #expect(dev.routedTwoQubitGates % 3 == 0)
    // Compiled to cz, rz, sx, x: every cx or swap-cx is one cz, on the trivial layout (which
    // needs at least the swaps of the searched layout `routed_*` reports); the native depth
    // counts the single-qubit pulses and virtual Z the logical depth does not. Logical figures stay.
    #expect(ideal.nativeDepth == nil && ideal.swaps == nil)
    #expect((dev.nativeTwoQubitGates ?? 0) >= dev.routedTwoQubitGates)
    #expect(((dev.nativeTwoQubitGates ?? 0) - dev.twoQubitGates) == 3 * (dev.swaps ?? 0))
    #expect((dev.swaps ?? 0) > 0 && (dev.nativeDepth ?? 0) > dev.routedDepth && (dev.nativeOneQubitGates ?? 0) > 0)
    #expect(dev.depth == ideal.depth && dev.twoQubitGates == ideal.twoQubitGates)
    // 16 train, 8 test samples: 120 train pairs (the diagonal is 1 and not run without
    // measure_diagonal) and 8 x 16 test entries; one task each.
    let tasks = 120.0 + 128
    #expect(dev.executions == tasks)
    #expect(dev.shots == 50 * tasks)
    #expect(abs(dev.cloudUsd - (tasks * 0.30 + 50 * tasks * 0.001)) < 1e-9)
    #expect(dev.queueSeconds == 60)
    // The price bound of 1 USD fails, which refutes the claim whatever its lift.
    #expect(r.costChecks.contains { $0.name == "max_cloud_usd" && !$0.held })
    #expect(r.verdict == .refuted && r.passed)
    // The price of the quantum route beside qlift's own exact simulation of the same model.
    let sim = try #require(r.diagnostics.first { $0.name == "classical_simulation_seconds" && $0.model == "zz" })
    #expect(sim.value == ideal.seconds)
    #expect(sim.reading.contains(String(format: "$%.2f", dev.cloudUsd)) && sim.reading.contains("dev:"))
    #expect(sim.reading.contains("60 s queue"))
  }

  @Test func theDiagonalAndMitigationAddExactlyTheCircuitsTheyRun() throws {
    let device = try DeviceProfileLoader.load(yaml: gridDevice, file: "grid6.yaml")
    let dir = try SpecFixtures.project()
    let spec = """
      claim: mitigated
      title: mitigated kernel
      dataset: {generator: hidden_manifold, params: {features: 3, manifold_dimension: 2}, samples: 24}
      quantum: [{id: zz, kind: kernel, encoding: {map: zz, reps: 1, entanglement: linear}, svm: {C: [1]}}]
      baselines: [{model: knn, grid: {k: [3]}}]
      backends:
        - {id: dev, device: grid6, shots: 50}
        - {id: diag, device: grid6, shots: 50, measure_diagonal: true}
        - {id: mit, device: grid6, shots: 50, mitigation: [readout, zne]}
      seeds: [1, 2]
      criteria: {lift: {min: -1, on: [dev]}, cost: {max_runtime_seconds: 300}}
      expect: supported
      """
    let claim = try SpecFixtures.claim(spec, name: "mitigated", in: dir)
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, progress: false)
    let r = try #require(SuiteRunner(options: options).run([claim], devices: ["grid6": device]).first)
    let dev = try #require(r.costs.first { $0.backend == "dev" })
    let diag = try #require(r.costs.first { $0.backend == "diag" })
    let mit = try #require(r.costs.first { $0.backend == "mit" })
    // Per seed: 16 train samples (120 pairs), 8 x 16 test entries.
    #expect(dev.executions == 2 * (120 + 128) && dev.shots == 50 * dev.executions)
    // The diagonal: exactly one circuit per training sample and seed more.
    #expect(diag.executions - dev.executions == 2 * 16 && diag.shots - dev.shots == 2 * 16 * 50)
    // ZNE runs every entry at scales 1, 3, 5; readout mitigation adds 2 calibration circuits per seed.
    #expect(mit.executions == 3 * dev.executions + 2 * 2 && mit.shots == 50 * mit.executions)
    #expect(abs(mit.cloudUsd - (mit.executions * 0.30 + mit.shots * 0.001)) < 1e-9)
    #expect(mit.mitigation == "readout+zne" && dev.mitigation == nil && diag.measureDiagonal == true)
    // The deepest circuit run is the scale-5 fold of the compiled one.
    let native = try #require(dev.nativeDepth), twoQubit = try #require(dev.nativeTwoQubitGates)
    #expect(mit.zneTwoQubitGates == 5 * twoQubit)
    #expect((mit.zneDepth ?? 0) > 3 * native && (mit.zneDepth ?? 0) <= 5 * native)
    #expect(mit.nativeDepth == native)
  }

  @Test func mitigationOnANoiselessDeviceIsRefusedAtItsKey() throws {
    let ideal = try DeviceAdapterTests.shipped("ideal")
    let dir = try SpecFixtures.project()
    let spec = """
      claim: nothing-to-mitigate
      title: nothing to mitigate
      dataset: {generator: adhoc, params: {features: 2, gap: 0.3}, samples: 20}
      quantum: [{id: zz, kind: kernel, encoding: {map: zz, reps: 1}, svm: {C: [1]}}]
      baselines: [{model: knn, grid: {k: [3]}}]
      backends:
        - {id: dev, device: ideal, shots: 10, mitigation: zne}
      seeds: [1, 2, 3]
      criteria: {lift: {min: -1}, cost: {max_runtime_seconds: 60}}
      expect: supported
      """
    let claim = try SpecFixtures.claim(spec, name: "nothing-to-mitigate", in: dir)
    let options = SuiteOptions(out: dir.appendingPathComponent("reports"), jobs: 1, progress: false)
    let r = try #require(SuiteRunner(options: options).run([claim], devices: ["ideal": ideal]).first)
    #expect(r.verdict == .error)
    let message = try #require(r.inputError)
    #expect(message.contains(":7:") && message.contains("backends[0].mitigation") && message.contains("nothing to mitigate"), "\(message)")
  }
}
