extension StateVector {
  /// The all-zeros state |0...0> for `threads` kernel threads, its memory first touched by those
  /// threads: a wide state's arrays are zeroed in parallel chunks, on transparent huge pages
  /// where Linux allows them (`HugePages.zeros`), instead of serially by one core before the
  /// first gate. The amplitudes are the same as `init(qubits:)`'s.
  /// - Throws: `SimulationError.insufficientMemory` when the state would not fit.
  public init(qubits: Int, threads: Int) throws {
    try self.init(qubits: qubits, zeroing: max(1, threads))
    self.threads = max(1, threads)
  }
}
