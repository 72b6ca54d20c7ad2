#!/usr/bin/env bash
# Benchmarks with a reference: each figure is timed beside grep (or wc) on
# the same files, interleaved, best of three, and printed as a ratio, so
# machine drift shows as drift of both. Needs a Release build in build/.
#   tools/bench.sh [WORKDIR]     (default: a temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
tool=$(pwd)/build/overens
[ -x "$tool" ] || { echo "bench: build/overens missing; run tools/setup.sh first" >&2; exit 1; }
work=${1:-$(mktemp -d)}
mkdir -p "$work"
/usr/bin/python3 - "$work" <<'PY'
import glob, os, sys
work = sys.argv[1]
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob("corpus/demo/*.txt") + glob.glob("corpus/synthetic/*.txt"))]
for n in (1000, 10000):
    d = os.path.join(work, "docs%d" % n)
    if os.path.isdir(d):
        continue
    os.makedirs(d)
    for i in range(n):
        with open(os.path.join(d, "lo-%05d.txt" % i), "w", encoding="utf-8") as f:
            f.write("Dokument nr %d\n\n" % i + texts[i % len(texts)].replace("2024", str(2020 + i % 8)))
joined = "\n".join(texts)
for mb in (25, 50):
    p = os.path.join(work, "big%d.txt" % mb)
    if not os.path.exists(p):
        with open(p, "w", encoding="utf-8") as f:
            f.write((joined * (mb * 2**20 // len(joined.encode()) + 1))[: mb * 2**20 // 2])
p = os.path.join(work, "line10.txt")
if not os.path.exists(p):
    with open(p, "w", encoding="utf-8") as f:
        f.write((joined.replace("\n", " ") * (10 * 2**20 // len(joined.encode()) + 1))[: 10 * 2**20 // 2] + "\n")
with open(os.path.join(work, "tiny.txt"), "w") as f:
    f.write("Lokal överenskommelse\n")
# Shapes that once cost more than linear time: many pages, a long table.
shapes = {"pages40k.txt": "Lokal överenskommelse\n" + "Sida text här\n\f" * 40000,
          "table40k.txt": "Lokal överenskommelse\n\nAktivitet\tAnsvarig\tKlart\n" +
                          "".join("Aktivitet %d\tBUP\t2025-06-30\n" % i for i in range(40000)),
          "areas20k.txt": "Handlingsplan 2025\n\n" + "".join(
              "Utvecklingsområde %d: Samverkan\nAktiviteter\n• BUP ska göra %d senast 2025-06-30.\n\n" % (i, i) for i in range(20000))}
for name, text in shapes.items():
    if not os.path.exists(os.path.join(work, name)):
        with open(os.path.join(work, name), "w", encoding="utf-8") as f:
            f.write(text)
# Agreement-length texts: the shared corpus's real ones (17-78 kB), when it is
# beside the project; made here, in the work directory, never in the project.
real = sorted(glob.glob("../shared/corpus/real/*.txt"))
texts = [open(f, encoding="utf-8").read() for f in real]
for n in (1000, 10000) if real else ():
    d = os.path.join(work, "real%d" % n)
    if os.path.isdir(d):
        continue
    os.makedirs(d)
    for i in range(n):
        with open(os.path.join(d, "r-%05d.txt" % i), "w", encoding="utf-8") as f:
            f.write("Dokument nr %d\n\n" % i + texts[i % len(texts)])
PY
best() {  # best of three wall times of a command, in seconds
  local b=999
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    b=$(echo "$e - $s" | bc -l | awk -v b="$b" '{print ($1 < b) ? $1 : b}')
  done
  echo "$b"
}
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
row() {  # name, overens command..., --, reference command...
  local name=$1; shift
  local ours=() ref=()
  while [ "$1" != "--" ]; do ours+=("$1"); shift; done; shift
  ref=("$@")
  local t r
  t=$(best "${ours[@]}"); r=$(best "${ref[@]}")
  printf "%-34s %8.3f s  %8.3f s  %7.1fx  %6d MB\n" "$name" "$t" "$r" "$(echo "$t / $r" | bc -l)" "$(( $(peak "${ours[@]}") / 1024 ))"
}
printf "%-34s %10s  %10s  %8s  %9s\n" "" "overens" "reference" "ratio" "peak RSS"
row "start-up (check, one tiny file)" "$tool" check -q -j 1 "$work/tiny.txt" -- grep -c x "$work/tiny.txt"
row "check -j 1, 1,000 documents" "$tool" check -q -j 1 --as-of 2026-11-22 "$work/docs1000" -- grep -rc samverkan "$work/docs1000"
row "check -j 1, 10,000 documents" "$tool" check -q -j 1 --as-of 2026-11-22 "$work/docs10000" -- grep -rc samverkan "$work/docs10000"
row "check (all cores), 10,000 docs" "$tool" check -q --as-of 2026-11-22 "$work/docs10000" -- grep -rc samverkan "$work/docs10000"
if [ -d "$work/real1000" ]; then
  row "check -j 1, 1,000 real-length docs" "$tool" check -q -j 1 --as-of 2026-11-22 "$work/real1000" -- grep -rc samverkan "$work/real1000"
  row "check -j 1, 10,000 real-length" "$tool" check -q -j 1 --as-of 2026-11-22 "$work/real10000" -- grep -rc samverkan "$work/real10000"
  row "extract -j 1, 10,000 real-length" "$tool" extract -q -j 1 "$work/real10000" -o "$work/real10000.json" -- grep -rc samverkan "$work/real10000"
fi
row "audit xlsx, 1,000 documents" "$tool" audit -q --as-of 2026-11-22 "$work/docs1000" -o "$work/a1000.xlsx" -- grep -rc samverkan "$work/docs1000"
row "audit xlsx, 10,000 documents" "$tool" audit -q --as-of 2026-11-22 "$work/docs10000" -o "$work/a10000.xlsx" -- grep -rc samverkan "$work/docs10000"
row "check, one 25 MB file" "$tool" check -q --max-bytes 100000000 --as-of 2026-11-22 "$work/big25.txt" -- wc -w "$work/big25.txt"
row "check, one 50 MB file" "$tool" check -q --max-bytes 100000000 --as-of 2026-11-22 "$work/big50.txt" -- wc -w "$work/big50.txt"
row "check, one 10 MB line" "$tool" check -q --max-bytes 100000000 --as-of 2026-11-22 "$work/line10.txt" -- wc -w "$work/line10.txt"
row "check, 40,000 pages of one line" "$tool" check -q --as-of 2026-11-22 "$work/pages40k.txt" -- wc -w "$work/pages40k.txt"
row "check, a table of 40,000 rows" "$tool" check -q --as-of 2026-11-22 "$work/table40k.txt" -- wc -w "$work/table40k.txt"
row "audit, a plan of 20,000 areas" "$tool" audit -q --as-of 2026-11-22 "$work/areas20k.txt" -o "$work/areas20k.xlsx" -- wc -w "$work/areas20k.txt"
if command -v pdftotext >/dev/null; then
  row "check, demo PDF" "$tool" check -q --as-of 2026-11-22 corpus/demo/lo-sydvast-2025.pdf -- pdftotext -layout corpus/demo/lo-sydvast-2025.pdf /dev/null
fi
