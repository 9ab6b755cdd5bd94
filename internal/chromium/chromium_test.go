package chromium

import (
	"fmt"
	"testing"
)

func TestParseBBox(t *testing.T) {
	doc := `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title></title></head>
<body>
<doc>
  <page width="612.000000" height="792.000000">
    <word xMin="33.749999" yMin="508.740817" xMax="73.348752" yMax="516.903805">SOURCES</word>
    <word xMin="84.0" yMin="508.7" xMax="120.5" yMax="516.9">Velde&amp;Haag</word>
  </page>
  <page width="595.280000" height="841.890000">
  </page>
</doc>
</body>
</html>
`
	pages, err := parseBBox(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := []Page{
		{Width: 612, Height: 792, Words: []Word{
			{"SOURCES", 33.749999, 508.740817, 73.348752, 516.903805},
			{"Velde&Haag", 84, 508.7, 120.5, 516.9},
		}},
		{Width: 595.28, Height: 841.89},
	}
	if fmt.Sprint(pages) != fmt.Sprint(want) {
		t.Errorf("parseBBox = %v, want %v", pages, want)
	}
	if _, err := parseBBox("<html></html>"); err == nil {
		t.Error("parseBBox accepted output with no pages")
	}
}

// TestOverlaps: a heading printed over another counts; words side by
// side, a superscript grazing the line above, and a glyph's kerning into
// its neighbour do not.
func TestOverlaps(t *testing.T) {
	w := func(text string, x0, y0, x1, y1 float64) Word { return Word{text, x0, y0, x1, y1} }
	tests := []struct {
		name string
		a, b Word
		want bool
	}{
		{"heading over heading", w("SOURCES", 33.7, 264.9, 60.1, 270.4), w("COVERAGE", 43.2, 264.9, 73.5, 270.4), true},
		{"side by side", w("SOURCES", 33.7, 508.7, 73.3, 516.9), w("COVERAGE", 85.1, 508.7, 130.6, 516.9), false},
		{"lines one above the other", w("crack", 50, 100, 80, 109), w("block", 50, 110, 80, 119), false},
		{"superscript grazing the line above", w("inspectors", 100, 100, 140, 109), w("[1][2]", 110, 108, 135, 114), false},
		{"kerned into its neighbour", w("Velde", 100, 100, 125, 109), w("&", 124.6, 100, 130, 109), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Page{Words: []Word{tc.a, tc.b}}.Overlaps()
			if (len(got) > 0) != tc.want {
				t.Errorf("Overlaps() = %v, want overlap %v", got, tc.want)
			}
		})
	}
}
