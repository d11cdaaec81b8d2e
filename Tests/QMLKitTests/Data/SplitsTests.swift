import Foundation
import Testing
@testable import QMLKit

@Suite struct SplitsTests {
  /// Per-fold class counts equal scikit-learn's StratifiedKFold (the deterministic part of
  /// its algorithm; the shuffle streams differ). Fixtures/kfold.json.
  @Test func foldClassCountsMatchScikitLearn() throws {
    for c in try ml3Fixture("kfold").ml3List("cases") {
      let labels = c.ml3Ints("labels")
      let folds = Int(c.ml3Double("folds"))
      let expected = (c["per_fold_class_counts"] as! [[NSNumber]]).map { $0.map(\.intValue) }
      let classes = (labels.max() ?? 0) + 1
      let got = StratifiedKFold(folds: folds, seed: 3).splits(labels: labels).map { s in
        (0..<classes).map { k in s.test.filter { labels[$0] == k }.count }.sorted()
      }
      #expect(got.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) })
    }
  }

  @Test(arguments: [UInt64(0), 1, 42])
  func foldsPartitionTheSamples(seed: UInt64) {
    let labels = (0..<103).map { $0 % 3 == 0 ? 1 : 0 }
    let splits = StratifiedKFold(folds: 5, seed: seed).splits(labels: labels)
    #expect(splits.count == 5)
    #expect(splits.flatMap(\.test).sorted() == Array(0..<103))
    for s in splits {
      #expect(Set(s.train).isDisjoint(with: s.test))
      #expect(s.train.count + s.test.count == 103)
      let ones = s.test.filter { labels[$0] == 1 }.count
      #expect(ones == 6 || ones == 7)  // 35 ones over 5 folds
    }
    #expect(StratifiedKFold(folds: 5, seed: seed).foldAssignment(labels: labels)
            == StratifiedKFold(folds: 5, seed: seed).foldAssignment(labels: labels))
  }

  @Test func stratifiedSplitKeepsProportions() {
    let labels = [Int](repeating: 0, count: 70) + [Int](repeating: 1, count: 30)
    let data = Dataset(features: labels.indices.map { [Double($0)] }, labels: labels)
    let split = stratifiedSplit(data, testFraction: 0.3, seed: 5)
    #expect(split.test.count == 30 && split.train.count == 70)
    #expect(split.test.labels.filter { $0 == 1 }.count == 9)
    let all = (split.train.features + split.test.features).map { Int($0[0]) }.sorted()
    #expect(all == Array(0..<100))
    #expect(stratifiedSplit(data, testFraction: 0.3, seed: 5) == split)
    #expect(stratifiedSplit(data, testFraction: 0.3, seed: 6) != split)
  }

  @Test func smallClassesStayOnBothSides() {
    let labels = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
    let data = Dataset(features: labels.map { [Double($0)] }, labels: labels)
    let split = stratifiedSplit(data, testFraction: 0.2, seed: 1)
    #expect(split.test.labels.contains(1) && split.train.labels.contains(1))
  }
}
