import ClaimSpec
import Foundation
import QMLKit

/// Turns errors about a claim's input data into `RunnerError.invalidClaim` errors that name
/// the spec file (with the `dataset` location) as well as the data file, so the CLI reports
/// them as input errors (exit 2).
enum InputErrors {
  /// Runs `body`, rethrowing a `DataError` or `ModelError` as a located input error.
  static func located<T>(_ claim: Claim, field: String = "dataset", _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let e as DataError {
      throw RunnerError.invalidClaim(file: claim.location(of: field).description, field: field, message: e.description)
    } catch let e as ModelError {
      throw RunnerError.invalidClaim(file: claim.location(of: field).description, field: field, message: "\(e)")
    }
  }
}
