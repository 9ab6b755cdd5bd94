#!/usr/bin/env bash
# Measures `brief daily` end to end (read, cluster into stories, rank,
# brief the top stories) on generated news days of real article text:
# wall time, peak memory, articles per second, the growth exponent, and
# the story clustering scored against the generator's truth by
# bench/clusterscore (purity, adjusted Rand index, B-cubed P/R/F1).
# The target is 100,000 articles (about 400 MB) in under 60 s with a peak
# under 4 GB. The extractive backend is pinned, so that a configured model
# neither enters the timing nor is called.
#
#   bench/daily.sh [N ...]        default sizes: 1000 10000 100000
#
# The corpora, bench/out/dN.jsonl with dN.truth.jsonl, are one news day
# each: gencorpus -days 1 -story-spread 1.4 (every story breaks on the
# same day; story sizes heavy-tailed, at 100,000 articles about 4,000
# stories, median 9 articles, a few dozen over 300). They are made once
# and reused; delete them after changing the generator. Base text is the
# DUC 2007 clusters in ../shared/bench/duc2007 when present (never
# committed), else the seed corpus. Results go to bench/out/ (ignored by
# git): daily.N.json (the digest), clusters.N.jsonl (each article's
# story), daily.N.log (brief's stderr). Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
out=bench/out
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000)

go build -o "$out/brief" ./cmd/brief
go build -o "$out/gencorpus" ./bench/gencorpus
go build -o "$out/clusterscore" ./bench/clusterscore

for n in "${sizes[@]}"; do
	ensure_corpus "$out/d$n.jsonl" "$n" -days 1 -story-spread 1.4
	# The generator's own timing, for the record.
	sed -n 's/^gencorpus: generate \(.*\), write \(.*\)$/'"d$n.jsonl: generated in \1, written in \2/p" "$out/d$n.gen.log" >&2
done

# val NAME: the value clusterscore printed for NAME.
val() { awk -v k="$1" '$1 == k { print $2 }' <<<"$score"; }
format='%-8s %-6s %-7s %-8s %-10s %-12s %-8s %-7s %-6s %-6s %-6s %-6s\n'
printf "$format" articles MB wall_s peak_MB articles/s stories/true missing purity ARI B3_P B3_R B3_F1
results=()
failed=0
for n in "${sizes[@]}"; do
	corpus="$out/d$n.jsonl"
	mb=$(megabytes "$corpus")
	rm -f "$out/clusters.$n.jsonl"
	if ! /usr/bin/time -f '%e %M' -o "$out/time.d$n" "$out/brief" daily --backend extractive --quiet -f json -o "$out/daily.$n.json" \
		--clusters "$out/clusters.$n.jsonl" "$corpus" 2>"$out/daily.$n.log"; then
		printf "$format" "$n" "$mb" failed - - - - - - - - -
		tail -n 5 "$out/daily.$n.log" >&2
		failed=1
		continue
	fi
	read -r wall rss <"$out/time.d$n"
	score=$("$out/clusterscore" -truth "$out/d$n.truth.jsonl" "$out/clusters.$n.jsonl")
	printf "$format" "$n" "$mb" "$wall" "$((rss / 1024))" \
		"$(awk -v n="$n" -v t="$wall" 'BEGIN{printf "%.0f", (t > 0 ? n / t : 0)}')" \
		"$(val found_stories)/$(val true_stories)" "$(val missing)" \
		"$(val purity)" "$(val ari)" "$(val bcubed_p)" "$(val bcubed_r)" "$(val bcubed_f1)"
	if [ "$n" -eq 100000 ]; then
		target="met"
		awk -v t="$wall" -v m="$rss" 'BEGIN{exit !(t < 60 && m < 4*1024*1024)}' || target="MISSED"
		targets="100000 articles: ${wall} s (target < 60), $((rss / 1024)) MB peak (target < 4096): $target"
	fi
	results+=("$n $wall")
done

if [ ${#results[@]} -gt 0 ]; then
	printf '%s\n' "${results[@]}" | growth_exponent
	[ -z "${targets:-}" ] || echo "$targets"
	echo "stories: found/true; missing: articles not in the clusters file, scored as one-article stories"
fi
exit "$failed"
