#!/usr/bin/env bash
# Taguette 1.5.2 against Coda on the same workload, in one run (BENCHMARKS.md, "Against Taguette").
# Never needed by `swift test` or `.ci/run`. Usage, from the repository:
#   swift build -c release --product coda -Xswiftc -static-executable
#   bash Bench/taguette.sh [--runs 3] [--work /tmp/coda-taguette]
# Installs Taguette from PyPI into a virtual environment in /tmp (TAGUETTE_VENV to choose another), starts it on
# 127.0.0.1 for each run and stops it after; about 4 minutes a run on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${TAGUETTE_VENV:-/tmp/coda-taguette-venv}
coda=.build/release/coda
if [ ! -x "$coda" ]; then
    echo "error: $coda is not built; run: swift build -c release --product coda -Xswiftc -static-executable" >&2
    exit 1
fi
if [ ! -x "$venv/bin/taguette" ]; then
    echo "installing taguette 1.5.2 into $venv…" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet taguette==1.5.2
fi
exec "$venv/bin/python" Bench/taguette_vs_coda.py --coda "$coda" "$@"
