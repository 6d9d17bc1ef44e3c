"""Run one peer-tool call on a data file and print its wall time in seconds as JSON.

Used by compare.py; each call runs in a fresh process so the import cost is measured
separately from the call itself.
"""
import json
import sys
import time

import numpy as np


def load(path):
    if path.endswith(".npy"):
        return np.load(path)
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    if header[-1] == "label":
        data = data[:, :-1]
    return np.ascontiguousarray(data)


def main():
    workload, path = sys.argv[1], sys.argv[2]
    X = load(path)
    # Imports happen before the clock starts, so "call" times the computation alone.
    if workload == "pca":
        from sklearn.decomposition import PCA
    elif workload == "mds":
        from sklearn.manifold import ClassicalMDS
    elif workload.startswith("id-"):
        import skdim
    elif workload == "rips-ripser":
        import ripser
    elif workload == "rips-gudhi":
        from gudhi.sklearn.rips_persistence import RipsPersistence
    start = time.perf_counter()
    if workload == "pca":
        value = PCA().fit(X).explained_variance_[:3].tolist()
    elif workload == "mds":
        value = ClassicalMDS(n_components=2).fit_transform(X)[:2].tolist()
    elif workload == "id-mle":
        value = float(skdim.id.MLE(K=20).fit(X).dimension_)
    elif workload == "id-twonn":
        value = float(skdim.id.TwoNN().fit(X).dimension_)
    elif workload == "rips-ripser":
        dgms = ripser.ripser(X, maxdim=1, coeff=2)["dgms"]
        value = [len(d) for d in dgms]
    elif workload == "rips-gudhi":
        dgms = RipsPersistence(homology_dimensions=[0, 1], homology_coeff_field=2).fit_transform([X])[0]
        value = [len(d) for d in dgms]
    else:
        raise SystemExit(f"unknown workload {workload}")
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": elapsed, "value": value}))


if __name__ == "__main__":
    main()
