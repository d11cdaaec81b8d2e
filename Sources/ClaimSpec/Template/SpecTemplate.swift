/// The commented starting spec `qlift new NAME` writes; it lints clean as written.
public enum SpecTemplate {
  /// The starter spec text for a claim id and task (the caller checks `SpecVocabulary.isSafeID(name)`);
  /// nil for a task without one (none today).
  public static func starter(name: String, task: ClaimTask) -> String? {
    switch task {
    case .classification: return starter(name: name)
    case .regression: return regression(name: name)
    case .generative: return generative(name: name)
    }
  }

  /// The starter spec of a regression claim (`qlift new NAME --task regression`): quantum kernel
  /// ridge regression on the shipped diabetes data against tuned classical regressors.
  public static func regression(name: String) -> String {
    """
    # qlift claim spec (task: regression). Reference: docs/SPEC.md. Check with `qlift lint`.
    # Every claim states five facts: encoding, backend(s), shots, baseline(s) and a runtime bound.
    claim: \(name)                       # safe id [a-z0-9][a-z0-9_-]*; names the result file
    title: Quantum kernel ridge regression matches tuned classical regressors on diabetes data
    task: regression                    # metrics rmse | mae | r2; regression baselines
    hypothesis: |
      On the diabetes data (Efron et al. 2004; 442 rows, 10 features) reduced to 4 principal
      components, kernel ridge regression on a ZZ feature-map kernel has a test RMSE at most
      2 units above the best tuned classical regressor's (non-inferiority, margin 2).

    dataset:
      csv: data/diabetes.csv            # a numeric target column; copy specs/data/diabetes.csv or use your own
      target: progression
      test_fraction: 0.3                # held-out share, 0 < f < 1 (a random split)
      preprocess: [standardize, {pca: 4}, {scale: [0, pi]}]   # fitted on the training split only

    quantum:
      - id: zz-kernel-ridge
        kind: kernel                    # kernel | projected_kernel: kernel ridge; variational: scaled <Z0>
        encoding: {map: zz, reps: 1, alpha: [0.1, 0.5]}
        ridge: {alpha: [0.01, 0.1, 1]}  # the ridge penalty; a list is tuned by cross-validation

    baselines:                          # tuned by 5-fold cross-validation (mean squared error)
      - {model: ridge, grid: {alpha: [0.1, 1, 10, 100]}}
      - {model: kernel_ridge, grid: {alpha: [0.01, 0.1, 1], gamma: [scale, 0.1]}}
      - {model: svr, grid: {C: [0.1, 1, 10], gamma: [scale, 0.1]}}
      - {model: knn, grid: {k: [5, 11, 21]}}

    backends:
      - {id: ideal, simulator: statevector, shots: exact}   # exact probabilities, stated

    seeds: [1, 2, 3]

    criteria:
      metric: rmse                      # lower is better: lift = baseline RMSE - quantum RMSE
      lift: {min: -2.0, over: best_baseline, confidence: 0.95}
      cost: {max_qubits: 4, max_runtime_seconds: 120}

    expect: supported                   # or: refuted, inconclusive

    """
  }

  /// The starter spec text for a claim id (the caller checks `SpecVocabulary.isSafeID(name)`).
  public static func starter(name: String) -> String {
    """
    # qlift claim spec. Reference: docs/SPEC.md. Check with `qlift lint`, run with `qlift run`.
    # Every claim states five facts: encoding, backend(s), shots, baseline(s) and a runtime bound.
    claim: \(name)                       # safe id [a-z0-9][a-z0-9_-]*; names the result file
    title: A ZZ-feature-map kernel beats a tuned RBF SVM on the ad hoc dataset
    hypothesis: |
      On the ad hoc dataset (2 features, gap 0.3) a fidelity kernel from a 2-rep ZZ feature
      map beats the best tuned classical baseline by at least 5 points of balanced accuracy.

    dataset:
      generator: adhoc                  # or: csv: data/x.csv + target: label; or train: + test: + target:
      params: {features: 2, gap: 0.3}
      samples: 100
      test_fraction: 0.3                # held-out share, 0 < f < 1
      preprocess: [standardize, {scale: [0, pi]}]   # fitted on the training split only

    quantum:
      - id: zz-kernel
        kind: kernel                    # kernel | projected_kernel | variational
        encoding: {map: zz, reps: 2, entanglement: linear}
        svm: {C: [0.1, 1, 10]}          # a list is tuned by cross-validation

    baselines:                          # tuned by cross-validation on the training split
      - {model: svm_rbf, grid: {C: [0.1, 1, 10], gamma: [scale, 0.1, 1]}}
      - {model: logistic_regression, grid: {C: [0.1, 1, 10]}}
      # the dequantized baseline: random Fourier features from zz-kernel's own frequency spectrum
      - {model: rff_quantum, of: zz-kernel, grid: {features: [50, 100, 200], C: [0.1, 1, 10, 100]}}

    backends:
      - {id: ideal, simulator: statevector, shots: exact}   # exact probabilities, stated
      - {id: sampled, simulator: statevector, shots: 1024}
      # - {id: heron, device: ibm-heron-r2, shots: 4096}    # a profile in specs/devices/

    seeds: [1, 2, 3]

    criteria:
      metric: balanced_accuracy
      lift: {min: 0.05, over: best_baseline, confidence: 0.95}
      cost: {max_qubits: 8, max_runtime_seconds: 120}
      regression: {lift_drop: 0.02, cost_rise: 0.10}

    expect: supported                   # or: refuted, a tracked negative result

    """
  }
}
