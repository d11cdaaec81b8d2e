"""Reference noisy density matrices from Qiskit Aer (device recipe: qiskit_aer.noise.device.models), for DensityMatrixNoiseReferenceTests.

Run (from the repository root, in a venv with `pip install qiskit qiskit-aer`; used: qiskit
2.6.2, qiskit-aer 0.18.2):
    python Tests/QuantumSimTests/Fixtures/gen_noisy_density_matrices.py \
        > Tests/QuantumSimTests/Fixtures/noisy_density_matrices.json

Each case is a seeded random circuit of 1- and 2-qubit gates, a qlift `--noise` string, and the
density matrix Aer's density_matrix method gives under the equivalent Aer NoiseModel: channels
after every gate in the same order as NoiseModel(specification:) attaches them (depolarizing,
thermal relaxation, amplitude damping, phase damping, bit flip, phase flip), one-qubit channels
on each qubit a two-qubit gate touches.
"""
import json
import math
import random

from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator
from qiskit_aer.noise.device.models import _device_depolarizing_error
from qiskit_aer.noise import (NoiseModel, amplitude_damping_error, depolarizing_error,
                              pauli_error, phase_damping_error, thermal_relaxation_error)

ONE = ["h", "x", "y", "s", "t", "sx", "rx", "ry", "rz", "u"]
TWO = ["cx", "cz", "rzz", "swap", "cp"]
PARAMS = {"rx": 1, "ry": 1, "rz": 1, "u": 3, "rzz": 1, "cp": 1}

NOISES = [
    ("depolarizing=0.02,depolarizing2=0.05", dict(dep=0.02, dep2=0.05)),
    ("amplitude_damping=0.03,phase_damping=0.04", dict(ad=0.03, pd=0.04)),
    ("t1=100us,t2=80us,gate_time_1q=2us,gate_time_2q=5us", dict(t1=100e-6, t2=80e-6, g1=2e-6, g2=5e-6)),
    ("depolarizing=0.01,bit_flip=0.02,phase_flip=0.03", dict(dep=0.01, bf=0.02, pf=0.03)),
    ("depolarizing=0.03", dict(dep=0.03)),
    ("t1=100us,t2=80us,gate_time_1q=2us,gate_time_2q=5us,gate_error_1q=0.03,gate_error_2q=0.08",
     dict(t1=100e-6, t2=80e-6, g1=2e-6, g2=5e-6, e1=0.03, e2=0.08)),
    ("gate_error_1q=0.004,gate_error_2q=0.02", dict(e1=0.004, e2=0.02)),
]


def errors(spec):
    """The (one-qubit gate error, two-qubit gate error) Aer equivalents of a noise spec."""
    e1, e2 = [], []
    if "e1" in spec:  # Aer's device recipe: depolarizing matched to the reported gate error
        r1 = thermal_relaxation_error(spec["t1"], spec["t2"], spec["g1"]) if "t1" in spec else None
        r2 = thermal_relaxation_error(spec["t1"], spec["t2"], spec["g2"]) if "t1" in spec else None
        e1.append(_device_depolarizing_error([0], spec["e1"], r1))
        e2.append(_device_depolarizing_error([0, 1], spec["e2"], r2.tensor(r2) if r2 else None))
    if "dep" in spec:
        e1.append(depolarizing_error(spec["dep"], 1))
    if "dep2" in spec or "dep" in spec:
        e2.append(depolarizing_error(spec.get("dep2", spec.get("dep")), 2))
    if "t1" in spec:
        e1.append(thermal_relaxation_error(spec["t1"], spec["t2"], spec["g1"]))
        t = thermal_relaxation_error(spec["t1"], spec["t2"], spec["g2"])
        e2.append(t.tensor(t))
    singles = []
    if "ad" in spec:
        singles.append(amplitude_damping_error(spec["ad"]))
    if "pd" in spec:
        singles.append(phase_damping_error(spec["pd"]))
    if "bf" in spec:
        singles.append(pauli_error([("X", spec["bf"]), ("I", 1 - spec["bf"])]))
    if "pf" in spec:
        singles.append(pauli_error([("Z", spec["pf"]), ("I", 1 - spec["pf"])]))
    for s in singles:
        e1.append(s)
        e2.append(s.tensor(s))

    def compose(es):
        out = es[0]
        for e in es[1:]:
            out = out.compose(e)  # apply `out` first, then `e`
        return out

    return compose(e1) if e1 else None, compose(e2) if e2 else None


def main():
    rng = random.Random(20261125)
    cases = []
    for k, (text, spec) in enumerate(NOISES):
        for rep in range(2):
            n = 3 if rep == 0 else 2
            qc = QuantumCircuit(n)
            gates = []
            for _ in range(14):
                if n >= 2 and rng.random() < 0.35:
                    name = rng.choice(TWO)
                    qs = rng.sample(range(n), 2)
                else:
                    name = rng.choice(ONE)
                    qs = [rng.randrange(n)]
                ps = [rng.uniform(-math.pi, math.pi) for _ in range(PARAMS.get(name, 0))]
                getattr(qc, name)(*ps, *qs)
                gates.append({"name": name, "qubits": qs, "params": ps})
            e1, e2 = errors(spec)
            nm = NoiseModel()
            if e1 is not None:
                nm.add_all_qubit_quantum_error(e1, ONE)
            if e2 is not None:
                nm.add_all_qubit_quantum_error(e2, TWO)
            qc.save_density_matrix()
            sim = AerSimulator(method="density_matrix", noise_model=nm, fusion_enable=False)
            rho = sim.run(qc).result().data()["density_matrix"].data
            d = 2 ** n
            cases.append({
                "noise": text, "qubits": n, "gates": gates,
                "rho_re": [rho[r][c].real for r in range(d) for c in range(d)],
                "rho_im": [rho[r][c].imag for r in range(d) for c in range(d)],
            })
    print(json.dumps({"generator": "qiskit-aer 0.18.2 density_matrix", "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
