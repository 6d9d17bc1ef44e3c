#!/usr/bin/env bash
# Makes a Python virtual environment with the peer tools that compare.py times against.
# Usage: bench/setup_peers.sh [VENV_DIR]   (default bench/.venv)
set -euo pipefail
venv="${1:-$(dirname "$0")/.venv}"
python3 -m venv "$venv"
"$venv/bin/pip" install -q numpy scikit-learn scikit-dimension ripser gudhi
echo "peers installed; run: $venv/bin/python bench/compare.py"
