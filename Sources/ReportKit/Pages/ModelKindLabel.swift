import ClaimSpec

/// The plain name of a quantum model's kind on claim pages; a hybrid's identity control reads as
/// the classical control it is.
enum ModelKindLabel {
  static func text(_ m: ModelResult) -> String {
    if let of = m.controlOf { return "classical control of \(of) (circuit replaced by the identity map)" }
    switch m.kind {
    case "hybrid": return "hybrid (dressed) classifier"
    case "reuploading": return "data re-uploading classifier"
    default: return m.kind
    }
  }
}
