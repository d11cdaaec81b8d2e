"""Qiskit reference for statevectors above 15 qubits (the cache-blocked path of CompiledCircuit).

Writes wide_statevectors.json: random circuits on 16, 17 and 18 qubits (OpenQASM 2.0 from
qiskit.qasm2.dumps), Qiskit's amplitudes at 256 fixed random basis indices and <Z_q> of every
qubit. Qubit 0 is the least significant bit of an index (Qiskit's order).
Pinned: qiskit 2.6.2, numpy 2.x. Run: python gen_wide_statevectors.py > wide_statevectors.json
"""
import json
import numpy as np
from qiskit import QuantumCircuit, qasm2
from qiskit.quantum_info import Statevector

ONE = ["h", "x", "s", "t", "sdg", "sx"]
ROT = ["rx", "ry", "rz", "p"]
TWO = ["cx", "cz", "swap"]
TWO_ROT = ["cp", "rzz"]


def circuit(n, seed):
    rng = np.random.default_rng(seed)
    qc = QuantumCircuit(n)
    for _ in range(12 * n):
        kind = rng.integers(0, 10)
        if kind < 3:
            getattr(qc, str(rng.choice(ONE)))(int(rng.integers(0, n)))
        elif kind < 6:
            getattr(qc, str(rng.choice(ROT)))(float(rng.uniform(0, 2 * np.pi)), int(rng.integers(0, n)))
        elif kind < 8:
            a, b = (int(x) for x in rng.choice(n, 2, replace=False))
            getattr(qc, str(rng.choice(TWO)))(a, b)
        elif kind < 9:
            a, b = (int(x) for x in rng.choice(n, 2, replace=False))
            getattr(qc, str(rng.choice(TWO_ROT)))(float(rng.uniform(0, 2 * np.pi)), a, b)
        else:
            a, b, c = (int(x) for x in rng.choice(n, 3, replace=False))
            qc.ccx(a, b, c)
    return qc


cases = []
for n, seed in [(16, 1), (17, 2), (18, 3)]:
    qc = circuit(n, seed)
    sv = Statevector(qc).data
    idx = sorted(int(i) for i in np.random.default_rng(100 + n).choice(2**n, 256, replace=False))
    probs = np.abs(sv) ** 2
    z = [float(np.sum(probs * (1 - 2 * ((np.arange(2**n) >> q) & 1)))) for q in range(n)]
    cases.append({
        "name": f"random {n} qubits, seed {seed}",
        "qasm": qasm2.dumps(qc),
        "num_qubits": n,
        "indices": idx,
        "real": [float(sv[i].real) for i in idx],
        "imag": [float(sv[i].imag) for i in idx],
        "z": z,
    })
print(json.dumps({"generator": "gen_wide_statevectors.py", "qiskit": "2.6.2", "cases": cases}))
