import Yams

/// Limits that keep hostile YAML (huge files, deep nesting, alias bombs) from exhausting memory.
///
/// Yams reuses an anchored node for each alias without any expansion limit, so the loader
/// counts nodes as if aliases were expanded and stops at the first limit crossed.
public struct ResourceBudget: Sendable, Equatable {
  /// Largest spec file in bytes (default 1 MiB).
  public var maxBytes: Int
  /// Largest node count after alias expansion (default 10 000).
  public var maxNodes: Int
  /// Deepest nesting of mappings and sequences (default 32).
  public var maxDepth: Int

  /// Creates a budget.
  public init(maxBytes: Int = 1 << 20, maxNodes: Int = 10_000, maxDepth: Int = 32) {
    self.maxBytes = maxBytes; self.maxNodes = maxNodes; self.maxDepth = maxDepth
  }

  /// The default budget.
  public static let standard = ResourceBudget()

  /// Nil when the tree fits; else a sentence naming the limit crossed and the node where it was crossed.
  func check(_ root: Node) -> (message: String, node: Node)? {
    var count = 0
    var stack: [(Node, Int)] = [(root, 1)]
    while let (node, depth) = stack.popLast() {
      count += 1
      if count > maxNodes {
        return ("document has more than \(maxNodes) nodes after expanding aliases (an alias bomb?); specs are small", node)
      }
      if depth > maxDepth {
        return ("document nests deeper than \(maxDepth) levels", node)
      }
      switch node {
      case .scalar, .alias: break
      case .mapping(let m):
        for (k, v) in m { stack.append((k, depth + 1)); stack.append((v, depth + 1)) }
      case .sequence(let s):
        for v in s { stack.append((v, depth + 1)) }
      }
    }
    return nil
  }
}
