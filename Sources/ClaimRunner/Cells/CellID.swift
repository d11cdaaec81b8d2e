import Foundation

/// One unit of work of a sharded run: one seed of one claim, either its baselines or its
/// quantum models on one backend. Shards run cells; `qlift merge` assembles them into claims.
public struct CellID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  /// The claim id.
  public var claim: String
  /// The seed.
  public var seed: Int
  /// The backend whose quantum models this cell runs; nil for the seed's baselines.
  public var backend: String?

  /// A cell.
  public init(claim: String, seed: Int, backend: String?) {
    self.claim = claim; self.seed = seed; self.backend = backend
  }

  /// The cell's file name inside `cells/<claim>/` (claim and backend ids are `[a-z0-9][a-z0-9_-]*`).
  public var fileName: String { "seed-\(seed)." + (backend.map { "backend-\($0)" } ?? "baselines") + ".json" }

  /// `claim seed 3, baselines` or `claim seed 3, backend ideal`.
  public var description: String { "\(claim) seed \(seed), " + (backend.map { "backend \($0)" } ?? "baselines") }

  /// Claim, then seed, then baselines before backends, then backend id.
  public static func < (a: CellID, b: CellID) -> Bool {
    if a.claim != b.claim { return a.claim < b.claim }
    if a.seed != b.seed { return a.seed < b.seed }
    switch (a.backend, b.backend) {
    case (nil, nil): return false
    case (nil, _): return true
    case (_, nil): return false
    case (let x?, let y?): return x < y
    }
  }
}
