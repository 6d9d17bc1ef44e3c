"""Time Intrinsic against peer tools, side by side in one run, and print a Markdown table.

For each workload, Intrinsic (`intrinsic run DATA --method M --json -`) and the peer
(`peer_call.py`) run alternately in fresh processes, RUNS times each after one warm-up.
Two figures are reported per side, as medians:
  - process: wall time of the whole process (start-up, loading, computing, output);
  - call: the method alone (Intrinsic's `elapsed_seconds`, the peer's perf_counter span).
The ratio columns are Intrinsic / peer, so below 1 means Intrinsic is faster.

Usage: python bench/compare.py [--runs N] [--only NAME,...]
Needs a release build (.build/release/intrinsic) and a Python with numpy, scikit-learn,
scikit-dimension, ripser and gudhi (bench/setup_peers.sh makes one).
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "intrinsic")

# name, data file, Intrinsic method and parameters, peer workload, peer label
WORKLOADS = [
    ("pca digits", "samples/digits.csv", ["pca"], "pca", "scikit-learn PCA"),
    ("mds digits", "samples/digits.csv", ["mds"], "mds", "scikit-learn ClassicalMDS"),
    ("id-mle digits", "samples/digits.csv", ["id-mle"], "id-mle", "skdim MLE"),
    ("id-twonn digits", "samples/digits.csv", ["id-twonn"], "id-twonn", "skdim TwoNN"),
    ("rips circle", "samples/circle.csv", ["rips"], "rips-ripser", "ripser"),
    ("rips torus 1000", "samples/torus.csv", ["rips"], "rips-ripser", "ripser"),
    ("rips torus 1000 (gudhi)", "samples/torus.csv", ["rips"], "rips-gudhi", "gudhi RipsPersistence"),
    ("rips digits", "samples/digits.csv", ["rips"], "rips-ripser", "ripser"),
]


def run_intrinsic(data, method):
    args = [BINARY, "run", os.path.join(ROOT, data), "--method", method[0], "--json", "-"]
    for assignment in method[1:]:
        args += ["--param", assignment]
    start = time.perf_counter()
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    return wall, json.loads(out)["elapsed_seconds"]


def run_peer(data, workload):
    args = [sys.executable, os.path.join(ROOT, "bench", "peer_call.py"), workload, os.path.join(ROOT, data)]
    start = time.perf_counter()
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    return wall, json.loads(out)["seconds"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="")
    options = parser.parse_args()
    if not os.path.exists(BINARY):
        raise SystemExit(f"{BINARY} not found: run 'swift build -c release' first")
    chosen = [w for w in WORKLOADS if not options.only or w[0] in options.only.split(",")]
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; "
          f"{options.runs} runs each after one warm-up, medians\n")
    print("| workload | peer | Intrinsic process s | peer process s | ratio | Intrinsic call s | peer call s | ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, data, method, workload, peer in chosen:
        run_intrinsic(data, method)
        run_peer(data, workload)
        ours, theirs = [], []
        for _ in range(options.runs):
            ours.append(run_intrinsic(data, method))
            theirs.append(run_peer(data, workload))
        our_wall = statistics.median(wall for wall, _ in ours)
        our_call = statistics.median(call for _, call in ours)
        peer_wall = statistics.median(wall for wall, _ in theirs)
        peer_call = statistics.median(call for _, call in theirs)
        print(f"| {name} | {peer} | {our_wall:.3f} | {peer_wall:.3f} | {our_wall / peer_wall:.3g} "
              f"| {our_call:.4f} | {peer_call:.4f} | {our_call / peer_call:.3g} |", flush=True)


if __name__ == "__main__":
    main()
