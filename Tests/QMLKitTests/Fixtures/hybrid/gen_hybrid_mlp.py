"""Reference for HybridClassifierTests.identityTwinIsAnMLP: scikit-learn's MLPClassifier with one
tanh hidden layer (the twin's input layer W1, b1) and output weights (pi/2) * W2, b2.
The twin computes softmax/sigmoid(W2 * (pi/2 * tanh(W1 x + b1)) + b2), the same function.
Run: /work/.venv-fixtures/bin/python gen_hybrid_mlp.py  (scikit-learn 1.9.1, numpy)."""
import json, math
import numpy as np
from sklearn.neural_network import MLPClassifier

rng = np.random.default_rng(2026)
for name, k in [("binary", 2), ("multiclass", 3)]:
    d, n, rows = 3, 4, 6
    X = rng.uniform(-1, 1, size=(rows, d))
    W1 = rng.normal(size=(n, d)); b1 = rng.normal(size=n)
    m = 1 if k == 2 else k
    W2 = rng.normal(size=(m, n)); b2 = rng.normal(size=m)
    clf = MLPClassifier(hidden_layer_sizes=(n,), activation="tanh", max_iter=1)
    y = np.arange(rows) % k
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf.fit(X, y)
    clf.coefs_ = [W1.T.copy(), (math.pi / 2 * W2).T.copy()]
    clf.intercepts_ = [b1.copy(), b2.copy()]
    proba = clf.predict_proba(X)
    out = {"X": X.tolist(), "W1": W1.tolist(), "b1": b1.tolist(), "W2": W2.tolist(), "b2": b2.tolist(),
           "proba": proba.tolist()}
    with open(f"hybrid_mlp_{name}.json", "w") as f:
        json.dump(out, f, indent=1)
