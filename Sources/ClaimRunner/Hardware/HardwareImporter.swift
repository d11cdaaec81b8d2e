import ClaimSpec
import Foundation
import QMLKit

/// Turns a counts file into kernel matrices (and trained models' outputs) and scores for a
/// claim's hardware backend.
///
/// Kernel entry = frequency of the all-zeros bit string among a circuit's counts; the train
/// diagonal is 1 (not executed, as Qiskit's default and the runner's shot mode). C is tuned by
/// the runner's cross-validation (`KernelModelStage.fit`) and the test split is scored.
public enum HardwareImporter {
  /// Validates `counts` against the claim (spec hash, backend, every circuit id present and
  /// known, bit-string widths, non-negative counts, some shots per circuit) and builds the kernels.
  /// - Parameter shown: the counts file's path as given, for messages.
  /// - Throws: `HardwareError` naming the file and circuit; `RunnerError` for data problems.
  /// - Parameter manifest: the export's manifest, when at hand (with its path as shown): the
  ///   trained models' simulator training, repeated here, must match the one recorded at export
  ///   (iterations and final loss), or the counts were measured with other weights.
  public static func kernels(
    claim: Claim, counts: CountsFile, shown: String, manifest: (HardwareManifest, shown: String)? = nil
  ) throws -> HardwareKernels {
    guard counts.claim == claim.id else {
      throw HardwareError(file: shown, "the counts are for claim '\(counts.claim)', not '\(claim.id)'")
    }
    let hash = ContentHash.claim(claim)
    guard counts.specHash == hash else {
      throw HardwareError(
        file: shown,
        "the spec or its data changed since the circuits were exported (spec_hash \(counts.specHash.prefix(12))…, "
          + "the spec now hashes to \(hash.prefix(12))…): export again with 'qlift export-qasm \(claim.file)' and rerun the circuits")
    }
    let backend = try HardwareExporter.hardwareBackend(claim, id: counts.backend)
    let plan = try HardwareCircuits(claim: claim)
    if let (m, where_) = manifest, m.specHash == hash { try checkTraining(plan, against: m, shown: where_) }
    let ids = plan.ids
    let expected = Set(ids)
    if let unknown = counts.counts.keys.sorted().first(where: { !expected.contains($0) }) {
      throw HardwareError(file: shown, circuit: unknown, "unknown circuit id: not among the \(expected.count) circuits exported for this spec")
    }
    let missing = ids.filter { counts.counts[$0] == nil }
    if let first = missing.first {
      let more = missing.count > 1 ? " (and \(missing.count - 1) more circuit(s))" : ""
      throw HardwareError(file: shown, circuit: first, "no counts for this exported circuit\(more)")
    }
    var train: [String: Matrix] = [:], test: [String: Matrix] = [:], shots: [String: Int] = [:], runs: [String: Int] = [:]
    for (model, seed) in plan.models.flatMap({ m in claim.seeds.map { (m, $0) } }) {
      let (n, t) = plan.sizes[seed]!
      var K = Matrix(rows: n, columns: n)
      for i in 0..<n { K[i, i] = 1 }
      train["\(model)#\(seed)"] = K
      test["\(model)#\(seed)"] = Matrix(rows: t, columns: n)
    }
    for c in plan.circuits {
      let f = try frequency(counts.counts[c.id]!, qubits: c.circuit.qubitCount, circuit: c.id, shown: shown)
      let key = "\(c.model)#\(c.seed)"
      if c.kind == "train" {
        train[key]![c.i, c.j] = f.value
        train[key]![c.j, c.i] = f.value
      } else {
        test[key]![c.i, c.j] = f.value
      }
      let (sum, overflow) = shots[key, default: 0].addingReportingOverflow(f.shots)
      shots[key] = overflow ? Int.max : sum
      runs[key, default: 0] += 1
    }
    let entries = plan.models.flatMap { m in
      claim.seeds.map { s in
        let key = "\(m)#\(s)"
        return HardwareKernels.Entry(
          model: m, seed: s, train: train[key]!, test: test[key]!, executions: runs[key] ?? 0, shots: shots[key] ?? 0)
      }
    }
    var k = HardwareKernels(
      formatVersion: 1, claim: claim.id, specHash: hash, backend: backend.id, device: backend.profileID ?? "",
      qliftVersion: RunEnvironment.qliftVersion, imported: RunEnvironment.timestamp(),
      countsFile: (shown as NSString).lastPathComponent, entries: entries, scores: [])
    let inferred = try inferred(claim: claim, plan: plan, counts: counts, shown: shown)
    k.inferred = inferred.isEmpty ? nil : inferred
    let sampled = try sampled(plan: plan, counts: counts, shown: shown)
    k.sampled = sampled.isEmpty ? nil : sampled
    k.scores = claim.task == .generative ? try generativeScores(claim: claim, kernels: k) : try scores(claim: claim, kernels: k)
    return k
  }

