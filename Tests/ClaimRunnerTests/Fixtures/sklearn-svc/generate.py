#!/usr/bin/env python3
# Reference fixture generator: scikit-learn SVC / LogisticRegression on a small,
# fixed 2-class problem with raw (unscaled) features.
#
# Generated with:
#   python        3.11.7
#   scikit-learn  1.5.2
#   numpy         2.4.6
#   scipy         1.17.1
#
# Regenerate (from the repository root):
#   python3 -m venv /work/.venv-fixtures
#   /work/.venv-fixtures/bin/pip install scikit-learn==1.5.2 numpy==2.4.6 scipy==1.17.1
#   /work/.venv-fixtures/bin/python Tests/ClaimRunnerTests/Fixtures/sklearn-svc/generate.py
#
# Writes train.csv, test.csv and expected.json next to this script.
import json
import os
import platform
import sys

import numpy as np
import scipy
import sklearn
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

PINNED = {"sklearn": "1.5.2", "numpy": "2.4.6", "scipy": "1.17.1", "python": "3.11.7"}

HERE = os.path.dirname(os.path.abspath(__file__))

DATA_PARAMS = {
    "make_classification": {
        "n_samples": 160,
        "n_features": 4,
        "n_informative": 3,
        "n_redundant": 0,
        "random_state": 7,
        "class_sep": 0.8,
        "flip_y": 0.05,
    },
    "x3_multiplier": 10.0,
    "train_test_split": {"test_size": 0.3, "random_state": 3, "stratify": "y"},
    "standardized": False,
}


def make_data():
    X, y = make_classification(**DATA_PARAMS["make_classification"])
    X = X.astype(np.float64).copy()
    # Deliberately put x3 on a larger scale so that feature scaling matters.
    X[:, 3] *= DATA_PARAMS["x3_multiplier"]
    split = DATA_PARAMS["train_test_split"]
    return train_test_split(
        X, y, test_size=split["test_size"], random_state=split["random_state"], stratify=y
    )


def write_csv(path, X, y):
    with open(path, "w", newline="\n") as f:
        f.write("x0,x1,x2,x3,label\n")
        for row, label in zip(X, y):
            f.write(",".join(repr(float(v)) for v in row) + "," + str(int(label)) + "\n")


def common(model, X_test, y_test):
    pred = model.predict(X_test)
    return {
        "test_predictions": [int(p) for p in pred],
        "test_accuracy": float(accuracy_score(y_test, pred)),
        "test_balanced_accuracy": float(balanced_accuracy_score(y_test, pred)),
        # Extra: raw decision values (positive => class 1), handy for tolerance checks.
        "test_decision_function": [float(v) for v in model.decision_function(X_test)],
    }


def svc_stats(svc):
    dual = svc.dual_coef_.ravel()  # y_i * alpha_i for each support vector
    return {
        "n_support_vectors": int(svc.support_.shape[0]),
        "n_support_per_class": [int(n) for n in svc.n_support_],
        # Signed sum: ~0 by the equality constraint sum(y_i alpha_i) = 0,
        # so only meaningful with an absolute tolerance.
        "dual_coef_sum": float(dual.sum()),
        # Extra: sum of |y_i alpha_i| (= sum alpha_i), a more discriminating check.
        "dual_coef_abs_sum": float(np.abs(dual).sum()),
        # sklearn convention: decision = sum_i dual_i K(sv_i, x) + intercept
        # (libsvm's rho = -intercept).
        "intercept": float(svc.intercept_[0]),
        # Extra: indices (into train.csv data rows, 0-based) of the support vectors.
        "support_indices": [int(i) for i in svc.support_],
    }


def main():
    X_train, X_test, y_train, y_test = make_data()
    write_csv(os.path.join(HERE, "train.csv"), X_train, y_train)
    write_csv(os.path.join(HERE, "test.csv"), X_test, y_test)

    models = {}

    svc_settings = [
        ("rbf_C1.0_gamma0.1", {"kernel": "rbf", "C": 1.0, "gamma": 0.1}),
        ("rbf_C10.0_gamma0.05", {"kernel": "rbf", "C": 10.0, "gamma": 0.05}),
        ("rbf_C0.5_gamma1.0", {"kernel": "rbf", "C": 0.5, "gamma": 1.0}),
        ("linear_C1.0", {"kernel": "linear", "C": 1.0}),
    ]
    for key, params in svc_settings:
        svc = SVC(**params).fit(X_train, y_train)
        entry = {"model": "SVC", "scaler": None, "settings": dict(params, tol=svc.tol, shrinking=svc.shrinking)}
        entry.update(common(svc, X_test, y_test))
        entry.update(svc_stats(svc))
        if params["kernel"] == "linear":
            entry["coef"] = [float(c) for c in svc.coef_.ravel()]
        models[key] = entry

    lr_params = {"C": 1.0, "max_iter": 10000}
    lr = LogisticRegression(**lr_params).fit(X_train, y_train)
    entry = {
        "model": "LogisticRegression",
        "scaler": None,
        "settings": dict(lr_params, penalty=lr.penalty, solver=lr.solver, tol=lr.tol),
    }
    entry.update(common(lr, X_test, y_test))
    entry["coef"] = [float(c) for c in lr.coef_.ravel()]
    entry["intercept"] = float(lr.intercept_[0])
    entry["n_iter"] = int(lr.n_iter_[0])
    models["logreg_C1.0"] = entry

    std_params = {"kernel": "rbf", "C": 1.0, "gamma": 0.1}
    pipe = make_pipeline(StandardScaler(), SVC(**std_params)).fit(X_train, y_train)
    scaler, svc = pipe.steps[0][1], pipe.steps[1][1]
    entry = {
        "model": "SVC",
        "scaler": "StandardScaler",
        "settings": dict(std_params, tol=svc.tol, shrinking=svc.shrinking),
        # StandardScaler fitted on train: population std (ddof=0).
        "scaler_mean": [float(v) for v in scaler.mean_],
        "scaler_scale": [float(v) for v in scaler.scale_],
    }
    entry.update(common(pipe, X_test, y_test))
    entry.update(svc_stats(svc))
    models["standard"] = entry

    versions = {
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
    }
    for name, want in PINNED.items():
        if versions[name] != want:
            print(f"warning: {name} {versions[name]} differs from pinned {want}", file=sys.stderr)

    expected = {
        "description": "scikit-learn reference results on a fixed 2-class problem, raw features (x3 scaled x10)",
        "versions": versions,
        "data": dict(
            DATA_PARAMS,
            n_train=int(len(y_train)),
            n_test=int(len(y_test)),
            train_class_counts=[int(c) for c in np.bincount(y_train)],
            test_class_counts=[int(c) for c in np.bincount(y_test)],
            test_labels=[int(v) for v in y_test],
        ),
        "models": models,
    }
    with open(os.path.join(HERE, "expected.json"), "w", newline="\n") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")

    for key, m in models.items():
        print(f"{key:22s} acc={m['test_accuracy']:.4f} bal_acc={m['test_balanced_accuracy']:.4f}"
              + (f" nSV={m['n_support_vectors']}" if "n_support_vectors" in m else ""))


if __name__ == "__main__":
    main()
