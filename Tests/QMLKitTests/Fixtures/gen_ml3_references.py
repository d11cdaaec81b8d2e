"""Reference values for QMLKit's data, preprocessing, metrics and statistics tests.

Run (from this folder) with scikit-learn 1.9.1, scipy 1.17.1, numpy 2.4.6:
    python3 -m venv /work/venv-ml3 && /work/venv-ml3/bin/pip install scikit-learn scipy
    /work/venv-ml3/bin/python gen_ml3_references.py
Writes metrics.json, statistics.json, iris_preprocessing.json and kfold.json.
iris.csv is scikit-learn's iris (load_iris) written as CSV (copied from shared/datasets).
"""
import json
import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn import metrics
from sklearn.decomposition import PCA
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import MinMaxScaler, StandardScaler

versions = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__}

# ---- metrics
cases = []
def add(name, labels, scores, probs=None):
    labels = np.asarray(labels)
    scores = np.asarray(scores, dtype=float)
    k = scores.shape[1]
    pred = scores.argmax(axis=1)
    c = {"name": name, "labels": labels.tolist(), "scores": scores.tolist(), "class_count": k,
         "predictions": pred.tolist(),
         "accuracy": metrics.accuracy_score(labels, pred),
         "balanced_accuracy": metrics.balanced_accuracy_score(labels, pred),
         "f1_macro": metrics.f1_score(labels, pred, average="macro", zero_division=0),
         "confusion": metrics.confusion_matrix(labels, pred, labels=list(range(k))).tolist()}
    if k == 2:
        c["roc_auc"] = metrics.roc_auc_score(labels, scores[:, 1])
    else:
        c["roc_auc"] = metrics.roc_auc_score(labels, scores, multi_class="ovr", average="macro")
    if np.allclose(scores.sum(axis=1), 1) and (scores >= 0).all():
        c["log_loss"] = metrics.log_loss(labels, scores, labels=list(range(k)))
    cases.append(c)

# binary with many tied scores (probabilities)
add("binary_ties", [0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1],
    [[0.6, 0.4], [0.6, 0.4], [0.6, 0.4], [0.2, 0.8], [0.9, 0.1], [0.2, 0.8],
     [0.5, 0.5], [0.5, 0.5], [0.3, 0.7], [0.3, 0.7], [0.9, 0.1], [0.0, 1.0]])
# binary decision values, imbalanced
rng = np.random.default_rng(7)
y = (rng.random(40) < 0.25).astype(int)
f = np.round(rng.normal(size=40) + 1.2 * y, 1)  # rounding creates ties
add("binary_decision_imbalanced", y.tolist(), np.stack([-f, f], axis=1).tolist())
# three classes, probabilities, one class never predicted
y3 = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2]
p3 = rng.dirichlet([1, 1, 1], size=10)
p3[:, 2] *= 0.1
p3 /= p3.sum(axis=1, keepdims=True)
add("three_class_probabilities", y3, p3.tolist())

# ---- statistics
quantiles = []
for df in [1, 2, 3, 4, 5, 9, 10, 29, 100, 1000]:
    for p in [0.5, 0.6, 0.9, 0.95, 0.975, 0.995, 0.9995, 0.025, 0.001]:
        quantiles.append({"p": p, "df": df, "t": stats.t.ppf(p, df)})
cdfs = [{"t": t, "df": df, "cdf": stats.t.cdf(t, df)}
        for t in [-30.0, -2.5, -0.3, 0.0, 0.7, 1.96, 4.0, 12.0] for df in [1, 3, 7.5, 40]]
samples = [[0.81, 0.84, 0.79, 0.88, 0.83], [0.5, 0.52], [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 0.5]]
intervals = []
for xs in samples:
    for conf in [0.9, 0.95, 0.99]:
        m = np.mean(xs); se = stats.sem(xs)
        lo, hi = stats.t.interval(conf, len(xs) - 1, loc=m, scale=se)
        intervals.append({"xs": xs, "confidence": conf, "mean": m, "low": lo, "high": hi,
                          "sd": np.std(xs, ddof=1)})
pairs = [([0.81, 0.84, 0.79, 0.88, 0.83], [0.78, 0.80, 0.80, 0.85, 0.79]),
         ([1, 2, 3, 4, 5, 6], [1.5, 1.7, 3.9, 3.1, 5.5, 7.0]),
         ([0.9, 0.91, 0.92], [0.7, 0.69, 0.73])]
ttests = []
for a, b in pairs:
    r = stats.ttest_rel(a, b)
    ttests.append({"a": a, "b": b, "t": float(r.statistic), "p": float(r.pvalue)})
wpairs = pairs + [([0.1 * i for i in range(1, 21)], [0.1 * i + (0.05 if i % 3 else -0.07) * (i / 10) for i in range(1, 21)])]
wilcoxons = []
for a, b in wpairs:
    r = stats.wilcoxon(a, b)
    wilcoxons.append({"a": a, "b": b, "statistic": float(r.statistic), "p": float(r.pvalue)})
betas = [{"x": x, "a": a, "b": b, "value": scipy.special.betainc(a, b, x)}
         for x in [0.01, 0.3, 0.5, 0.9, 0.999] for a, b in [(0.5, 0.5), (2, 3), (10, 0.5), (50, 40)]]

# ---- iris preprocessing
data = np.genfromtxt("iris.csv", delimiter=",", skip_header=1, usecols=range(4))
std = StandardScaler().fit(data)
mm = MinMaxScaler(feature_range=(0, np.pi)).fit(data[:100])
pca = PCA(n_components=3).fit(data)
pca_std = PCA(n_components=2).fit(std.transform(data))

# ---- stratified k-fold per-class counts (deterministic part of sklearn's algorithm)
kfold = []
for labels, k in [([0] * 50 + [1] * 50 + [2] * 50, 5), ([0] * 7 + [1] * 13 + [2] * 3, 4),
                  ([1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1], 3)]:
    y = np.asarray(labels)
    counts = []
    for _, test in StratifiedKFold(n_splits=k, shuffle=True, random_state=0).split(np.zeros(len(y)), y):
        counts.append(sorted(np.bincount(y[test], minlength=y.max() + 1).tolist()))
    kfold.append({"labels": labels, "folds": k, "per_fold_class_counts": counts})

def dump(name, obj):
    with open(name, "w") as fh:
        json.dump({"versions": versions, **obj}, fh, indent=1)

dump("metrics.json", {"cases": cases})
dump("statistics.json", {"quantiles": quantiles, "cdfs": cdfs, "intervals": intervals,
                         "ttests": ttests, "wilcoxon": wilcoxons, "betainc": betas})
dump("iris_preprocessing.json", {
    "standard_mean": std.mean_.tolist(), "standard_scale": std.scale_.tolist(),
    "standard_first_rows": std.transform(data[:5]).tolist(),
    "minmax_fit_rows": 100, "minmax_last_rows": mm.transform(data[-3:]).tolist(),
    "pca3_components": pca.components_.tolist(), "pca3_explained_variance": pca.explained_variance_.tolist(),
    "pca3_first_rows": pca.transform(data[:5]).tolist(),
    "pca2_std_components": pca_std.components_.tolist(),
    "pca2_std_rows": pca_std.transform(std.transform(data[[0, 50, 100, 149]])).tolist()})
dump("kfold.json", {"cases": kfold})
