"""Aer agreement fixture for per-qubit and per-edge device figures (issue 15).

Pinned: qiskit==2.1.1, qiskit-aer==0.17.1 (numpy 2.x). Run from the repository root:
    python3 -m venv /tmp/aer && /tmp/aer/bin/pip install qiskit==2.1.1 qiskit-aer==0.17.1
    /tmp/aer/bin/python Tests/QuantumSimTests/Fixtures/aer-device/generate_calibrated.py

A 5-qubit line device (couplers 0-1, 1-2, 2-3, 3-4, native sx, x, rz, cz; rz virtual) whose
figures differ per qubit (T1, T2, sx/x time and error, readout error) and per coupler (cz time
and error), spread on purpose (one coupler ten times noisier). Qiskit transpiles a 4-qubit kernel
circuit (ZZ map, full entanglement, so routing adds swaps) and a 5-qubit variational circuit
with the trivial layout; Aer simulates each on the density matrix under a noise model built
gate by gate as NoiseModel.from_backend does from per-qubit properties: on a one-qubit gate on q,
depolarizing for the rest of q's error after thermal relaxation over q's gate time; on cz(a, b),
the coupler's error over relaxation of a and b for the coupler's time (both qubit orders). Idle
windows relax too, as in generate.py: Qiskit's ASAPScheduleAnalysis + PadDelay with the
per-qubit and per-coupler durations (dt = 1 ns), Aer's RelaxationNoisePass with per-qubit T1
and T2. Readout error (symmetric, per physical qubit) is applied to Aer's exact probabilities of
the qubits the logical qubits end on.

Writes aer_calibrated.json: the figures, the logical circuit (OpenQASM 2), Qiskit's native
circuit with its final layout, Aer's probabilities (index bit l = logical qubit l), and the
largest total variation distance between Aer's distributions of Qiskit's compilations under
transpiler seeds 0-19 and seed 15 (how much routing choices alone move it).
"""
import json, math, os
import numpy as np
import qiskit, qiskit_aer
from qiskit import QuantumCircuit, transpile, qasm2
from qiskit.circuit import Delay
from qiskit.transpiler import CouplingMap, InstructionDurations, PassManager
from qiskit.transpiler.passes import ASAPScheduleAnalysis, PadDelay
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel, RelaxationNoisePass
from qiskit_aer.noise.device.models import _device_depolarizing_error, _device_thermal_relaxation_error

assert qiskit.__version__ == "2.1.1" and qiskit_aer.__version__ == "0.17.1", "pinned versions"
HERE = os.path.dirname(os.path.abspath(__file__))

N = 5
EDGES = [(0, 1), (1, 2), (2, 3), (3, 4)]
FIG = {
    "t1_us": [120.0, 60.0, 150.0, 90.0, 40.0],
    "t2_us": [80.0, 110.0, 60.0, 90.0, 70.0],   # qubit 1: T2 > 2 T1 is truncated to 2 T1 = 120
    "gate_time_1q_ns": [30.0, 40.0, 25.0, 35.0, 30.0],
    "error_1q": [3e-4, 8e-4, 2e-4, 1.5e-3, 5e-4],
    "readout_error": [0.01, 0.03, 0.015, 0.05, 0.02],
    "gate_time_2q_ns": {"0-1": 80.0, "1-2": 120.0, "2-3": 70.0, "3-4": 100.0},
    "error_2q": {"0-1": 5e-3, "1-2": 4e-2, "2-3": 3e-3, "3-4": 8e-3},
}
ONE_Q, TWO_Q = ["sx", "x"], ["cz"]


def t1t2(q):
    t1 = FIG["t1_us"][q] * 1e3  # ns
    return t1, min(FIG["t2_us"][q] * 1e3, 2 * t1)


def noise_model():
    nm = NoiseModel(basis_gates=ONE_Q + TWO_Q + ["rz"])
    relax = {q: (*t1t2(q), None) for q in range(N)}
    for q in range(N):
        rel = _device_thermal_relaxation_error([q], FIG["gate_time_1q_ns"][q], relax, 0)
        dep = _device_depolarizing_error([q], FIG["error_1q"][q], rel)
        nm.add_quantum_error(rel if dep is None else dep.compose(rel), ONE_Q, [q])
    for a, b in EDGES:
        key = "%d-%d" % (a, b)
        for qs in ([a, b], [b, a]):
            rel = _device_thermal_relaxation_error(qs, FIG["gate_time_2q_ns"][key], relax, 0)
            dep = _device_depolarizing_error(qs, FIG["error_2q"][key], rel)
            nm.add_quantum_error(rel if dep is None else dep.compose(rel), TWO_Q, qs)
    return nm


