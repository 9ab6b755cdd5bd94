package quote

import (
	"strings"
	"testing"
	"time"
)

// TestPathological feeds 400 kB of degenerate input. Each runs in well
// under a second; a step that turned quadratic would take minutes, so the
// generous limit only catches that and not a slow neighbour.
func TestPathological(t *testing.T) {
	f := NewFinder()
	for _, unit := range []string{
		"said the ", "‘a s’ ", `" `, "' ", "“", "X, who said, ", "according to the the ", `"a," he said. `,
		"officials said anonymously, ", "the the the ", "s’ s’ ‘", "«a» ", ", adding that ", "— ",
	} {
		s := strings.Repeat(unit, 400000/len(unit))
		start := time.Now()
		checkQuotes(t, s, f.Quotes(s))
		checkAttributions(t, s, f.Attributions(s))
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%q repeated: %v", unit, d)
		}
	}
}
