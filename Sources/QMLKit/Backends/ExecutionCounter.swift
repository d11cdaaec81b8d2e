import Foundation

/// Counts what a quantum model has cost so far: circuit executions and shots (thread-safe,
/// shared by reference so copies of a model add to the same tally).
///
/// Exact (ideal) runs count one execution per circuit simulated and no shots.
public final class ExecutionCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var _executions = 0
  private var _shots = 0

  /// A counter at zero.
  public init() {}

  /// Circuits executed (simulated or sampled) so far.
  public var circuitExecutions: Int { lock.withLock { _executions } }
  /// Total shots drawn so far.
  public var totalShots: Int { lock.withLock { _shots } }

  /// Adds `executions` circuits of `shotsEach` shots.
  public func record(executions: Int, shotsEach: Int) {
    lock.withLock {
      _executions += executions
      _shots += executions * shotsEach
    }
  }

  /// Back to zero.
  public func reset() { lock.withLock { _executions = 0; _shots = 0 } }
}
