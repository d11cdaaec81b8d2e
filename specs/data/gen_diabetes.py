"""Writes diabetes.csv: scikit-learn's bundled diabetes data, unscaled (issue 19).

Pinned: scikit-learn 1.9.1 (load_diabetes reads sklearn/datasets/data/diabetes_data_raw.csv.gz and
diabetes_target.csv.gz, shipped with the package; no download). Run from this folder:
    python3 -m venv /work/.venv-fixtures && /work/.venv-fixtures/bin/pip install scikit-learn==1.9.1
    /work/.venv-fixtures/bin/python gen_diabetes.py
Columns: the ten baseline variables as scikit-learn names them (age, sex, bmi, bp, s1..s6), then
`progression`, the disease progression one year after baseline (the regression target).
"""
import csv

import sklearn
from sklearn.datasets import load_diabetes

assert sklearn.__version__ == "1.9.1", sklearn.__version__
data = load_diabetes(scaled=False)
with open("diabetes.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(list(data.feature_names) + ["progression"])
    for row, y in zip(data.data, data.target):
        w.writerow([repr(float(v)) if v != int(v) else str(int(v)) for v in row] + [str(int(y)) if y == int(y) else repr(float(y))])
print("wrote diabetes.csv:", data.data.shape, "rows x features")
