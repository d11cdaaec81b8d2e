/// Nearest-name suggestions ("did you mean test_fraction?") by Levenshtein edit distance.
public enum EditDistance {
  /// Levenshtein distance between two strings, compared case-insensitively by Unicode scalars.
  public static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
        current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }

  /// The candidate closest to `word`, if it is close enough to be a plausible typo.
  ///
  /// Close enough: distance <= max(2, candidate length / 3), or one is a prefix of the other.
  /// Ties go to the earlier candidate.
  public static func suggestion(for word: String, among candidates: [String]) -> String? {
    var best: (name: String, d: Int)?
    let lower = word.lowercased()
    for c in candidates {
      let d = distance(word, c)
      let prefix = lower.count >= 3 && (c.lowercased().hasPrefix(lower) || lower.hasPrefix(c.lowercased()))
      guard d <= max(2, c.count / 3) || prefix else { continue }
      if best == nil || d < best!.d { best = (c, d) }
    }
    return best?.name
  }
}
