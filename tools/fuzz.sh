#!/usr/bin/env bash
# Builds the libFuzzer target (clang, ASan+UBSan) and fuzzes ingestion,
# extraction and the rules for N seconds (default 600). Crashes are written
# as crash-* files in build-fuzz/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
command -v clang++ >/dev/null || { echo "fuzz: clang++ not installed (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DOVERENS_FUZZ=ON -DOVERENS_SANITIZE=ON -DOVERENS_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target overens_fuzz >/dev/null
work=$(mktemp -d)
cp tests/fuzz/corpus/* corpus/demo/*.txt "$work"/ 2>/dev/null || true
cd build-fuzz
./overens_fuzz -max_total_time="$seconds" -max_len=20000 -rss_limit_mb=2048 -print_final_stats=1 "$work" 2>&1 | tail -n 5
rm -rf "$work"