  /// The trained models' outputs per model and seed from their inference circuits' counts:
  /// readout expectations (⟨Z0⟩ = p(0) − p(1) on qubit 0, the parity, or ⟨Z_q⟩ per qubit for a
  /// hybrid), then the model's own post-processing (the classifier's scores, the hybrid's output
  /// layer, the regressor's mean + range × readout).
  static func inferred(claim: Claim, plan: HardwareCircuits, counts: CountsFile, shown: String) throws -> [HardwareKernels.Inferred] {
    var byKey: [String: [InferenceCircuit]] = [:]
    for c in plan.inference { byKey["\(c.model)#\(c.seed)", default: []].append(c) }
    var out: [HardwareKernels.Inferred] = []
    for t in plan.trained {
      let (_, rows) = plan.sizes[t.seed]!
      let perRow = t.circuitsPerRow * t.readoutsPerCircuit
      var expectations = [[Double]](repeating: [Double](repeating: 0, count: perRow), count: rows)
      var shots = 0, runs = 0
      for c in byKey["\(t.model)#\(t.seed)"] ?? [] {
        let observed = counts.counts[c.id]!
        let f = try frequency(observed, qubits: c.circuit.qubitCount, circuit: c.id, shown: shown)
        let values = t.expectations(observed)
        for (r, v) in values.enumerated() { expectations[c.i][c.output * t.readoutsPerCircuit + r] = v }
        let (sum, overflow) = shots.addingReportingOverflow(f.shots)
        shots = overflow ? Int.max : sum
        runs += 1
      }
      let outputs: [[Double]]
      do { outputs = try t.outputs(fromExpectations: expectations) } catch {
        throw HardwareError(file: shown, "model \(t.model), seed \(t.seed): \(error)")
      }
      out.append(HardwareKernels.Inferred(
        model: t.model, seed: t.seed, kind: t.kind, trainedOn: t.trainedOn, expectations: Matrix(expectations),
        outputs: Matrix(outputs), executions: runs, shots: shots))
    }
    return out
  }

  /// Refuses an import whose simulator training differs from the export's record: same model
  /// and seed, the iterations run and the final training loss (relative 1e-9; floating-point
  /// differences between machines could otherwise bind other weights than those that ran).
  static func checkTraining(_ plan: HardwareCircuits, against m: HardwareManifest, shown: String) throws {
    let records = plan.trainingRecords
    for r in m.training ?? [] {
      guard let t = records.first(where: { $0.model == r.model && $0.seed == r.seed }) else { continue }
      let close = abs(t.finalLoss - r.finalLoss) <= 1e-9 * max(1, abs(r.finalLoss))
      guard t.iterations == r.iterations, close else {
        throw HardwareError(
          file: shown,
          "model \(r.model), seed \(r.seed): training it on the simulator now gives \(t.iterations) iterations and final loss "
            + "\(t.finalLoss), the export recorded \(r.iterations) and \(r.finalLoss): the circuits ran with other weights; "
            + "export again with this qlift on this machine and rerun them")
      }
    }
  }

  /// Largest total count of one circuit (docs/HARDWARE.md): far beyond any device, and small
  /// enough that totals, sums over circuits and frequencies stay exact.
  public static let maxShotsPerCircuit = 1_000_000_000_000

  /// The all-zeros frequency of one circuit's counts, after checking them (a total above
  /// `maxShotsPerCircuit`, or one that would overflow, is refused naming the circuit).
  static func frequency(_ counts: [String: Int], qubits: Int, circuit: String, shown: String) throws -> (value: Double, shots: Int) {
    var total = 0
    for (bits, n) in counts.sorted(by: { $0.key < $1.key }) {
      guard bits.count == qubits, bits.allSatisfy({ $0 == "0" || $0 == "1" }) else {
        throw HardwareError(
          file: shown, circuit: circuit,
          "bit string '\(bits)' should be \(qubits) characters of 0 and 1 (qubit 0 rightmost), one per measured qubit")
      }
      guard n >= 0 else { throw HardwareError(file: shown, circuit: circuit, "negative count \(n) for '\(bits)'") }
      guard n <= maxShotsPerCircuit - total else {
        throw HardwareError(
          file: shown, circuit: circuit,
          "bit string '\(bits)': the counts add up to more than \(maxShotsPerCircuit) shots, the most one circuit may have")
      }
      total += n
    }
    guard total > 0 else { throw HardwareError(file: shown, circuit: circuit, "no shots: every count is zero or absent") }
    let zeros = counts[String(repeating: "0", count: qubits)] ?? 0
    return (Double(zeros) / Double(total), total)
  }

  /// Scores every model and seed of `kernels` as the runner does.
  public static func scores(claim: Claim, kernels: HardwareKernels) throws -> [HardwareKernels.Score] {
    let metric = Metric(claim.criteria.metric)
    let data = try DataStage(claim: claim)
    let models = try ModelPlan.models(claim)
    var out: [HardwareKernels.Score] = []
    for seed in claim.seeds {
      let (split, _) = try data.split(seed: seed)
      for m in models {
        if let e = kernels.inferred(model: m.spec.id, seed: seed) {
          let test = try HardwareStage.score(e, split: split, metric: metric)
          out.append(HardwareKernels.Score(model: m.spec.id, seed: seed, metric: metric.rawValue, test: test.test, chosenC: nil))
          continue
        }
        guard let e = kernels.entry(model: m.spec.id, seed: seed) else { continue }
        if let regression = metric.regression {
          // The score's `C` holds the chosen ridge alpha of a regression claim.
          let f = try KernelRegressionStage.fit(
            train: e.train, test: e.test, alphaGrid: m.spec.ridgeAlpha, split: split, metric: regression, seed: seed)
          out.append(HardwareKernels.Score(model: m.spec.id, seed: seed, metric: metric.rawValue, test: f.test, chosenC: f.chosenAlpha))
          continue
        }
        let f = try KernelModelStage.fit(train: e.train, test: e.test, cGrid: m.spec.svmC, split: split, metric: metric, seed: seed)
        out.append(HardwareKernels.Score(model: m.spec.id, seed: seed, metric: metric.rawValue, test: f.test, chosenC: f.chosenC))
      }
    }
    return out
  }
}
