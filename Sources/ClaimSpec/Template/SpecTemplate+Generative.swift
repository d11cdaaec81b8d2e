extension SpecTemplate {
  /// The starter spec of a generative claim (`qlift new NAME --task generative`): a quantum
  /// circuit Born machine on 2x2 bars and stripes against the four classical generative baselines.
  public static func generative(name: String) -> String {
    """
    # qlift claim spec (task: generative). Reference: docs/SPEC.md. Check with `qlift lint`.
    # Every claim states five facts: encoding, backend(s), shots, baseline(s) and a runtime bound.
    claim: \(name)                       # safe id [a-z0-9][a-z0-9_-]*; names the result file
    title: A quantum circuit Born machine against tuned classical generative models on bars and stripes
    task: generative                    # metrics kl | mmd | tv; generative baselines
    hypothesis: |
      A quantum circuit Born machine (Liu and Wang 2018, Phys. Rev. A 98, 062324) trained on the
      maximum mean discrepancy learns 2x2 bars and stripes from 300 samples no worse than tuned
      classical generative models (non-inferiority in KL divergence, margin 0.05).

    dataset:
      target: {kind: bars_and_stripes, rows: 2, cols: 2}   # or {kind: cardinality, n: 6, k: 3}
                                        # or {kind: ising, n: 6, J: 1, h: 0.2, temperature: 1.5}
      train_samples: 300                # drawn from the exact target per seed; models train on these
      # evaluation_samples: 2000        # score every model from this many samples (Born machine: shots)

    quantum:
      - id: qcbm
        kind: born_machine              # Rz-Rx-Rz layers and CNOT entanglers, MMD loss, parameter shift
        depth: 2                        # entangler layers; a list is tuned by validation likelihood
        pairs: line                     # line | ring
        bandwidths: [0.5, 1, 2, 4]      # MMD Gaussian-mixture kernel on Hamming distance
        training: {iterations: 100, learning_rate: 0.1}

    baselines:                          # tuned by validation likelihood on a split of the samples
      - {model: bernoulli}
      - {model: bernoulli_mixture, grid: {components: [1, 2, 4, 8]}}
      - {model: rbm, grid: {hidden: [2, 4, 8]}}
      - {model: autoregressive, grid: {penalty: [0.001, 0.01, 0.1]}}

    backends:
      - {id: ideal, simulator: statevector, shots: exact}   # exact probabilities, stated

    seeds: [1, 2, 3]

    criteria:
      metric: kl                        # lower is better: lift = baseline KL - quantum KL
      lift: {min: -0.05, over: best_baseline, confidence: 0.95}
      cost: {max_qubits: 4, max_runtime_seconds: 120}

    expect: supported                   # or: refuted, inconclusive

    """
  }
}
