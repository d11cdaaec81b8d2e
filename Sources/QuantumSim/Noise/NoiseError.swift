/// Why a noise channel or noise model was rejected: the offending key or parameter, its value,
/// and what was expected, so a user can fix a `--noise` string or a device profile.
public struct NoiseError: Error, Equatable, CustomStringConvertible {
  /// The specification key or channel parameter at fault (`"depolarizing"`, `"gamma"`), if any.
  public var key: String?
  /// The offending value as written, if any.
  public var value: String?
  /// What was wrong, in lower case (`"must lie in [0, 1]"`).
  public var reason: String

  /// Creates an error about `key` = `value`.
  public init(key: String? = nil, value: String? = nil, reason: String) {
    self.key = key
    self.value = value
    self.reason = reason
  }

  public var description: String {
    switch (key, value) {
    case let (k?, v?): return "noise: \(k)=\(v): \(reason)"
    case let (k?, nil): return "noise: \(k): \(reason)"
    default: return "noise: \(reason)"
    }
  }
}
