/// Builds an encoding from its spec / command-line name and settings.
public enum EncodingName {
  /// Names understood by `make`.
  public static let all = ["zz", "z", "pauli", "angle", "basis", "iqp", "amplitude"]
  /// Largest `reps` accepted (as a spec's `encoding.reps`): refused before any circuit is built.
  public static let maxReps = 100
  /// Entanglement names understood by `make`, as docs/SPEC.md lists them (`ring` = `circular`).
  public static let entanglementNames = ["linear", "circular", "ring", "full"]

  /// The encoding called `name` (`zz`, `z`, `pauli`, `angle`, `basis`, `iqp`, `amplitude`).
  /// - Parameters:
  ///   - reps: repetitions for zz / z / pauli / iqp.
  ///   - entanglement: for zz / pauli / iqp.
  ///   - paulis: Pauli strings for `pauli`.
  ///   - rotation: rx, ry or rz for `angle`.
  /// - Throws: `ModelError.invalidHyperparameter` naming the unknown value, or `reps` outside
  ///   1...`maxReps`.
  public static func make(
    _ name: String, reps: Int = 2, entanglement: String = "linear", alpha: Double = 2,
    paulis: [String] = ["Z", "ZZ"], rotation: String = "ry"
  ) throws -> any Encoding {
    guard (1...maxReps).contains(reps) else {
      throw ModelError.invalidHyperparameter("reps must be between 1 and \(maxReps), got \(reps)")
    }
    guard let ent = Entanglement(rawValue: entanglement == "ring" ? "circular" : entanglement) else {
      throw ModelError.invalidHyperparameter(
        "unknown entanglement '\(entanglement)'; expected one of \(entanglementNames.joined(separator: ", "))")
    }
    switch name.lowercased() {
    case "zz": return PauliFeatureMap.zz(reps: reps, entanglement: ent, alpha: alpha)
    case "z": return PauliFeatureMap.z(reps: reps, alpha: alpha)
    case "pauli": return PauliFeatureMap(paulis: paulis, reps: reps, entanglement: ent, alpha: alpha)
    case "iqp": return IQPEncoding(reps: reps, entanglement: ent, scale: alpha)
    case "basis": return BasisEncoding()
    case "amplitude": return AmplitudeEncoding()
    case "angle":
      guard let r = AngleEncoding.Rotation(rawValue: rotation) else {
        throw ModelError.invalidHyperparameter("unknown rotation '\(rotation)'; expected rx, ry or rz")
      }
      return AngleEncoding(rotation: r)
    default:
      throw ModelError.invalidHyperparameter("unknown encoding '\(name)'; expected one of \(all.joined(separator: ", "))")
    }
  }
}
