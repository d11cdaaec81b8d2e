import ClaimSpec
import QMLKit

extension EncodingSpec {
  /// The QMLKit encoding this spec describes at one point of its grid (`alpha`, `reps`): one
  /// case per map, typed all the way (no names in between).
  ///
  /// - Throws: `ModelError.invalidHyperparameter` for `reps` outside 1...`EncodingName.maxReps`.
  func build(alpha: Double, reps: Int) throws -> any Encoding {
    guard (1...EncodingName.maxReps).contains(reps) else {
      throw ModelError.invalidHyperparameter("reps must be between 1 and \(EncodingName.maxReps), got \(reps)")
    }
    let pattern = entanglement.pattern
    switch map {
    case .zz: return PauliFeatureMap.zz(reps: reps, entanglement: pattern, alpha: alpha)
    case .z: return PauliFeatureMap.z(reps: reps, alpha: alpha)
    case .pauli: return PauliFeatureMap(paulis: paulis, reps: reps, entanglement: pattern, alpha: alpha)
    case .iqp: return IQPEncoding(reps: reps, entanglement: pattern, scale: alpha)
    case .basis: return BasisEncoding()
    case .amplitude: return AmplitudeEncoding()
    case .angle: return AngleEncoding(rotation: rotation.axis)
    }
  }
}

extension ClaimSpec.Entanglement {
  /// QMLKit's entangling pattern of the same name.
  var pattern: QMLKit.Entanglement {
    switch self {
    case .linear: return .linear
    case .circular: return .circular
    case .full: return .full
    }
  }
}

extension Rotation {
  /// QMLKit's rotation axis of the same name.
  var axis: AngleEncoding.Rotation {
    switch self {
    case .rx: return .rx
    case .ry: return .ry
    case .rz: return .rz
    }
  }
}
