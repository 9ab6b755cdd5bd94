package main

import (
	"github.com/urfave/cli/v2"

	"github.com/brieftool/brief/briefing"
)

func factsCommand(ios *IO) *cli.Command {
	return factCommand(ios, "facts", "print one table of facts across all sources",
		`Merges what the sources say into facts, each with every source that states it, the
evidence sentence in each, and how many independent sources agree (wire copies count
once). Facts are ordered by independent support, then by how central they are to the
corpus. A fact only one source states is kept and marked "(only)".

Examples:
   brief facts testdata/iraq-visit
   brief facts --format json --out facts.json testdata/iraq-visit`, briefing.RenderFacts)
}
