import Foundation
import QuantumSim

// qlift-bench: prints benchmark figures; see docs/BENCHMARKS.md for how to read them.
print("qlift-bench: no benchmarks registered yet")
