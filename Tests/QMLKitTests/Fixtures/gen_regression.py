"""Reference outputs of scikit-learn for QMLKit's regressors and regression metrics (issue 19).

Pinned: scikit-learn 1.9.1 (with the SciPy and NumPy it resolves to; the versions used are
written into the fixture). Run from this folder:
    python3 -m venv /work/.venv-fixtures && /work/.venv-fixtures/bin/pip install scikit-learn==1.9.1 scipy numpy
    /work/.venv-fixtures/bin/python gen_regression.py
Writes regression.json.

Data: scikit-learn's bundled diabetes set (load_diabetes ships with the package, no download),
the first 120 rows, features and target standardized over those rows (population std); rows
0..89 train, 90..119 test.
"""
import json

import numpy as np
import scipy
import sklearn
from sklearn.datasets import load_diabetes
from sklearn.kernel_ridge import KernelRidge
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.metrics.pairwise import rbf_kernel
from sklearn.neighbors import KNeighborsRegressor
from sklearn.svm import SVR

X, y = load_diabetes(return_X_y=True)
X, y = X[:120], y[:120]
X = (X - X.mean(axis=0)) / X.std(axis=0)
y = (y - y.mean()) / y.std()
Xtr, ytr, Xte, yte = X[:90], y[:90], X[90:], y[90:]

out = {"versions": {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__},
       "train_x": Xtr.tolist(), "train_y": ytr.tolist(), "test_x": Xte.tolist(), "test_y": yte.tolist()}

out["ridge"] = []
for alpha in (0.1, 1.0, 10.0):
    m = Ridge(alpha=alpha).fit(Xtr, ytr)
    out["ridge"].append({"alpha": alpha, "coef": m.coef_.tolist(), "intercept": float(m.intercept_),
                         "predict": m.predict(Xte).tolist()})

out["kernel_ridge"] = []
for alpha, gamma in ((0.5, 0.1), (0.05, 0.02), (1.0, None)):
    m = KernelRidge(kernel="rbf", alpha=alpha, gamma=gamma).fit(Xtr, ytr)
    out["kernel_ridge"].append({"alpha": alpha, "gamma": gamma, "dual_coef": m.dual_coef_.tolist(),
                                "predict": m.predict(Xte).tolist()})

# Kernel ridge on a precomputed Gram matrix (the quantum kernel ridge path).
Ktr, Kte = rbf_kernel(Xtr, Xtr, gamma=0.07), rbf_kernel(Xte, Xtr, gamma=0.07)
m = KernelRidge(kernel="precomputed", alpha=0.3).fit(Ktr, ytr)
out["precomputed_kernel_ridge"] = {"alpha": 0.3, "train_kernel": Ktr.tolist(), "test_kernel": Kte.tolist(),
                                   "dual_coef": m.dual_coef_.tolist(), "predict": m.predict(Kte).tolist()}

out["svr"] = []
for C, eps, gamma in ((1.0, 0.1, 0.1), (10.0, 0.2, 0.05), (0.5, 0.05, "scale")):
    m = SVR(kernel="rbf", C=C, epsilon=eps, gamma=gamma, tol=1e-8).fit(Xtr, ytr)
    out["svr"].append({"C": C, "epsilon": eps, "gamma": gamma, "support": m.support_.tolist(),
                       "dual_coef": m.dual_coef_[0].tolist(), "intercept": float(m.intercept_[0]),
                       "predict": m.predict(Xte).tolist()})

out["knn"] = []
for k in (1, 3, 5, 10):
    m = KNeighborsRegressor(n_neighbors=k, algorithm="brute").fit(Xtr, ytr)
    out["knn"].append({"k": k, "predict": m.predict(Xte).tolist()})

# Metrics of the alpha = 1 ridge predictions, and edge cases.
cases = [("ridge_alpha1", yte, np.array(out["ridge"][1]["predict"])),
         ("knn_k3", yte, np.array(out["knn"][1]["predict"])),
         ("small", np.array([3.0, -0.5, 2.0, 7.0]), np.array([2.5, 0.0, 2.0, 8.0])),
         ("constant_truth_perfect", np.array([2.0, 2.0, 2.0]), np.array([2.0, 2.0, 2.0])),
         ("constant_truth_wrong", np.array([2.0, 2.0, 2.0]), np.array([1.0, 2.0, 3.0]))]
out["metrics"] = [{"name": n, "y_true": t.tolist(), "y_pred": p.tolist(),
                   "rmse": float(np.sqrt(mean_squared_error(t, p))), "mae": float(mean_absolute_error(t, p)),
                   "r2": float(r2_score(t, p))} for n, t, p in cases]

json.dump(out, open("regression.json", "w"), indent=1)
print("wrote regression.json with scikit-learn", sklearn.__version__)
