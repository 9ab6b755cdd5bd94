# Helpers shared by the bench/*.sh scripts. Source it from the repository
# root after building bench/out/gencorpus:
#
#	. bench/lib.sh

# ensure_corpus CORPUS N [GENCORPUS FLAG...] makes CORPUS (JSON lines) of
# N articles with seed 1, its truth labels beside it as
# CORPUS-without-.jsonl.truth.jsonl and the generator's report as
# .gen.log, unless corpus and truth are there already: corpora are made
# once and reused (delete them after changing the generator).
ensure_corpus() {
	local corpus=$1 n=$2
	shift 2
	local stem=${corpus%.jsonl}
	[ -s "$corpus" ] && [ -s "$stem.truth.jsonl" ] && return 0
	bench/out/gencorpus -n "$n" -seed 1 -format jsonl -out "$corpus" -truth "$stem.truth.jsonl" "$@" 2>"$stem.gen.log" || {
		cat "$stem.gen.log" >&2
		return 1
	}
}

# megabytes FILE prints FILE's size in MB (10^6 bytes), one decimal.
megabytes() {
	awk -v b="$(stat -c %s "$1")" 'BEGIN{printf "%.1f", b/1e6}'
}

# growth_exponent reads "ARTICLES SECONDS" lines and prints the
# least-squares slope of log(seconds) on log(articles): time grows as
# articles^k. Lines with no time measured (0 s) are left out; fewer than
# two points print nothing.
growth_exponent() {
	awk '
		$1 > 0 && $2 > 0 { x = log($1); y = log($2); n++; sx += x; sy += y; sxx += x*x; sxy += x*y }
		END { if (n > 1 && n*sxx != sx*sx) printf "growth exponent (time ~ articles^k): k = %.2f\n", (n*sxy - sx*sy) / (n*sxx - sx*sx) }'
}
