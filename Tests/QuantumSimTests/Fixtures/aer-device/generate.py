"""Aer agreement fixture for qlift's device pipeline (issue 15).

Pinned: qiskit==2.1.1, qiskit-aer==0.17.1 (numpy 2.x). Run from the repository root:
    python3 -m venv /tmp/aer && /tmp/aer/bin/pip install qiskit==2.1.1 qiskit-aer==0.17.1
    /tmp/aer/bin/python Tests/QuantumSimTests/Fixtures/aer-device/generate.py

For each device profile in specs/devices (IBM Heron r2, IQM Garnet, IonQ Forte) and a handful of
kernel (U(y)^dagger U(x), ZZ feature map) and variational (RY + CX ansatz) circuits on 4-6 qubits:
Qiskit transpiles the logical circuit onto the same region of the coupling map qlift uses (the
first n qubits in breadth-first order from qubit 0, sorted, relabelled 0..n-1) with the trivial
layout and the profile's native gates; Aer simulates it on the density matrix with a noise model
built from the profile's figures as NoiseModel.from_backend does (thermal relaxation over the gate
duration, depolarizing for the rest of the reported gate error, none on the virtual rz); the
readout error (symmetric, per qubit) is applied to Aer's exact probabilities of the logical
qubits.

Idle relaxation (qlift schedules every compiled circuit as soon as possible and relaxes idle
qubits): Aer's `NoiseModel.from_backend` only relaxes qubits during their own gates, so the idle
reference is built explicitly: Qiskit's ASAPScheduleAnalysis + PadDelay schedule the transpiled
circuit with the profile's gate durations (dt = 1 ns; rz takes 0) and pad every idle window,
the wait before the end included, with `delay`; Aer's RelaxationNoisePass (op_types=Delay, no
excited-state population) puts thermal_relaxation_error(T1, min(T2, 2 T1), delay) after each
delay; the gate noise model is the one above. Its probabilities are `aer_idle_probabilities`,
with their own transpiler-seed spread `qiskit_idle_seed_spread`.

Writes aer_device.json: the logical circuit as OpenQASM 2, the figures, Aer's
probabilities (index bit l = logical qubit l), the largest total variation distance between
Aer's distributions of Qiskit's own compilations under transpiler seeds 0-19 and seed 15 (how much
routing choices alone move it), Qiskit's native circuit (OpenQASM 2) with the
qubit each logical qubit ends on, and its gate counts and depth.
"""
import json, math, os, re
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
ROOT = os.getcwd()
HERE = os.path.dirname(os.path.abspath(__file__))


def profile(name):
    text = open(os.path.join(ROOT, "specs/devices", name + ".yaml")).read()
    def num(key):
        m = re.search(r"^%s:\s*([0-9.eE+-]+)" % key, text, re.M)
        return float(m.group(1))
    edges = None
    m = re.search(r"edges:\s*\[(.*?)\]\s*\n\S", text, re.S)
    if m:
        edges = [tuple(map(int, e)) for e in re.findall(r"\[(\d+),\s*(\d+)\]", m.group(1))]
    return {k: num(k) for k in ["t1_us", "t2_us", "gate_time_1q_ns", "gate_time_2q_ns", "error_1q", "error_2q", "readout_error"]}, edges


def region(edges, n):
    if edges is None:
        return list(range(n)), None
    nb = {}
    for a, b in edges:
        nb.setdefault(a, set()).add(b)
        nb.setdefault(b, set()).add(a)
    order, seen, queue = [], {0}, [0]
    while queue and len(order) < n:
        u = queue.pop(0)
        order.append(u)
        for v in sorted(nb.get(u, ())):
            if v not in seen:
                seen.add(v)
                queue.append(v)
    reg = sorted(order[:n])
    local = {p: i for i, p in enumerate(reg)}
    return reg, [[local[a], local[b]] for a, b in edges if a in local and b in local]


