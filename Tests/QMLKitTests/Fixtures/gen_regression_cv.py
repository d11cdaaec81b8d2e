"""Reference grid searches of scikit-learn for QMLKit's RegressionGridSearch and RegressorFactory
(issue 19): GridSearchCV(scoring="neg_mean_squared_error") over fixed KFold(5) splits, every
regressor behind a target standardizer and (except the forest) a feature standardizer, as
RegressorFactory builds them.

Pinned: scikit-learn 1.9.1 (with the SciPy and NumPy it resolves to; written into the fixture).
Run from this folder:
    python3 -m venv /work/.venv-fixtures && /work/.venv-fixtures/bin/pip install scikit-learn==1.9.1 scipy numpy
    /work/.venv-fixtures/bin/python gen_regression_cv.py
Writes regression_cv.json.

Data: scikit-learn's bundled diabetes set, unscaled (load_diabetes(scaled=False)), features age,
bmi, bp, s5; rows 0..99 train, 100..139 test.
"""
import json

import numpy as np
import scipy
import sklearn
from sklearn.compose import TransformedTargetRegressor
from sklearn.datasets import load_diabetes
from sklearn.kernel_ridge import KernelRidge
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

assert sklearn.__version__ == "1.9.1", sklearn.__version__
d = load_diabetes(scaled=False)
X = d.data[:, [0, 2, 3, 8]]
y = d.target
Xtr, ytr, Xte, yte = X[:100], y[:100], X[100:140], y[100:140]
splits = list(KFold(5).split(Xtr))

out = {"versions": {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__},
       "train_x": Xtr.tolist(), "train_y": ytr.tolist(), "test_x": Xte.tolist(), "test_y": yte.tolist(),
       "splits": [{"train": a.tolist(), "test": b.tolist()} for a, b in splits], "searches": []}


def search(name, model, grid, qlift_grid, svr=False):
    est = TransformedTargetRegressor(regressor=make_pipeline(StandardScaler(), model), transformer=StandardScaler())
    g = GridSearchCV(est, {"regressor__" + model.__class__.__name__.lower() + "__" + k: v for k, v in grid.items()},
                     scoring="neg_mean_squared_error", cv=splits, refit=True).fit(Xtr, ytr)
    out["searches"].append({
        "model": name, "grid": qlift_grid,
        "mean_squared_error": [-s for s in g.cv_results_["mean_test_score"].tolist()],
        "best_index": int(g.best_index_), "predict": g.predict(Xte).tolist(), "svr": svr})


search("ridge", Ridge(), {"alpha": [0.01, 1.0, 10.0, 100.0]}, {"alpha": [0.01, 1, 10, 100]})
search("kernel_ridge", KernelRidge(kernel="rbf"), {"alpha": [0.01, 0.1, 1.0], "gamma": [0.05, 0.2, 1.0]},
       {"alpha": [0.01, 0.1, 1], "gamma": [0.05, 0.2, 1]})
search("knn", KNeighborsRegressor(algorithm="brute"), {"n_neighbors": [1, 3, 5, 9, 15]}, {"k": [1, 3, 5, 9, 15]})
search("svr", SVR(kernel="rbf"), {"C": [0.1, 1.0, 10.0], "gamma": [0.1, 0.5]}, {"C": [0.1, 1, 10], "gamma": [0.1, 0.5]}, svr=True)

json.dump(out, open("regression_cv.json", "w"), indent=1)
print("wrote regression_cv.json with scikit-learn", sklearn.__version__)
