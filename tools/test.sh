#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with -Werror and
# ASan/UBSan, prints the accuracy table against ../shared when it exists,
# reads the corpora on four threads under ThreadSanitizer, and ends with
# ctest's summary. Exit status is non-zero on any failure.
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
if [ -f ../shared/eval/score.py ]; then
  echo "== accuracy of the renderings as PDF, DOCX and ODT (corpus/renderings) =="
  /usr/bin/python3 tests/corpus/check_scores.py --renderings --tool build-test/overens | grep -E "macro F1|FAIL" || true
  echo "== accuracy of the shared gold's documents rendered as PDFs (made now, in a temporary directory) =="
  /usr/bin/python3 tests/corpus/check_scores.py --shared-renderings --tool build-test/overens | grep -E "macro F1|FAIL" || true
fi
if command -v clang++ >/dev/null && dpkg-query -W libclang-rt-14-dev >/dev/null 2>&1; then
  echo "== fuzzing files, office XML and long inputs for 10 s each (tools/fuzz.sh) =="
  tools/fuzz.sh 10
fi
echo "== ThreadSanitizer: the corpora read on four threads (-j 4) =="
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOVERENS_TESTS=OFF \
  -DCMAKE_CXX_FLAGS=-fsanitize=thread -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread >/dev/null
cmake --build build-tsan -j"$(nproc)" --target overens
tsan_rc=0
TSAN_OPTIONS="halt_on_error=1 exitcode=99" build-tsan/overens check -q -j 4 --as-of 2026-11-22 corpus tests/testdata \
  >/dev/null || tsan_rc=$?
if [ "$tsan_rc" -gt 1 ]; then echo "ThreadSanitizer run failed (exit $tsan_rc)"; exit 1; fi
echo "no data race (exit $tsan_rc)"
cd build-test
ctest --output-on-failure -j"$(nproc)"
