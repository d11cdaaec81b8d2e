import Foundation

/// A text of a value that is the same in every process: like `String(reflecting:)`, but with
/// dictionary entries and set members sorted, since their iteration order differs from process
/// to process (Swift seeds its hashing per process). Cache keys hash it.
enum CanonicalText {
  /// The canonical text of `value`.
  static func of(_ value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .dictionary:
      let entries = mirror.children.map { child -> String in
        let pair = Mirror(reflecting: child.value).children.map { of($0.value) }
        return pair.count == 2 ? "\(pair[0]): \(pair[1])" : of(child.value)
      }
      return "[" + entries.sorted().joined(separator: ", ") + "]"
    case .set:
      return "Set[" + mirror.children.map { of($0.value) }.sorted().joined(separator: ", ") + "]"
    case .collection, .tuple:
      return "(" + mirror.children.map { ($0.label.map { "\($0): " } ?? "") + of($0.value) }.joined(separator: ", ") + ")"
    case .optional:
      guard let some = mirror.children.first else { return "nil" }
      return of(some.value)
    case .struct, .class, .enum:
      guard !mirror.children.isEmpty else { return String(reflecting: value) }
      // An enum's one child is labelled with its case name.
      return String(reflecting: type(of: value)) + "(" + mirror.children.map { ($0.label.map { "\($0): " } ?? "") + of($0.value) }
        .joined(separator: ", ") + ")"
    default:
      return String(reflecting: value)
    }
  }
}
