#!/usr/bin/env python3
"""Write the synthetic sample sets circle.csv, torus.csv and swiss_roll.csv.

Each set draws from its own seeded generator, so the files come out the same on every
run and no set depends on another. Floats are written with repr(), the shortest decimal
text that reads back to the same float64, so a correctly rounded parser recovers the
exact values. Needs numpy (tested with 1.26.4); run from any folder:

    python3 samples/make_synthetic.py
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def circle(n=200, noise_sd=0.05, seed=101):
    """Unit circle with angles uniform on [0, 2π) and N(0, noise_sd²) noise per coordinate."""
    rng = np.random.default_rng(seed)
    angle = rng.uniform(0.0, 2.0 * np.pi, n)
    points = np.column_stack([np.cos(angle), np.sin(angle)])
    return points + rng.normal(0.0, noise_sd, points.shape)


def torus(n=1000, major=2.0, minor=1.0, seed=104):
    """Torus in R³, uniform in surface area.

    The area element is proportional to (R + r cos u), so an angle pair (u, v) drawn
    uniformly is kept with probability (R + r cos u) / (R + r). One batch of 4n pairs
    keeps about 2.7n on average, so the loop almost never runs twice.
    """
    rng = np.random.default_rng(seed)
    kept_u, kept_v, count = [], [], 0
    while count < n:
        u = rng.uniform(0.0, 2.0 * np.pi, 4 * n)
        v = rng.uniform(0.0, 2.0 * np.pi, 4 * n)
        accept = rng.uniform(0.0, 1.0, 4 * n) < (major + minor * np.cos(u)) / (major + minor)
        kept_u.append(u[accept])
        kept_v.append(v[accept])
        count += int(accept.sum())
    u = np.concatenate(kept_u)[:n]
    v = np.concatenate(kept_v)[:n]
    ring = major + minor * np.cos(u)
    return np.column_stack([ring * np.cos(v), ring * np.sin(v), minor * np.sin(u)])


def swiss_roll(n=2000, seed=106):
    """Swiss roll without noise, drawn as scikit-learn's make_swiss_roll(n, noise=0.0,
    random_state=seed) draws it (legacy RandomState): t = 1.5π(1 + 2U), height = 21U,
    point (t cos t, height, t sin t)."""
    rng = np.random.RandomState(seed)
    t = 1.5 * np.pi * (1.0 + 2.0 * rng.uniform(size=n))
    height = 21.0 * rng.uniform(size=n)
    return np.column_stack([t * np.cos(t), height, t * np.sin(t)])


def write_csv(name, points):
    path = os.path.join(HERE, name + ".csv")
    with open(path, "w", newline="\n") as out:
        out.write(",".join(f"x{j}" for j in range(points.shape[1])) + "\n")
        for row in points:
            out.write(",".join(repr(float(x)) for x in row) + "\n")
    print(f"wrote {path}: {points.shape[0]} rows x {points.shape[1]} columns")


if __name__ == "__main__":
    write_csv("circle", circle())
    write_csv("torus", torus())
    write_csv("swiss_roll", swiss_roll())
