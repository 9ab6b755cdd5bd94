#!/usr/bin/env bash
# Measures brief's corpus stage (load, clean, segment, deduplicate) on
# generated corpora of real article text: wall time, peak memory, articles
# per second, the growth exponent, and duplicate detection against the
# generator's truth.
#
#   bench/corpus.sh [N ...]        default sizes: 1000 3000 10000 30000
#
# Base text is the DUC 2007 clusters in ../shared/bench/duc2007 when present
# (never committed), else the seed corpus. Corpora and results go to
# bench/out/ (ignored by git). Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
out=bench/out
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 3000 10000 30000)

go build -o "$out/brief" ./cmd/brief
go build -o "$out/gencorpus" ./bench/gencorpus
go build -o "$out/dedupscore" ./bench/dedupscore

printf '%-8s %-8s %-9s %-10s %-12s %s\n' articles MB wall_s peak_MB articles/s dedup
results=()
for n in "${sizes[@]}"; do
	corpus="$out/c$n.jsonl"
	ensure_corpus "$corpus" "$n"
	mb=$(megabytes "$corpus")
	# The text format keeps output cost out of the measurement.
	/usr/bin/time -f '%e %M' -o "$out/time.$n" "$out/brief" sources -f text -o /dev/null "$corpus"
	read -r wall rss <"$out/time.$n"
	"$out/brief" sources -f json -o "$out/sources.$n.json" "$corpus"
	score=$("$out/dedupscore" -truth "$out/c$n.truth.jsonl" "$out/sources.$n.json" | sed -n 2,3p | tr '\n' ';')
	printf '%-8s %-8s %-9s %-10s %-12s %s\n' "$n" "$mb" "$wall" "$((rss / 1024))" \
		"$(awk -v n="$n" -v t="$wall" 'BEGIN{printf "%.0f", n/t}')" "$score"
	results+=("$n $wall")
done

printf '%s\n' "${results[@]}" | growth_exponent
