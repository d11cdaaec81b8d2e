"""Two or more qlift builds timed side by side on one B1 circuit, whole process.

Each round runs every binary once, in the order given, on `qlift simulate layeredN.qasm --shots 1
--threads T`, so a slow minute on the shared host touches every binary alike; it prints each
binary's median, min and max, and the first binary's time over each other's per round (median and
range). These are the "before / after" tables of docs/BENCHMARKS.md ("Issue 20, third round").
Tooling only; the product never runs it.

    qlift-bench --layered-qasm 20 > /tmp/layered20.qasm
    python bench/alternate_simulate.py /tmp/layered20.qasm 1 15 OLD_QLIFT NEW_QLIFT
"""
import statistics
import subprocess
import sys
import time

qasm, threads, rounds, binaries = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
times = {b: [] for b in binaries}
for _ in range(rounds):
    for b in binaries:
        start = time.perf_counter()
        subprocess.run([b, "simulate", qasm, "--shots", "1", "--threads", threads], stdout=subprocess.DEVNULL, check=True)
        times[b].append(time.perf_counter() - start)
for b in binaries:
    t = times[b]
    print(f"{b} threads={threads}: median {statistics.median(t):.4f} s, min {min(t):.4f}, max {max(t):.4f}")
first = times[binaries[0]]
for b in binaries[1:]:
    ratios = [x / y for x, y in zip(first, times[b])]
    print(f"  {binaries[0]} / {b}, per round: median {statistics.median(ratios):.2f}x "
          f"({min(ratios):.2f}-{max(ratios):.2f})")
