"""B1 side by side: lightning.qubit in-process against the whole `qlift simulate` process.

Each round times lightning.qubit's in-process minimum of 3 (the `lightning_case` of the peers'
b1_statevector.py) and then the minimum of 3 whole `qlift simulate layeredN.qasm --shots 1
--threads T` processes, and prints the ratio lightning / qlift; the median over rounds is the
figure quoted in docs/BENCHMARKS.md ("Issue 20 side by side"). Tooling only (Python with
pennylane-lightning); the product never runs it.

    qlift-bench --layered-qasm 20 > /tmp/layered20.qasm
    python bench/pair_b1.py PEERS_DIR .build/release/qlift 20 1 [ROUNDS]

PEERS_DIR is the folder holding b1_statevector.py (../shared/reference/peers).
"""
import os
import statistics
import subprocess
import sys
import time

peers, qlift, n, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 5
os.environ["OMP_NUM_THREADS"] = threads
source = open(os.path.join(peers, "b1_statevector.py")).read().split("cases = {")[0]
peer = {}
exec(source, peer)


def qlift_min():
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([qlift, "simulate", f"/tmp/layered{n}.qasm", "--shots", "1", "--threads", threads],
                       stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


ratios = []
for r in range(rounds):
    lightning, _ = peer["lightning_case"](n)
    q = qlift_min()
    ratios.append(lightning / q)
    print(f"round {r}: lightning in-process min {lightning:.4f} s, qlift simulate whole process min {q:.4f} s, "
          f"ratio {lightning / q:.2f}", flush=True)
print(f"n={n} threads={threads}: median ratio {statistics.median(ratios):.2f} "
      f"(min {min(ratios):.2f}, max {max(ratios):.2f})")
