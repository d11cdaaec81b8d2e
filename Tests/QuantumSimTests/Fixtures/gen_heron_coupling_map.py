"""Coupling map of IBM Heron r2 (ibm_fez) from qiskit-ibm-runtime's fake backend, for
RoutingTests ("ibmHeronR2 matches ibm_fez").

Run (in a venv with `pip install qiskit-ibm-runtime`; used: qiskit 2.6.2, qiskit-ibm-runtime 0.51.0):
    python Tests/QuantumSimTests/Fixtures/gen_heron_coupling_map.py \
        > Tests/QuantumSimTests/Fixtures/heron_r2_coupling_map.json
"""
import json

from qiskit_ibm_runtime.fake_provider import FakeFez

backend = FakeFez()
edges = sorted(set(tuple(sorted(e)) for e in backend.coupling_map.get_edges()))
print(json.dumps({"backend": backend.name, "qubits": backend.num_qubits,
                  "edges": [list(e) for e in edges]}))
