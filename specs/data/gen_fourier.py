"""Writes fourier_degree2.csv: a degree-2 Fourier series on one feature, with noise (issue 19).

The target is the one PennyLane's demo "Quantum models as Fourier series"
(demonstrations_v2/tutorial_expressivity_fourier_series in PennyLaneAI/demos) fits to illustrate
Schuld, Sweke and Meyer (2021), "Effect of data encoding on the expressive power of variational
quantum machine learning models" (Phys. Rev. A 103, 032430), at degree 2:
    g(x) = sum_{n=-2..2} c_n e^{inx},  c_0 = 0.1,  c_n = 0.15 + 0.15i (n = 1, 2),  c_{-n} = conj(c_n),
i.e. g(x) = 0.1 + 0.3 (cos x - sin x) + 0.3 (cos 2x - sin 2x). 80 inputs x uniform in [-pi, pi]
(one period), target y = g(x) + Gaussian noise (standard deviation 0.05). Python standard
library only (random.Random with a fixed seed: Mersenne Twister, stable across Python 3
versions). Run from this folder:
    python3 gen_fourier.py
Columns: `x` (radians), `y` (the regression target); values rounded to 6 decimals, LF line ends.
"""
import cmath
import csv
import math
import random

SEED = 20210330  # Phys. Rev. A 103, 032430 was published 30 March 2021
ROWS = 80
NOISE = 0.05
C0 = 0.1
COEFFS = [0.15 + 0.15j, 0.15 + 0.15j]  # c_1, c_2


def g(x):
    s = C0
    for n, c in enumerate(COEFFS, start=1):
        s += 2 * (c * cmath.exp(1j * n * x)).real  # c_n e^{inx} + conj(c_n) e^{-inx}
    return s


rng = random.Random(SEED)
rows = []
for _ in range(ROWS):
    x = rng.uniform(-math.pi, math.pi)
    y = g(x) + rng.gauss(0.0, NOISE)
    rows.append((round(x, 6), round(y, 6)))
with open("fourier_degree2.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["x", "y"])
    for x, y in rows:
        w.writerow([f"{x:.6f}", f"{y:.6f}"])
print("wrote fourier_degree2.csv:", len(rows), "rows")
