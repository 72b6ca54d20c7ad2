#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and fuzzes each for N
# seconds (default 600 each):
#   overens_fuzz         files (text, PDF, zip) through ingestion, extraction and the rules
#   overens_fuzz_office  Word and OpenDocument XML bodies, with tests/fuzz/office.dict
#   overens_fuzz_long    the temporal grammar and the normalizer on inputs up to 1 MB
# Crashes and slow inputs are written as crash-*/timeout-* files in
# build-fuzz/; turn each into a regression test. Exit status is non-zero
# when any target found one.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
command -v clang++ >/dev/null || { echo "fuzz: clang++ not installed (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DOVERENS_FUZZ=ON -DOVERENS_SANITIZE=ON -DOVERENS_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target overens_fuzz overens_fuzz_office overens_fuzz_long >/dev/null
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/files" "$work/office" "$work/long"
cp tests/fuzz/corpus/* corpus/demo/*.txt "$work/files"/ 2>/dev/null || true
cp tests/fuzz/office-corpus/* "$work/office"/
cp tests/fuzz/corpus/*.txt corpus/demo/*.txt "$work/long"/ 2>/dev/null || true
cd build-fuzz
status=0
run() {
  local name=$1; shift
  echo "-- $name, ${seconds} s"
  # A fixed seed: the same inputs in the same order on every run, so a short CI run is repeatable.
  ./"$name" -seed=1 -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 "$@" 2>&1 | tail -n 4 || status=1
}
run overens_fuzz -max_len=20000 "$work/files"
run overens_fuzz_office -max_len=100000 -dict="$root/tests/fuzz/office.dict" "$work/office"
run overens_fuzz_long -max_len=1048576 -timeout=20 "$work/long"
exit $status