def with_idle_relaxation(tqc):
    entries = [(g, [q], int(FIG["gate_time_1q_ns"][q])) for g in ONE_Q for q in range(N)]
    for a, b in EDGES:
        t = int(FIG["gate_time_2q_ns"]["%d-%d" % (a, b)])
        entries += [("cz", [a, b], t), ("cz", [b, a], t)]
    entries += [("rz", None, 0)]
    durations = InstructionDurations(entries, dt=1e-9)
    scheduled = PassManager([ASAPScheduleAnalysis(durations), PadDelay(durations=durations)]).run(tqc)
    t1s = [t1t2(q)[0] * 1e-9 for q in range(N)]
    t2s = [t1t2(q)[1] * 1e-9 for q in range(N)]
    relaxed = RelaxationNoisePass(t1s, t2s, dt=1e-9, op_types=[Delay])(scheduled)
    relaxed._layout = tqc.layout
    return relaxed


def readout(probs, qubits):
    out = np.array(probs, dtype=float)
    for k, q in enumerate(qubits):
        p = FIG["readout_error"][q]
        new = out.copy()
        for i in range(len(out)):
            if i >> k & 1 == 0:
                a, b = out[i], out[i | 1 << k]
                new[i] = (1 - p) * a + p * b
                new[i | 1 << k] = p * a + (1 - p) * b
        out = new
    return out


def kernel(n, x, y):
    def zz(qc, v):
        for q in range(n):
            qc.h(q); qc.p(2 * v[q], q)
        for i in range(n):
            for j in range(i + 1, n):
                qc.cx(i, j); qc.p(2 * (math.pi - v[i]) * (math.pi - v[j]), j); qc.cx(i, j)
    qc = QuantumCircuit(n)
    zz(qc, x)
    inv = QuantumCircuit(n)
    zz(inv, y)
    qc.compose(inv.inverse(), inplace=True)
    return qc


def variational(n, thetas):
    qc = QuantumCircuit(n)
    k = 0
    for layer in range(3):
        for q in range(n):
            qc.ry(thetas[k], q); k += 1
        if layer < 2:
            for q in reversed(range(n - 1)):
                qc.cx(q, q + 1)
    return qc


def run(qc, n, seed):
    cmap = CouplingMap([list(e) for e in EDGES] + [[b, a] for a, b in EDGES])
    tqc = transpile(qc, basis_gates=ONE_Q + TWO_Q + ["rz"], coupling_map=cmap, initial_layout=list(range(n)),
                    optimization_level=1, seed_transpiler=seed)
    final = tqc.layout.final_index_layout()
    sim_c = with_idle_relaxation(tqc)
    sim_c.save_probabilities(qubits=[final[l] for l in range(n)])
    probs = AerSimulator(method="density_matrix", noise_model=noise_model()).run(sim_c, shots=1).result().data()["probabilities"]
    return tqc, final, readout(probs, [final[l] for l in range(n)])


rng = np.random.default_rng(151)
cases = []
for kind, n, qc in [("kernel", 4, kernel(4, rng.uniform(0, math.pi, 4), rng.uniform(0, math.pi, 4))),
                    ("variational", 5, variational(5, rng.uniform(-math.pi, math.pi, 15)))]:
    tqc, final, probs = run(qc, n, 15)
    # How far Qiskit's own routing choices move the distribution: transpiler seeds 0-19 against 15.
    spread = max(0.5 * float(np.abs(run(qc, n, seed)[2] - probs).sum()) for seed in range(20))
    cases.append({"kind": kind, "qubits": n, "qasm": qasm2.dumps(qc), "native_qasm": qasm2.dumps(tqc),
                  "final_layout": [int(final[l]) for l in range(n)], "aer_probabilities": [float(v) for v in probs],
                  "device_qubits": tqc.num_qubits, "qiskit_seed_spread": spread})
json.dump({"qiskit": qiskit.__version__, "qiskit_aer": qiskit_aer.__version__, "edges": EDGES, "figures": FIG,
           "cases": cases}, open(os.path.join(HERE, "aer_calibrated.json"), "w"), indent=1)
print(len(cases), "cases")
