import ArgumentParser
import ClaimRunner
import ClaimSpec
import Foundation
import QMLKit
import QuantumSim
import ReportKit

/// Why a command ended without success, thrown by commands and turned into an exit code only by
/// `ExitStatus` (commands never pick codes themselves).
enum CommandError: Error, CustomStringConvertible {
  /// Bad input (spec, data, arguments, files): exit 2. The message is printed as is.
  case badInput(String)
  /// Bad input whose messages were already printed (e.g. lint errors): exit 2.
  case badInputReported
  /// A claim failed its criteria or regressed, or a check the user asked for failed: exit 1.
  case claimsFailed
  /// A claim failed and the message says why: exit 1.
  case failed(String)
  /// qlift itself failed: exit 3.
  case internalError(String)

  var description: String {
    switch self {
    case .badInput(let m), .failed(let m), .internalError(let m): return m
    case .badInputReported, .claimsFailed: return ""
    }
  }
}

/// The one place that maps what a command threw to qlift's exit codes: 0 success, 1 a claim
/// failed, 2 bad input, 3 internal error, 128 + signal (130 SIGINT, 143 SIGTERM) when stopped.
enum ExitStatus {
  /// The exit code and the message to print for an error a command threw.
  static func of(_ error: Error) -> (code: Int32, message: String) {
    switch error {
    case let e as CommandError:
      switch e {
      case .badInput, .badInputReported: return (2, e.description)
      case .claimsFailed, .failed: return (1, e.description)
      case .internalError: return (3, e.description)
      }
    case let e as Interrupted: return (e.exitCode, e.description)
    case let e as Cancelled: return (128 + e.signal, "interrupted: \(e.description); finished results are kept")
    case let e as RunnerError: return (e.isInputError ? 2 : 3, e.description)
    case let e as SpecErrors: return (2, e.description)
    case let e as SpecError: return (2, e.description)
    case let e as DataError: return (2, e.description)
    case let e as ProjectFile.Refusal: return (2, e.description)
    case let e as HardwareError: return (2, e.description)
    case let e as NoiseError: return (2, "error: \(e)")
    case let e as ReportError:
      switch e {
      case .write, .markup: return (3, "error: \(e.description)")
      default: return (2, "error: \(e.description)")
      }
    case let e as CocoaError where e.isFileError: return (2, "error: \(fileErrorText(e))")
    case let e as ExitCode: return (e.rawValue, "")
    default:
      // Argument parsing, --help and --version: ArgumentParser's text; its usage errors are bad input.
      let code = Qlift.exitCode(for: error)
      let message = Qlift.fullMessage(for: error)
      if code == .success { return (0, message) }
      if code == .validationFailure { return (2, message) }
      return (3, "internal error: \(error)")
    }
  }

  /// A file-system error named plainly: the path and what went wrong, no framework codes.
  static func fileErrorText(_ e: CocoaError) -> String {
    let path = (e.userInfo[NSFilePathErrorKey] as? String) ?? e.filePath ?? "a file"
    switch e.code {
    case .fileWriteNoPermission, .fileReadNoPermission: return "\(path): permission denied"
    case .fileNoSuchFile, .fileReadNoSuchFile: return "\(path): no such file or folder"
    case .fileWriteOutOfSpace: return "\(path): no space left on the device"
    case .fileWriteFileExists: return "\(path): a file is in the way (expected a folder)"
    default: return "\(path): cannot be read or written (\(e.code.rawValue))"
    }
  }
}

extension CocoaError {
  /// True for errors about reading or writing files.
  var isFileError: Bool { (4...642).contains(code.rawValue) }
}