def zz_map(qc, x):
    n = qc.num_qubits
    for _ in range(2):
        for q in range(n):
            qc.h(q)
            qc.p(2 * x[q], q)
        for i in range(n):
            for j in range(i + 1, n):
                qc.cx(i, j)
                qc.p(2 * (math.pi - x[i]) * (math.pi - x[j]), j)
                qc.cx(i, j)


def kernel(n, x, y, entanglement="full"):
    u = QuantumCircuit(n)
    zz_map(u, x)
    v = QuantumCircuit(n)
    zz_map(v, y)
    return u.compose(v.inverse())


def variational(n, thetas):
    qc = QuantumCircuit(n)
    k = 0
    for layer in range(3):
        for q in range(n):
            qc.ry(thetas[k], q); k += 1
        if layer < 2:
            for q in reversed(range(n - 1)):
                qc.cx(q, q + 1)
    for q in range(n):
        qc.rz(thetas[k], q); k += 1
    return qc


def noise_model(fig, one_q, two_q):
    nm = NoiseModel(basis_gates=one_q + two_q + ["rz"])
    t1, t2 = fig["t1_us"] * 1e3, fig["t2_us"] * 1e3  # ns
    relax = {0: (t1, t2, None), 1: (t1, t2, None)}
    r1 = _device_thermal_relaxation_error([0], fig["gate_time_1q_ns"], relax, 0)
    r2 = _device_thermal_relaxation_error([0, 1], fig["gate_time_2q_ns"], relax, 0)
    for gates, nq, err, rel in [(one_q, 1, fig["error_1q"], r1), (two_q, 2, fig["error_2q"], r2)]:
        dep = _device_depolarizing_error(list(range(nq)), err, rel)
        total = rel if dep is None else dep.compose(rel)
        nm.add_all_qubit_quantum_error(total, gates)
    return nm


def readout(probs, n, p):
    out = np.array(probs, dtype=float)
    for k in range(n):
        new = out.copy()
        for i in range(len(out)):
            if i >> k & 1 == 0:
                a, b = out[i], out[i | 1 << k]
                new[i] = (1 - p) * a + p * b
                new[i | 1 << k] = p * a + (1 - p) * b
        out = new
    return out


def with_idle_relaxation(tqc, one_q, two_q, fig):
    """tqc scheduled ASAP with the profile's durations, delays relaxed (see the module doc)."""
    durations = InstructionDurations(
        [(g, None, int(fig["gate_time_1q_ns"])) for g in one_q]
        + [(g, None, int(fig["gate_time_2q_ns"])) for g in two_q] + [("rz", None, 0)], dt=1e-9)
    scheduled = PassManager([ASAPScheduleAnalysis(durations), PadDelay(durations=durations)]).run(tqc)
    t1, t2 = fig["t1_us"] * 1e-6, min(fig["t2_us"], 2 * fig["t1_us"]) * 1e-6
    m = scheduled.num_qubits
    relaxed = RelaxationNoisePass([t1] * m, [t2] * m, dt=1e-9, op_types=[Delay])(scheduled)
    relaxed._layout = tqc.layout
    return relaxed


