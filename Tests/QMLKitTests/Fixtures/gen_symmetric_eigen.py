"""numpy references for QMLKit's SymmetricEigen and geometricDifference tests.

Run (from this folder) with numpy 2.4.6 (LAPACK syevd through numpy.linalg.eigh) in a venv:
    python3 -m venv /work/venv-peers && /work/venv-peers/bin/pip install numpy
    /work/venv-peers/bin/python gen_symmetric_eigen.py
Writes symmetric_eigen.json:
  "eigen": matrices with their eigenvalues in descending order (numpy.linalg.eigh, reversed):
    random symmetric 5x5 and 60x60 (seeds 1, 2), repeated eigenvalues (Q diag Q^T), an RBF Gram
    of 40 points with 8 duplicated (PSD, rank <= 32), a diagonal one, Wilkinson's W21+ (pairs of
    eigenvalues equal to ~1e-14), two decoupled blocks, and 1x1.
  "kernels": fidelity (RY angle encoding), RBF and linear kernels of 30 points in [0, pi]^3;
  "geometric_difference": pairs of them with g(K_C || K_Q) of Huang et al. 2021 computed literally
    (both scaled to trace N, sqrt by eigh with negative eigenvalues clipped, pinv with rcond 1e-12
    for lambda = 0, spectral norm by SVD).
"""
import json
import numpy as np

out = {"numpy_version": np.__version__, "eigen": [], "geometric_difference": []}


def add(name, a):
    a = np.asarray(a, dtype=float)
    assert np.array_equal(a, a.T), name
    w = np.linalg.eigh(a)[0][::-1]
    out["eigen"].append({"name": name, "n": a.shape[0], "matrix": a.tolist(), "values": w.tolist()})


def rbf(x, gamma):
    sq = ((x[:, None, :] - x[None, :, :]) ** 2).sum(-1)
    return np.exp(-gamma * sq)


rng = np.random.default_rng(1)
b = rng.normal(size=(5, 5))
add("random_5", (b + b.T) / 2)

rng = np.random.default_rng(2)
b = rng.normal(size=(60, 60))
add("random_60", (b + b.T) / 2)

rng = np.random.default_rng(3)
q, _ = np.linalg.qr(rng.normal(size=(7, 7)))
r = q @ np.diag([3.0, 3.0, 3.0, 1.0, 1.0, -2.0, 0.5]) @ q.T
add("repeated_7", (r + r.T) / 2)

rng = np.random.default_rng(4)
x = rng.normal(size=(32, 3))
x = np.vstack([x, x[:8]])  # 8 duplicated points: rank <= 32
add("rbf_gram_40", rbf(x, 0.5))

add("diagonal_6", np.diag([0.5, -1.0, 4.0, 0.5, 0.0, 2.0]))

w = np.diag(np.abs(np.arange(-10, 11)).astype(float)) + np.diag(np.ones(20), 1) + np.diag(np.ones(20), -1)
add("wilkinson_21", w)

blocks = np.zeros((6, 6))
blocks[:3, :3] = [[2.0, 1.0, 0.0], [1.0, 2.0, 1.0], [0.0, 1.0, 2.0]]
blocks[3:, 3:] = [[-1.0, 0.5, 0.25], [0.5, 1.0, 0.0], [0.25, 0.0, 3.0]]
add("two_blocks_6", blocks)

add("one_by_one", [[-2.5]])


# ---- geometric difference
def psd_sqrt(k):
    w, v = np.linalg.eigh(k)
    return v @ np.diag(np.sqrt(np.clip(w, 0, None))) @ v.T


def geometric_difference(kc, kq, lam):
    n = kc.shape[0]
    kc = (kc + kc.T) / 2 * n / np.trace(kc)
    kq = (kq + kq.T) / 2 * n / np.trace(kq)
    sq = psd_sqrt(kq)
    if lam == 0:
        mid = np.linalg.pinv(kc, rcond=1e-12, hermitian=True)
    else:
        sc = psd_sqrt(kc)
        inv = np.linalg.inv(kc + lam * np.eye(n))
        mid = sc @ inv @ inv @ sc
    return float(np.sqrt(np.linalg.norm(sq @ mid @ sq, 2)))


rng = np.random.default_rng(5)
x = rng.uniform(0, np.pi, size=(30, 3))
kernels = {
    # Fidelity kernel of RY angle encoding, prod_k cos^2((x_k - y_k) / 2): PSD, rank <= 27.
    "fidelity": np.prod(np.cos((x[:, None, :] - x[None, :, :]) / 2) ** 2, axis=-1),
    "rbf": rbf(x, 1 / (3 * x.var())),
    "linear": x @ x.T,  # rank 3
}
out["kernels"] = {k: v.tolist() for k, v in kernels.items()}
for c, q, lam in [("rbf", "fidelity", 0.01), ("rbf", "fidelity", 1.0), ("linear", "fidelity", 0.0),
                  ("fidelity", "rbf", 0.01)]:
    out["geometric_difference"].append({"classical": c, "quantum": q, "lambda": lam,
                                        "g": geometric_difference(kernels[c], kernels[q], lam)})

with open("symmetric_eigen.json", "w") as f:
    json.dump(out, f)
