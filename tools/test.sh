#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with -Werror and
# ASan/UBSan, prints the accuracy table against ../shared when it exists, and
# ends with ctest's summary. Exit status is non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DOVERENS_WERROR=ON -DOVERENS_SANITIZE=ON >/dev/null
cmake --build build-test -j"$(nproc)"
if [ -f ../shared/eval/score.py ]; then
  echo "== accuracy on ../shared gold (python3 ../shared/eval/score.py) =="
  python3 ../shared/eval/score.py --tool build-test/overens --quiet || true
fi
if [ -f ../shared/eval/score.py ]; then
  echo "== accuracy on the synthetic corpus (corpus/gold) =="
  python3 ../shared/eval/score.py --tool build-test/overens --gold corpus/gold --docs corpus --quiet || true
fi
if command -v clang++ >/dev/null && dpkg-query -W libclang-rt-14-dev >/dev/null 2>&1; then
  echo "== fuzzing ingestion + extraction + rules for 20 s (tools/fuzz.sh) =="
  tools/fuzz.sh 20
fi
cd build-test
ctest --output-on-failure -j"$(nproc)"
