"""Reference outputs of scikit-learn for QMLKit's classical baselines and grid search.

Run (from this folder) with scikit-learn 1.x in a venv:
    python3 -m venv /work/venv-ml4 && /work/venv-ml4/bin/pip install scikit-learn
    /work/venv-ml4/bin/python gen_baselines.py
Writes baselines.json (SVM decisions, logistic-regression coefficients, k-NN predictions)
and gridsearch.json (GridSearchCV on iris / wine / breast_cancer with fixed split and folds).
"""
import json, numpy as np, sklearn
from sklearn.svm import SVC
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

rng = np.random.default_rng(7)
out = {"sklearn_version": sklearn.__version__}

# (a) RBF / polynomial SVM decision values, binary and 3-class.
X = rng.normal(size=(40, 3)); y = (X[:, 0] * X[:, 1] + 0.5 * X[:, 2] > 0).astype(int)
Xt = rng.normal(size=(12, 3))
svms = []
for name, kw in [("rbf_scale_C10", dict(kernel="rbf", gamma="scale", C=10.0)),
                 ("rbf_0.5_C1", dict(kernel="rbf", gamma=0.5, C=1.0)),
                 ("poly3_scale_coef1_C1", dict(kernel="poly", degree=3, gamma="scale", coef0=1.0, C=1.0)),
                 ("linear_C0.1", dict(kernel="linear", C=0.1))]:
    m = SVC(tol=1e-8, **kw).fit(X, y)
    svms.append({"name": name, "classes": 2, "decision": m.decision_function(Xt).tolist(),
                 "predict": m.predict(Xt).tolist(), "support": m.support_.tolist(),
                 "dual_coef": m.dual_coef_[0].tolist(), "intercept": float(m.intercept_[0])})
y3 = np.digitize(X[:, 0] + 0.7 * X[:, 1] ** 2, [-0.3, 0.8])
m = SVC(kernel="rbf", gamma=0.5, C=3.0, tol=1e-8).fit(X, y3)
svms.append({"name": "rbf_0.5_C3_3class", "classes": 3, "decision": m.decision_function(Xt).tolist(),
             "predict": m.predict(Xt).tolist(), "support": m.support_.tolist()})
out["svm"] = {"train_x": X.tolist(), "train_y": y.tolist(), "train_y3": y3.tolist(), "test_x": Xt.tolist(), "models": svms}

# (b) logistic regression coefficients (lbfgs run to convergence), binary and multinomial.
XL = rng.normal(size=(80, 4)) * [1, 2, 0.5, 1]
yb = (XL @ [1.0, -0.5, 2.0, 0.3] + 0.3 * rng.normal(size=80) > 0).astype(int)
y3l = np.argmax(XL[:, :3] + 0.8 * rng.normal(size=(80, 3)), axis=1)
lrs = []
for C in (0.1, 1.0, 10.0):
    for labels, tag in ((yb, "binary"), (y3l, "multinomial")):
        m = LogisticRegression(C=C, tol=1e-12, max_iter=100000).fit(XL, labels)
        lrs.append({"C": C, "kind": tag, "coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(),
                    "proba": m.predict_proba(XL[:10]).tolist()})
out["logistic"] = {"x": XL.tolist(), "y_binary": yb.tolist(), "y_multi": y3l.tolist(), "models": lrs}

# (c) k-NN predictions and vote fractions.
XK = rng.normal(size=(60, 2)); yk = np.digitize(XK[:, 0] + 0.5 * rng.normal(size=60), [-0.4, 0.4])
XKt = rng.normal(size=(25, 2))
knn = []
for k in (1, 4, 5, 9):
    m = KNeighborsClassifier(n_neighbors=k).fit(XK, yk)
    knn.append({"k": k, "predict": m.predict(XKt).tolist(), "proba": m.predict_proba(XKt).tolist()})
out["knn"] = {"train_x": XK.tolist(), "train_y": yk.tolist(), "test_x": XKt.tolist(), "models": knn}
json.dump(out, open("baselines.json", "w"), indent=1)

# (d) GridSearchCV (StandardScaler + model pipelines) with a fixed stratified split and folds.
def load(name):
    rows = [l.rstrip("\n").split(",") for l in open(f"{name}.csv")][1:]
    X = np.array([[float(v) for v in r[:-1]] for r in rows]); names = sorted(set(r[-1] for r in rows))
    return X, np.array([names.index(r[-1]) for r in rows])
grids = {"svm_rbf": (SVC(), {"C": [0.1, 1, 10, 100], "gamma": ["scale", 0.01, 0.1, 1]}),
         "logistic_regression": (LogisticRegression(max_iter=10000), {"C": [0.01, 0.1, 1, 10, 100]}),
         "knn": (KNeighborsClassifier(), {"n_neighbors": [1, 3, 5, 7, 9, 15]})}
gs = {}
for ds in ("iris", "wine", "breast_cancer"):
    X, y = load(ds)
    tr, te = train_test_split(np.arange(len(y)), test_size=0.3, stratify=y, random_state=0)
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(X[tr], y[tr]))
    entry = {"train": tr.tolist(), "test": te.tolist(), "folds": [f[1].tolist() for f in folds], "models": {}}
    for model, (est, grid) in grids.items():
        pipe = make_pipeline(StandardScaler(), est)
        step = pipe.steps[-1][0]
        g = GridSearchCV(pipe, {f"{step}__{k}": v for k, v in grid.items()}, cv=folds, scoring="accuracy").fit(X[tr], y[tr])
        entry["models"][model] = {
            "grid": {("k" if k == "n_neighbors" else k): v for k, v in grid.items()},
            "best": {("k" if k.split("__")[1] == "n_neighbors" else k.split("__")[1]): v for k, v in g.best_params_.items()},
            "best_score": float(g.best_score_), "mean_test_score": g.cv_results_["mean_test_score"].tolist(),
            "test_accuracy": float(g.score(X[te], y[te]))}
    gs[ds] = entry
json.dump(gs, open("gridsearch.json", "w"), indent=1)
print("wrote baselines.json gridsearch.json with scikit-learn", sklearn.__version__)
