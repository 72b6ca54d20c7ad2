#!/usr/bin/env bash
# One command for a fresh Debian machine: installs what is missing, builds in
# Release and runs the main job (an audit of the embedded demo corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOVERENS_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "== overens check corpus/demo (as of 2026-11-22) =="
build/overens check --as-of 2026-11-22 corpus/demo || [ $? -eq 1 ]
build/overens check --as-of 2026-11-22 --format json -o build/demo-findings.json corpus/demo || [ $? -eq 1 ]
build/overens audit --as-of 2026-11-22 corpus/demo -o build/demo-audit.xlsx
echo
echo "Results:"
echo "  findings (text above, JSON): $(pwd)/build/demo-findings.json"
echo "  audit workbook:              $(pwd)/build/demo-audit.xlsx"
echo "  the tool:                    $(pwd)/build/overens --help"
