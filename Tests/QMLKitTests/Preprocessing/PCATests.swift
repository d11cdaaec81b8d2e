import Testing
@testable import QMLKit

/// PCA on iris against scikit-learn's PCA (components with svd_flip signs, variances, scores).
@Suite struct PCATests {
  @Test func matchesScikitLearnOnIris() throws {
    let ref = try ml3Fixture("iris_preprocessing")
    let x = try StandardizerTests.iris().features
    var pca = PCA(components: 3)
    try pca.fit(x)
    for (a, e) in zip(pca.axes, ref.ml3Matrix("pca3_components")) {
      for (u, v) in zip(a, e) { #expect(ml3Close(u, v, 1e-9)) }
    }
    for (a, b) in zip(pca.explainedVariance, ref.ml3Doubles("pca3_explained_variance")) { #expect(ml3Close(a, b, 1e-10)) }
    for (r, e) in zip(pca.transform(Array(x.prefix(5))), ref.ml3Matrix("pca3_first_rows")) {
      for (u, v) in zip(r, e) { #expect(ml3Close(u, v, 1e-9)) }
    }
    #expect(pca.describe == "pca 3")
  }

  @Test func pipelineStandardizeThenPCA() throws {
    let ref = try ml3Fixture("iris_preprocessing")
    let x = try StandardizerTests.iris().features
    var p = Pipeline([Standardizer(), PCA(components: 2)])
    try p.fit(x)
    let out = p.transform([x[0], x[50], x[100], x[149]])
    for (r, e) in zip(out, ref.ml3Matrix("pca2_std_rows")) {
      for (u, v) in zip(r, e) { #expect(ml3Close(u, v, 1e-9)) }
    }
    #expect(p.describe == "standardize, pca 2")
    #expect(p.outputNames(["a", "b", "c", "d"]) == ["pc1", "pc2"])
  }

  @Test func tooManyComponentsIsAnError() {
    var pca = PCA(components: 3)
    #expect(throws: DataError.self) { try pca.fit([[1, 2], [3, 4], [5, 7]]) }
  }

  @Test func eigensolverDiagonalisesKnownMatrix() {
    // [[2,1],[1,2]] has eigenvalues 3 and 1 with eigenvectors (1,1)/√2 and (1,-1)/√2.
    let e = SymmetricEigen([[2, 1], [1, 2]])
    #expect(ml3Close(e.values[0], 3, 1e-14) && ml3Close(e.values[1], 1, 1e-14))
    #expect(ml3Close(abs(e.vectors[0][0]), 0.5.squareRoot(), 1e-14))
    #expect(ml3Close(e.vectors[0][0] * e.vectors[0][1], 0.5, 1e-14))
  }
}
