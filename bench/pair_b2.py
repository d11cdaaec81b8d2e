"""B2 side by side: Qiskit's FidelityStatevectorKernel in-process against `qlift kernel`.

Each round times Qiskit's in-process minimum (the `qiskit_sv` case of the peers' b2_kernel.py,
d = 12, N = 400, OMP_NUM_THREADS = 1), then ten `qlift kernel --map zz --reps 2 --verbose`
processes on one core (`taskset -c 1`) and ten on every core, and prints each side's times and
the ratios Qiskit / qlift (qlift's median of the ten; the seconds are those `--verbose` prints:
the whole train-train matrix inside the process, simulating the states and the Gram product).
The median over rounds is the figure quoted in docs/BENCHMARKS.md ("Issue 20, second round").
Tooling only (Python with qiskit-machine-learning); the product never runs it.

    python bench/pair_b2.py PEERS_DIR .build/release/qlift [ROUNDS]

PEERS_DIR is the folder holding b2_kernel.py (../shared/reference/peers). The inputs are
400 rows of 12 features uniform in [0, pi], written to a temporary CSV (the time does not
depend on the values).
"""
import os
import random
import statistics
import subprocess
import sys
import tempfile

peers, qlift = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
os.environ["OMP_NUM_THREADS"] = "1"
source = open(os.path.join(peers, "b2_kernel.py")).read().split("which = sys.argv[1]")[0]
peer = {}
exec(source, peer)

rng = random.Random(12)
data = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
data.write(",".join(f"x{i}" for i in range(12)) + "\n")
for _ in range(400):
    data.write(",".join(repr(rng.uniform(0, 3.141592653589793)) for _ in range(12)) + "\n")
data.close()


def qlift_seconds(cores):
    prefix = ["taskset", "-c", cores] if cores else []
    out = subprocess.run(prefix + [qlift, "kernel", "--map", "zz", "--reps", "2", "--data", data.name,
                                   "--format", "json", "--verbose"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True).stderr
    return float(out.strip().split(";")[-1].strip().split()[0])


ratios = {"1": [], "all": []}
for r in range(rounds):
    qiskit, _ = peer["qiskit_sv"](400, 12)
    one = statistics.median(qlift_seconds("1") for _ in range(10))
    every = statistics.median(qlift_seconds(None) for _ in range(10))
    ratios["1"].append(qiskit / one)
    ratios["all"].append(qiskit / every)
    print(f"round {r}: Qiskit min {qiskit:.3f} s; qlift median {one:.4f} s on 1 core, {every:.4f} s on every core; "
          f"ratios {qiskit / one:.0f}x and {qiskit / every:.0f}x", flush=True)
for k, v in ratios.items():
    print(f"d=12 N=400 qlift on {k} core(s): median ratio {statistics.median(v):.0f}x (min {min(v):.0f}x, max {max(v):.0f}x)")
os.unlink(data.name)
