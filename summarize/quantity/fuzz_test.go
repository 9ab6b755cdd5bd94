package quantity

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkInvariants is what every caller relies on, whatever the input.
func checkInvariants(t *testing.T, s string, qs []Quantity) {
	t.Helper()
	prevEnd := 0
	for i, q := range qs {
		if q.Start < prevEnd || q.Start >= q.End || q.End > len(s) {
			t.Fatalf("%q: quantity %d span [%d,%d) out of order or bounds (previous end %d)", s, i, q.Start, q.End, prevEnd)
		}
		prevEnd = q.End
		if q.NumStart < q.Start || q.NumEnd > q.End || q.NumStart >= q.NumEnd {
			t.Fatalf("%q: quantity %d number span [%d,%d) outside [%d,%d)", s, i, q.NumStart, q.NumEnd, q.Start, q.End)
		}
		if q.Text != s[q.Start:q.End] {
			t.Fatalf("%q: Text %q is not the span %q", s, q.Text, s[q.Start:q.End])
		}
		if (q.NounStart < 0) != (q.NounEnd < 0) || q.NounStart >= 0 && (q.NounStart < q.Start || q.NounEnd > q.End || q.NounStart >= q.NounEnd) {
			t.Fatalf("%q: quantity %d noun span [%d,%d) outside [%d,%d)", s, i, q.NounStart, q.NounEnd, q.Start, q.End)
		}
		if q.NounStart >= 0 && q.Noun == "" {
			t.Fatalf("%q: quantity %d has a noun span but no noun", s, i)
		}
		if math.IsNaN(q.Value) || math.IsNaN(q.Low) || math.IsNaN(q.High) || math.IsInf(q.Value, 0) {
			t.Fatalf("%q: quantity %d value %v [%v, %v]", s, i, q.Value, q.Low, q.High)
		}
		if q.Low > q.Value || q.Value > q.High {
			t.Fatalf("%q: quantity %d %q: Low %v <= Value %v <= High %v fails", s, i, q.Text, q.Low, q.Value, q.High)
		}
		if q.Exact && (q.Low != q.Value || q.High != q.Value) {
			t.Fatalf("%q: quantity %d %q is exact but its interval is [%v, %v]", s, i, q.Text, q.Low, q.High)
		}
		if q.Kind == "" {
			t.Fatalf("%q: quantity %d has no kind", s, i)
		}
		if q.Elided && q.Noun == "" {
			t.Fatalf("%q: quantity %d elided without a noun", s, i)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.in)
	}
	for _, s := range benchSentences {
		f.Add(s)
	}
	for _, s := range []string{
		"", "1", "-", "$", "a", "one", "half", "No.", "#", "1-", "1/", "1:", "+1", "a dozen",
		"9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999 trillion",
		"1e308 trillion trillion", "between 5 and", "10-", "£", "US$", "\xff\xfe 2,500", "2,500\u00a0troops",
		"three-quarters of a million", "one and a half million people", "minus 40 degrees below",
	} {
		f.Add(s)
	}
	fd := NewFinder()
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, fd.Find(s))
	})
}

// FuzzNumber checks the tokenizer, and the number reader in it, on their
// own: Find only shows the numbers that survive the scanner's context
// rules, so a wrong token value behind a rejected number would go unseen.
func FuzzNumber(f *testing.F) {
	for _, s := range []string{
		"", "0", "07", "2,500", "2,500,000", "1,2345", "12,34", "1.5", "1.2.3", "3.14159265358979323846264338327950288",
		"2,500.75", "1,000.", "9,99", ",500", "1.", "1..2", "10-20", "1/3", "G7", "COVID-19", "1.5m troops",
		"$2,500bn", "2023-03-07 12:28", "No. 10", "\xff1,000\xfe", "1,000\u00a0000", "١٢٣ 123",
		strings.Repeat("9", 400), "1." + strings.Repeat("0", 400) + "1", "0." + strings.Repeat("9", 330),
		strings.Repeat("1,000", 80),
	} {
		f.Add(s)
	}
	for _, tc := range findCases {
		f.Add(tc.in)
	}
	fd := NewFinder()
	f.Fuzz(func(t *testing.T, s string) {
		toks := fd.tokenize(nil, s)
		prev := 0
		for i, tk := range toks {
			a, b := int(tk.s), int(tk.e)
			if a < prev || b <= a || b > len(s) {
				t.Fatalf("%q: token %d [%d,%d) out of order or bounds (previous end %d)", s, i, a, b, prev)
			}
			if i > 0 && tk.glue != (a == int(toks[i-1].e)) {
				t.Fatalf("%q: token %d glue %v at %d after %d", s, i, tk.glue, a, toks[i-1].e)
			}
			if utf8.ValidString(s) && !(utf8.RuneStart(s[a]) && (b == len(s) || utf8.RuneStart(s[b]))) {
				t.Fatalf("%q: token %d [%d,%d) cuts a rune", s, i, a, b)
			}
			// Only space lies between tokens.
			for _, r := range s[prev:a] {
				if !(r == ' ' || r >= '\t' && r <= '\r' || r >= utf8.RuneSelf && r != utf8.RuneError) {
					t.Fatalf("%q: %q before token %d is not space", s, s[prev:a], i)
				}
			}
			prev = b
			if tk.kind == tkNum {
				checkNumber(t, s, tk)
			}
		}
		// Every number token starts wherever the tokenizer meets a digit
		// outside a word, so each is also one when read on its own.
		for _, tk := range toks {
			if tk.kind != tkNum {
				continue
			}
			again := scanNumber(s, int(tk.s))
			again.glue = tk.glue
			if again != tk {
				t.Fatalf("%q: scanning at %d again gives %+v, not %+v", s, tk.s, again, tk)
			}
		}
	})
}

