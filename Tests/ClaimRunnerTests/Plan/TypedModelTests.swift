import ClaimSpec
import QMLKit
import Testing

@testable import ClaimRunner

/// The spec's model enums reach QMLKit typed: every case maps to the engine of the same name.
struct TypedModelTests {
  @Test(arguments: BaselineModel.allCases)
  func everyBaselineModelMapsToTheClassifierOfItsName(model: BaselineModel) {
    // Each model maps to the classifier and/or regressor of its name, by the tasks it serves.
    #expect((model.kind?.rawValue ?? model.rawValue) == model.rawValue)
    #expect((model.regressorKind?.rawValue ?? model.rawValue) == model.rawValue)
    #expect((model.kind != nil) == model.tasks.contains(.classification))
    #expect((model.regressorKind != nil) == model.tasks.contains(.regression))
  }

  @Test(arguments: EncodingMap.allCases)
  func everyEncodingMapBuildsTheEncodingOfItsName(map: EncodingMap) throws {
    var spec = EncodingSpec(map: map, reps: 2, entanglement: .circular, alpha: 0.7, rotation: .rx)
    if map == .pauli { spec.paulis = ["X", "ZZ"] }
    let encoding = try spec.build(alpha: 0.7, reps: 2)
    #expect(encoding.name == map.rawValue)
    if let angle = encoding as? AngleEncoding { #expect(angle.rotation == .rx) }
    if let pauli = encoding as? PauliFeatureMap {
      #expect(pauli.reps == 2 && pauli.alpha == 0.7)
      if map != .z { #expect(pauli.entanglement == .circular) }
    }
    #expect(throws: ModelError.self) { try spec.build(alpha: 0.7, reps: 0) }
  }

  @Test func everyEntanglementAndRotationMapsByName() {
    for e in ClaimSpec.Entanglement.allCases { #expect(e.pattern.rawValue == e.rawValue) }
    for r in Rotation.allCases { #expect(r.axis.rawValue == r.rawValue) }
  }
}
