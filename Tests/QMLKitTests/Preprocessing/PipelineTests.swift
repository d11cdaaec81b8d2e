import Testing
@testable import QMLKit

@Suite struct PipelineTests {
  @Test func featureSelectorPicksByName() throws {
    let sel = try FeatureSelector(names: ["c", "a"], featureNames: ["a", "b", "c"])
    #expect(sel.transform([[1, 2, 3]]) == [[3, 1]])
    #expect(sel.outputNames(["a", "b", "c"]) == ["c", "a"])
    #expect(throws: DataError.self) { try FeatureSelector(names: ["z"], featureNames: ["a"]) }
    #expect(throws: DataError.self) { try FeatureSelector(names: ["a", "a"], featureNames: ["a"]) }
  }

  @Test func fitsOnTrainOnlyAndAppliesToTest() throws {
    let train = Dataset(features: [[0], [10]], labels: [0, 1])
    let test = Dataset(features: [[20]], labels: [1])
    var p = Pipeline([MinMaxScaler(range: 0...1)])
    let out = try p.apply(to: DataSplit(train: train, test: test))
    #expect(out.train.features == [[0], [1]])
    #expect(out.test.features == [[2]])  // test data never refits the scaler
    #expect(Pipeline([]).describe == "identity")
  }
}