// checkNumber compares a number token with what strconv reads from the
// same digits.
func checkNumber(t *testing.T, s string, tk token) {
	t.Helper()
	num := s[tk.s:tk.e]
	if !isDigit(num[0]) || !isDigit(num[len(num)-1]) {
		t.Fatalf("%q: number token %q does not start and end with a digit", s, num)
	}
	if strings.Trim(num, "0123456789,.") != "" {
		t.Fatalf("%q: number token %q holds more than digits, commas and dots", s, num)
	}
	if math.IsNaN(tk.val) || tk.val < 0 {
		t.Fatalf("%q: number %q has value %v", s, num, tk.val)
	}
	if (tk.nfl&nComma != 0) != strings.Contains(num, ",") || (tk.nfl&nDot != 0) != strings.Contains(num, ".") ||
		(tk.nfl&nMultiDot != 0) != (strings.Count(num, ".") > 1) {
		t.Fatalf("%q: number %q has flags %b", s, num, tk.nfl)
	}
	if tk.nfl&nMultiDot != 0 {
		return // "1.2.3" is an address or version; its value is not used
	}
	want, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil && !math.IsInf(want, 1) {
		t.Fatalf("%q: strconv cannot read %q: %v", s, num, err)
	}
	if math.IsInf(want, 1) {
		if !math.IsInf(tk.val, 1) && tk.val < math.MaxFloat64/10 {
			t.Fatalf("%q: number %q read as %v, want about +Inf", s, num, tk.val)
		}
		return
	}
	if math.IsInf(tk.val, 0) || math.Abs(tk.val-want) > 1e-9*want {
		t.Fatalf("%q: number %q read as %v, want %v", s, num, tk.val, want)
	}
}

// fragments are the pieces the scanner treats specially, so random
// sentences built from them reach the odd corners faster than byte-level
// fuzzing does.
var fragments = []string{
	"2,500", "900", "2003", "1.5", "1.2.3", "07", "12", "0", "9999999999999999999999", "3", "1",
	"one", "two", "twenty", "-", "five", "hundred", "thousand", "million", "bn", "m", "k", "dozen",
	"dozens", "tens", "of", "thousands", "several", "a", "an", "few", "couple", "handful", "half",
	"third", "thirds", "quarter", "first", "second", "20th", "No.", "No", "#", "$", "US$", "€", "£",
	"%", "per", "cent", "percent", "percentage", "points", "basis", "km", "km/h", "degrees", "°",
	"C", "F", "years", "year", "old", "aged", "day", "days", "troops", "people", "women", "and",
	"or", "to", "between", "from", "in", "about", "some", "more", "than", "nearly", "at", "least",
	"up", "as", "many", "over", "under", "less", "fewer", "the", "March", "Jan.", "p.m.", ":", "/",
	",", ".", "(", ")", "[", "]", "+", "'", "’", "–", "—", "strong", "odd", "plus", "magnitude",
	"Iraqi", "American", "non-combat", "G7", "COVID-19", "F-16", "mid-2014", "1990s", "Gilliam",
	"so", "minus", "−", "\u00a0", "ft", "in", "inches", "square", "miles", "²", "dollars", "US",
	"Rs", "crore", "lakh", "2/3", "24/7", "3-1", "10-20", "2023-03-07", "12:28", "27-year-old",
	"11-day", "½", "é", "\xff",
}

func TestRandomFragments(t *testing.T) {
	f := NewFinder()
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for i := 0; i < n; i++ {
		b.Reset()
		words := 1 + r.IntN(14)
		for k := 0; k < words; k++ {
			if k > 0 && r.IntN(5) != 0 {
				b.WriteByte(' ')
			}
			b.WriteString(fragments[r.IntN(len(fragments))])
		}
		s := b.String()
		checkInvariants(t, s, f.Find(s))
		if t.Failed() {
			return
		}
	}
}
