# Generates qasm_gates.json: Qiskit statevectors for OpenQASM 2.0 programs that exercise every
# gate qlift imports (qelib1.inc names, U/CX, Qiskit's p/cp/u/sxdg/iswap/ryy/cu) and Qiskit's own
# qasm2.dumps output (which defines non-qelib1 gates inline).
# Run: python3 -m venv /work/venv-sim1 && /work/venv-sim1/bin/pip install qiskit==2.6.2
#      /work/venv-sim1/bin/python Tests/QuantumSimTests/Fixtures/gen_qasm_gates.py
import json, os, random
import numpy as np
from qiskit import QuantumCircuit, qasm2
from qiskit.quantum_info import Statevector

rng = random.Random(20261125)
def ang(): return repr(rng.uniform(-3.2, 3.2))

# (qasm name, qubits, params) as written in a file; loaded by Qiskit with the legacy custom instructions.
GATES = [("id",1,0),("x",1,0),("y",1,0),("z",1,0),("h",1,0),("s",1,0),("sdg",1,0),("t",1,0),("tdg",1,0),
         ("sx",1,0),("sxdg",1,0),("rx",1,1),("ry",1,1),("rz",1,1),("p",1,1),("u",1,3),("u1",1,1),("u2",1,2),
         ("u3",1,3),("U",1,3),("CX",2,0),("cx",2,0),("cy",2,0),("cz",2,0),("ch",2,0),("cp",2,1),("cu1",2,1),
         ("crx",2,1),("cry",2,1),("crz",2,1),("cu3",2,3),("cu",2,4),("swap",2,0),("iswap",2,0),("rxx",2,1),
         ("ryy",2,1),("rzz",2,1),("ccx",3,0),("cswap",3,0)]

cases = []
out_dir = os.path.dirname(os.path.abspath(__file__))
custom = list(qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
from qiskit.circuit.library import iSwapGate, RYYGate, CUGate, PhaseGate, CPhaseGate, UGate, SXdgGate
custom += [qasm2.CustomInstruction("iswap", 0, 2, iSwapGate, builtin=True),
           qasm2.CustomInstruction("ryy", 1, 2, RYYGate, builtin=True)]
names = {c.name for c in custom}
for name, nq, npar in GATES:
    n = 4
    for order in range(2):
        lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', 'qreg q[%d];' % n]
        for k in range(n):  # random product state first
            lines.append("u(%s,%s,%s) q[%d];" % (ang(), ang(), ang(), k))
        lines.append("cx q[0],q[2];")
        qs = rng.sample(range(n), nq)
        if order == 1: qs = sorted(qs, reverse=True)
        ps = "(" + ",".join(ang() for _ in range(npar)) + ")" if npar else ""
        lines.append("%s%s %s;" % (name, ps, ",".join("q[%d]" % q for q in qs)))
        text = "\n".join(lines) + "\n"
        qc = qasm2.loads(text, custom_instructions=custom)
        sv = Statevector(qc)
        cases.append({"name": name, "qasm": text, "num_qubits": n,
                      "real": sv.data.real.tolist(), "imag": sv.data.imag.tolist()})

# Qiskit's own export of a circuit with gates outside qelib1.inc.
from qiskit.circuit.library import QFTGate
qc = QuantumCircuit(3)
qc.h(0); qc.iswap(0, 1); qc.ryy(0.7, 1, 2); qc.cu(0.3, 0.2, 0.1, 0.4, 2, 0); qc.sxdg(1); qc.rzz(1.1, 0, 2)
qc.p(0.25, 2); qc.cp(-0.5, 1, 0); qc.rxx(0.9, 2, 1); qc.cswap(0, 1, 2)
text = qasm2.dumps(qc)
sv = Statevector(qc)
cases.append({"name": "qiskit-dumps", "qasm": text, "num_qubits": 3,
              "real": sv.data.real.tolist(), "imag": sv.data.imag.tolist()})
json.dump({"description": "Qiskit 2.6.2 Statevector of OpenQASM 2.0 programs, one per gate name and qubit order; little-endian.",
           "cases": cases}, open(os.path.join(out_dir, "qasm_gates.json"), "w"), indent=1)
print(len(cases), "cases")
print(text)
