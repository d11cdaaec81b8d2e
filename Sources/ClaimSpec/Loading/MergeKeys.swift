import Yams

/// YAML merge keys (`<<: *base`) are not part of the spec format: Yams' composer leaves them
/// as an ordinary key, so a spec using one would be read without the merged fields. The loader
/// refuses them by name, at the key, before reading the spec (docs/SPEC.md).
enum MergeKeys {
  /// The first plain `<<` key in the tree (depth first, in document order), or nil.
  static func first(in root: Node) -> Node? {
    var stack: [Node] = [root]
    while let node = stack.popLast() {
      switch node {
      case .scalar, .alias: break
      case .mapping(let m):
        for (k, _) in m {
          if case .scalar(let s) = k, s.string == "<<", s.style == .plain || k.tag.description == Tag.Name.merge.rawValue {
            return k
          }
        }
        for (_, v) in m.reversed() { stack.append(v) }
      case .sequence(let s):
        for v in s.reversed() { stack.append(v) }
      }
    }
    return nil
  }
}
