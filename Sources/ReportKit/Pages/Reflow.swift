import Foundation

/// Prose from YAML reflowed for the page: blank lines separate paragraphs, single line breaks
/// (the spec author's hard wrapping) become spaces.
enum Reflow {
  /// The paragraphs of `text`, each on one line, empty ones dropped.
  static func paragraphs(_ text: String) -> [String] {
    var out: [String] = []
    var current: [String] = []
    for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty {
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        current = []
      } else {
        current.append(trimmed)
      }
    }
    if !current.isEmpty { out.append(current.joined(separator: " ")) }
    return out
  }
}
