#!/usr/bin/env bash
# Measures `brief facts` end to end (load, clean, dedup, claims, facts,
# contradictions) on generated corpora of real article text: wall time and
# peak memory, with `brief sources` on the same corpus for the corpus
# stage's share.
#
#   bench/facts.sh [N ...]        default sizes: 500 10000
#
# Corpora are built by bench/gencorpus from the DUC 2007 clusters in
# ../shared when present (never committed), else the seeds; outputs go to
# bench/out/ (ignored). Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
out=bench/out
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(500 10000)

go build -o "$out/brief" ./cmd/brief
go build -o "$out/gencorpus" ./bench/gencorpus

printf '%-8s %-6s %-14s %-14s %-14s %s\n' articles MB sources_wall_s facts_wall_s facts_peak_MB facts/conflicts
for n in "${sizes[@]}"; do
	corpus="$out/c$n.jsonl"
	ensure_corpus "$corpus" "$n"
	mb=$(megabytes "$corpus")
	/usr/bin/time -f '%e %M' -o "$out/time.s$n" "$out/brief" sources -f text -o /dev/null "$corpus"
	/usr/bin/time -f '%e %M' -o "$out/time.f$n" "$out/brief" facts -f csv -o "$out/facts.$n.csv" "$corpus"
	"$out/brief" conflicts -f csv -o "$out/conflicts.$n.csv" "$corpus"
	read -r swall _ <"$out/time.s$n"
	read -r fwall frss <"$out/time.f$n"
	nf=$(($(wc -l <"$out/facts.$n.csv") - 1))
	nc=$(cut -d, -f1 "$out/conflicts.$n.csv" | tail -n +2 | sort -u | wc -l)
	printf '%-8s %-6s %-14s %-14s %-14s %s\n' "$n" "$mb" "$swall" "$fwall" "$((frss / 1024))" "$nf/$nc"
done
