/// The checks `task` makes on the rest of a spec: metrics, baselines, model keys and data that
/// do not fit the task are located errors (exit 2), like any other spec error.
extension _ClaimParser {
  /// Classification-only keys of a quantum model, with the regression counterpart to suggest.
  static let classificationOnlyModelKeys = ["svm": "ridge: {alpha: [...]}"]

  func checkTask(dataset: DatasetSpec?, quantum: [QuantumModelSpec]?, baselines: [BaselineSpec]?, criteria: Criteria?) {
    func fail(_ field: String, _ message: String, _ kind: SpecError.Kind = .conflict) {
      r.fail(at: r.locations[field] ?? r.locations["task"] ?? SourceLocation(file: r.file, line: 1, column: 1), field, message, kind)
    }
    // A generative claim is parsed and checked by `parseGenerativeClaim` and never reaches here.
    let named = "task \(task.rawValue)"
    if let criteria, criteria.metric.task != task {
      let allowed = MetricName.allCases.filter { $0.task == task }.map(\.rawValue).joined(separator: ", ")
      fail("criteria.metric", "metric \(criteria.metric.rawValue) scores \(criteria.metric.task.rawValue); a claim with \(named) uses one of \(allowed)")
    }
    for (i, b) in (baselines ?? []).enumerated() where !b.model.tasks.contains(task) {
      let allowed = BaselineModel.allCases.filter { $0.tasks.contains(task) }.map(\.rawValue).joined(separator: ", ")
      fail("baselines[\(i)].model", "\(b.model.rawValue) is a \(b.model.tasks[0].rawValue) model; a claim with \(named) uses one of \(allowed)")
    }
    for (i, m) in (quantum ?? []).enumerated() {
      let p = "quantum[\(i)]"
      switch task {
      case .regression:
        if m.kind == .hybrid || m.kind == .reuploading {
          fail("\(p).kind", "kind \(m.kind.rawValue) is a classifier; a regression claim uses kernel, projected_kernel or variational")
        }
        if r.locations["\(p).svm"] != nil {
          fail("\(p).svm", "'svm' tunes a classifier; a regression claim fits kernel ridge regression: give ridge: {alpha: [...]}")
        }
        if let loss = m.training?.loss, loss != .squared, r.locations["\(p).training.loss"] != nil {
          fail("\(p).training.loss", "a variational regressor is trained on the squared error; remove 'loss' or give squared")
        }
        if m.training?.earlyStopping == true {
          fail("\(p).training.early_stopping", "early stopping is not supported for a variational regressor yet; "
            + "remove it (training stops by the tolerance and patience rule)")
        }
      case .classification:
        if r.locations["\(p).ridge"] != nil {
          fail("\(p).ridge", "'ridge' applies to regression claims (task: regression); a classification claim tunes svm: {C: [...]}")
        }
      case .generative: break
      }
    }
    if task == .regression, case .generator(let g)? = dataset?.source {
      fail("dataset.generator", "generator \(g.name) makes class labels; a regression claim reads its data from csv (or train/test) with a numeric target")
    }
  }
}
