package main

import (
	"github.com/urfave/cli/v2"

	"github.com/brieftool/brief/briefing"
)

func compareCommand(ios *IO) *cli.Command {
	return factCommand(ios, "compare", "print which source states which fact",
		`Prints the sources × facts matrix: ● where a source states a fact, – where it omits it,
and the source's own value where sources disagree on it. Sources are numbered; the
legend under the table names them.

Examples:
   brief compare testdata/iraq-visit
   brief compare --format csv --out matrix.csv testdata/iraq-visit`, briefing.RenderCompare)
}
