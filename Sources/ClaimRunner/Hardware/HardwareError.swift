/// A problem with exported circuits, a counts file or imported kernels, located at a file and,
/// when it concerns one circuit, that circuit's id. Always the user's input (exit code 2).
public struct HardwareError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file at fault (counts file, spec, stored kernels) as given.
  public var file: String
  /// The circuit concerned, if any.
  public var circuit: String?
  /// What is wrong and what to do.
  public var message: String

  /// Creates an error.
  public init(file: String, circuit: String? = nil, _ message: String) {
    self.file = file; self.circuit = circuit; self.message = message
  }

  /// `counts.json: error: circuit 'zz.s1.train.0.3': bit string '010' has 3 bits; expected 2`.
  public var description: String {
    "\(file): error: " + (circuit.map { "circuit '\($0)': " } ?? "") + message
  }
}