def run(qc, n, cmap, one_q, two_q, fig, seed, idle=False):
    basis = ["u", "cz"] if one_q == ["ry"] else one_q + two_q + ["rz"]
    tqc = transpile(qc, basis_gates=basis, coupling_map=cmap, initial_layout=list(range(n)),
                    optimization_level=1, seed_transpiler=seed)
    if one_q == ["ry"]:
        zyz = QuantumCircuit(*tqc.qregs)
        for inst in tqc.data:
            q = [tqc.find_bit(b).index for b in inst.qubits]
            if inst.operation.name == "u":
                theta, phi, lam = [float(v) for v in inst.operation.params]
                if abs(theta) > 1e-10:
                    zyz.rz(lam, q[0]); zyz.ry(theta, q[0]); zyz.rz(phi, q[0])
                else:
                    zyz.rz(phi + lam, q[0])
            else:
                zyz.append(inst.operation, q)
        zyz._layout = tqc.layout
        tqc = zyz
    final = tqc.layout.final_index_layout() if tqc.layout is not None else list(range(n))
    sim_c = with_idle_relaxation(tqc, one_q, two_q, fig) if idle else tqc.copy()
    sim_c.save_probabilities(qubits=[final[l] for l in range(n)])
    sim = AerSimulator(method="density_matrix", noise_model=noise_model(fig, one_q, two_q))
    probs = sim.run(sim_c, shots=1).result().data()["probabilities"]
    probs = readout(probs, n, fig["readout_error"])
    ideal = AerSimulator(method="density_matrix").run(sim_c, shots=1).result().data()["probabilities"]
    return tqc, final, probs, ideal


DEVICES = {
    "ibm-heron-r2": (["sx", "x"], ["cz"]),
    # IQM: one prx pulse per single-qubit run with virtual rz around it, as qlift synthesizes:
    # Qiskit merges each run into one u (basis u, cz), rewritten exactly as rz ry rz, with
    # ry = prx(theta, pi/2) the pulse (no pulse when theta = 0).
    "iqm-garnet": (["ry"], ["cz"]),
    "ionq-forte": (["sx", "x"], ["rzz"]),
}
rng = np.random.default_rng(15)
cases = []
heron = json.load(open(os.path.join(ROOT, "Tests/QuantumSimTests/Fixtures/heron_r2_coupling_map.json")))
for device, (one_q, two_q) in DEVICES.items():
    fig, edges = profile(device)
    if device == "ibm-heron-r2":
        edges = [tuple(e) for e in heron["edges"]]
    circuits = [("kernel", 4, kernel(4, rng.uniform(0, math.pi, 4), rng.uniform(0, math.pi, 4))),
                ("kernel", 5, kernel(5, rng.uniform(0, math.pi, 5), rng.uniform(0, math.pi, 5))),
                ("variational", 5, variational(5, rng.uniform(-math.pi, math.pi, 20))),
                ("variational", 6, variational(6, rng.uniform(-math.pi, math.pi, 24)))]
    for kind, n, qc in circuits:
        reg, local_edges = region(edges, n)
        cmap = CouplingMap(local_edges) if local_edges is not None else None
        tqc, final, probs, ideal = run(qc, n, cmap, one_q, two_q, fig, 15)
        # How far Qiskit's own routing choices move the distribution: other transpiler seeds.
        spread = max(0.5 * float(np.abs(run(qc, n, cmap, one_q, two_q, fig, seed)[2] - probs).sum()) for seed in range(20))
        idle_probs = run(qc, n, cmap, one_q, two_q, fig, 15, idle=True)[2]
        idle_spread = max(0.5 * float(np.abs(run(qc, n, cmap, one_q, two_q, fig, seed, idle=True)[2] - idle_probs).sum())
                          for seed in range(20))
        cases.append({
            "device": device, "kind": kind, "qubits": n, "region": reg, "qasm": qasm2.dumps(qc),
            "figures": fig, "aer_probabilities": [float(v) for v in probs],
            "ideal_probabilities": [float(v) for v in ideal],
            "aer_idle_probabilities": [float(v) for v in idle_probs], "qiskit_idle_seed_spread": idle_spread,
            "qiskit_counts": {k: int(v) for k, v in tqc.count_ops().items()},
            "native_qasm": qasm2.dumps(tqc), "final_layout": [int(final[l]) for l in range(n)],
            "qiskit_depth": tqc.depth(), "qiskit_seed_spread": spread,
        })
json.dump({"qiskit": qiskit.__version__, "qiskit_aer": qiskit_aer.__version__, "cases": cases},
          open(os.path.join(HERE, "aer_device.json"), "w"), indent=1)
print(len(cases), "cases")
