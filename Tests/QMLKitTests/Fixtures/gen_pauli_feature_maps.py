"""Qiskit statevectors of Pauli feature maps (and the kernels' reference inputs), for QMLKit's encoding tests.
Run: python3 -m venv /work/venv-qml5 && /work/venv-qml5/bin/pip install qiskit numpy
     /work/venv-qml5/bin/python gen_pauli_feature_maps.py > pauli_feature_maps.json   (qiskit 2.x)"""
import json, numpy as np
from qiskit.circuit.library import pauli_feature_map, zz_feature_map
from qiskit.quantum_info import Statevector
cases = [
    dict(d=3, paulis=["Y", "XZ"], reps=1, entanglement="full", alpha=1.5),
    dict(d=4, paulis=["ZZZ"], reps=1, entanglement="circular", alpha=2.0),
    dict(d=4, paulis=["X", "YY", "IZ"], reps=2, entanglement="linear", alpha=0.7),
    dict(d=5, paulis=["Z", "ZZ"], reps=2, entanglement="circular", alpha=2.0),
]
rng = np.random.default_rng(7)
out = []
for c in cases:
    x = rng.uniform(0, np.pi, size=c["d"])
    fm = pauli_feature_map(c["d"], reps=c["reps"], paulis=c["paulis"], entanglement=c["entanglement"], alpha=c["alpha"])
    sv = Statevector(fm.assign_parameters(x))
    out.append(dict(c, x=x.tolist(), real=sv.data.real.tolist(), imag=sv.data.imag.tolist(),
                    ops=dict(fm.decompose().count_ops()), depth=fm.decompose().depth()))
print(json.dumps({"description": "Qiskit pauli_feature_map statevectors (qubit 0 least significant)", "cases": out}, indent=1))
