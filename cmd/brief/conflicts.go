package main

import (
	"github.com/urfave/cli/v2"

	"github.com/brieftool/brief/briefing"
)

func conflictsCommand(ios *IO) *cli.Command {
	return factCommand(ios, "conflicts", "print where sources contradict each other",
		`Finds slots on which sources give incompatible values: numbers about the same thing,
dates of the same event, the title of the same person, the wording of the same
quotation, and who said something or how. Each contradiction has a confidence; those
below --min-confidence are counted but not shown. A figure that a later report says
rose or was revised is listed as an update, not a contradiction. Names spelled
differently are reported as one entity, not as a contradiction.

Examples:
   brief conflicts testdata/iraq-visit
   brief conflicts --min-confidence 0 --format json testdata/iraq-visit`, briefing.RenderConflicts)
}
