package rouge

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

const tol = 1e-9

func sc(r, p float64) Score {
	s := Score{Recall: r, Precision: p}
	if r+p > 0 {
		s.F1 = 2 * r * p / (r + p)
	}
	return s
}

func near(a, b Score) bool {
	return math.Abs(a.Recall-b.Recall) < tol && math.Abs(a.Precision-b.Precision) < tol && math.Abs(a.F1-b.F1) < tol
}

func checkResult(t *testing.T, got, want Result) {
	t.Helper()
	for _, m := range []struct {
		name      string
		got, want Score
	}{{"ROUGE-1", got.R1, want.R1}, {"ROUGE-2", got.R2, want.R2}, {"ROUGE-L", got.RL, want.RL}} {
		if !near(m.got, m.want) {
			t.Errorf("%s = %+v, want %+v", m.name, m.got, m.want)
		}
	}
}

// TestEvaluate checks whole evaluations against counts worked out by hand;
// each case says how.
func TestEvaluate(t *testing.T) {
	tests := []struct {
		name string
		peer string
		refs []string
		o    Options
		want Result
	}{
		{
			// unigrams: the×2 cat on mat match, 5 of 6 each side;
			// bigrams: "the cat" "on the" "the mat", 3 of 5;
			// LCS: the cat on the mat, 5.
			name: "one reference",
			peer: "The cat sat on the mat.",
			refs: []string{"The cat was on the mat."},
			want: Result{R1: sc(5.0/6, 5.0/6), R2: sc(3.0/5, 3.0/5), RL: sc(5.0/6, 5.0/6)},
		},
		{
			// "the" occurs four times in the peer but once in the
			// reference: one hit, not four.
			name: "clipped counts",
			peer: "the the the the",
			refs: []string{"the cat"},
			want: Result{R1: sc(1.0/2, 1.0/4), R2: sc(0, 0), RL: sc(1.0/2, 1.0/4)},
		},
		{
			// Model average: hits and counts summed over references,
			// the peer counted once per reference.
			// R1: hits 2+2, ref unigrams 2+4, peer 4×2.
			// R2: hits ab+cd = 2, ref bigrams 1+3, peer 3×2.
			// RL: LCS "a b" and "c d": 2+2 of 6; peer 4×2.
			name: "two references",
			peer: "a b c d",
			refs: []string{"a b", "c d e f"},
			want: Result{R1: sc(4.0/6, 4.0/8), R2: sc(2.0/4, 2.0/6), RL: sc(4.0/6, 4.0/8)},
		},
		{
			// The example of Lin (2004): the reference sentence has
			// LCS "w1 w2" with c1 and "w1 w3 w5" with c2; the union
			// is 4 of its 5 words, over 10 peer words.
			name: "union LCS",
			peer: "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5",
			refs: []string{"w1 w2 w3 w4 w5"},
			// bigrams: ref w1w2 w2w3 w3w4 w4w5; peer has w1w2 only.
			want: Result{R1: sc(4.0/5, 4.0/10), R2: sc(1.0/4, 1.0/9), RL: sc(4.0/5, 4.0/10)},
		},
		{
			// Both reference sentences share the peer's "a b"; the
			// peer has one of each, so only the first sentence's
			// union can use them (ROUGE-1.5.5's clip), not both.
			name: "LCS clipped across reference sentences",
			peer: "a b",
			refs: []string{"a b\na b"},
			want: Result{R1: sc(2.0/4, 2.0/2), R2: sc(1.0/3, 1.0/1), RL: sc(2.0/4, 2.0/2)},
		},
		{
			// "a b" against "b a" has two LCSs, "a" and "b". ROUGE's
			// walk back marks "a", which leaves the peer's "b" for the
			// second reference sentence: 2 hits. Marking "b" first
			// would use it up and give 1.
			name: "tie between LCSs broken as ROUGE-1.5.5 does",
			peer: "b a",
			refs: []string{"a b\nb"},
			want: Result{R1: sc(2.0/3, 2.0/2), R2: sc(0, 0), RL: sc(2.0/3, 2.0/2)},
		},
		{
			// Split at ". W" the peer is two sentences, each an LCS
			// with the reference: 4 hits. As one sentence it would
			// be 2 ("rain fell" or "wind blew").
			name: "sentences split at punctuation for LCS",
			peer: "Rain fell. Wind blew.",
			refs: []string{"wind blew rain fell"},
			want: Result{R1: sc(1, 1), R2: sc(2.0/3, 2.0/3), RL: sc(1, 1)},
		},
		{
			// Bigrams cross the line break, as ROUGE joins lines; for
			// ROUGE-L the union of "y" (from line 1) and "z" (line 2)
			// covers the reference.
			name: "bigrams span sentences",
			peer: "x y\nz",
			refs: []string{"y z"},
			want: Result{R1: sc(2.0/2, 2.0/3), R2: sc(1, 1.0/2), RL: sc(1, 2.0/3)},
		},
		{
			// Limit 3 keeps "Reports -- say" from the peer: "--" is a
			// word for -l, so only report and say remain as tokens;
			// the reference keeps "reported it says".
			name: "word limit counts raw words",
			peer: "Reports -- say officials quit",
			refs: []string{"reported it says officials quit"},
			o:    Options{WordLimit: 3, Stem: true},
			want: Result{R1: sc(2.0/3, 2.0/2), R2: sc(0, 0), RL: sc(2.0/3, 2.0/2)},
		},
		{
			name: "stemming matches inflections",
			peer: "reports",
			refs: []string{"reported"},
			o:    Options{Stem: true},
			want: Result{R1: sc(1, 1), R2: sc(0, 0), RL: sc(1, 1)},
		},
		{
			name: "no stemming keeps inflections apart",
			peer: "reports",
			refs: []string{"reported"},
			want: Result{},
		},
		{
			name: "empty peer",
			peer: "",
			refs: []string{"a b c"},
			o:    Options{Stem: true, WordLimit: 250},
			want: Result{},
		},
		{
			name: "punctuation-only peer",
			peer: "-- ... !!",
			refs: []string{"a b c"},
			want: Result{},
		},
		{
			name: "no references",
			peer: "a b c",
			refs: nil,
			want: Result{},
		},
		{
			// An empty reference still counts as a model: it adds
			// the peer's length to the precision denominator.
			name: "empty reference among others",
			peer: "a b",
			refs: []string{"a b", ""},
			want: Result{R1: sc(1, 2.0/4), R2: sc(1, 1.0/2), RL: sc(1, 2.0/4)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkResult(t, Evaluate(tt.peer, tt.refs, tt.o), tt.want)
		})
	}
}

func TestNGramScore(t *testing.T) {
	tests := []struct {
		name string
		peer []string
		refs [][]string
		n    int
		want Score
	}{
		{"trigram", strings.Fields("a b c d"), [][]string{strings.Fields("a b c e")}, 3, sc(1.0/2, 1.0/2)},
		{"peer shorter than n", []string{"a"}, [][]string{{"a", "b"}}, 2, sc(0, 0)},
		{"n zero", []string{"a"}, [][]string{{"a"}}, 0, Score{}},
		{"repeated bigram clipped", strings.Fields("a b a b a b"), [][]string{strings.Fields("a b x a b")}, 2, sc(2.0/4, 2.0/5)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NGramScore(tt.peer, tt.refs, tt.n); !near(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestLCSScore(t *testing.T) {
	tests := []struct {
		name string
		peer [][]string
		refs [][][]string
		want Score
	}{
		{"identical", [][]string{{"a", "b", "c"}}, [][][]string{{{"a", "b", "c"}}}, sc(1, 1)},
		{"reversed", [][]string{{"c", "b", "a"}}, [][][]string{{{"a", "b", "c"}}}, sc(1.0/3, 1.0/3)},
		{"empty peer", nil, [][][]string{{{"a"}}}, Score{}},
		{"empty reference sentence", [][]string{{"a"}}, [][][]string{{{}, {"a"}}}, sc(1, 1)},
		{"no references", [][]string{{"a"}}, nil, Score{}},
		// Peer counts reset for each reference: both may use "a".
		{"peer reused per reference", [][]string{{"a"}}, [][][]string{{{"a"}}, {{"a", "b"}}}, sc(2.0/3, 2.0/2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LCSScore(tt.peer, tt.refs); !near(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		text string
		stem bool
		want []string
	}{
		{"The U.S.-led forces' reports", false, []string{"the", "u", "s", "led", "forces", "reports"}},
		{"The U.S.-led forces' reports", true, []string{"the", "u", "s", "led", "forc", "report"}},
		// ROUGE stems only tokens longer than three bytes.
		{"was has men ties", true, []string{"was", "has", "men", "tie"}},
		{"Being reported in 1999", true, []string{"be", "report", "in", "1999"}},
		// Bytes outside ASCII separate tokens, as in ROUGE-1.5.5.
		{"Zürich café", false, []string{"z", "rich", "caf"}},
		{"didn't", false, []string{"didn", "t"}},
		{"  \n\t ", true, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/stem=%v", tt.text, tt.stem), func(t *testing.T) {
			if got := Tokens(tt.text, Options{Stem: tt.stem}); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTruncateWords(t *testing.T) {
	tests := []struct {
		text string
		n    int
		want string
	}{
		{"one two three", 2, "one two"},
		{"one two three", 3, "one two three"},
		{"one two three", 9, "one two three"},
		{"one two three", 0, "one two three"},
		{"  one\ntwo. Three", 2, "  one\ntwo."},
		{"a -- b c", 3, "a -- b"},
		// U+00A0 is not a word break for ROUGE, which splits bytes on \s.
		{"a\u00a0b c", 1, "a\u00a0b"},
		{"", 5, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q/%d", tt.text, tt.n), func(t *testing.T) {
			if got := TruncateWords(tt.text, tt.n); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if tt.n > 0 {
				if got, want := CountWords(TruncateWords(tt.text, tt.n)), min(tt.n, CountWords(tt.text)); got != want {
					t.Errorf("CountWords after truncation = %d, want %d", got, want)
				}
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"lines", "First line\n\nsecond line\n", []string{"First line", "second line"}},
		{"punctuation", "It rained. Then it stopped! Why? Nobody knows.", []string{"It rained.", "Then it stopped!", "Why?", "Nobody knows."}},
		{"titles and initials", "Mr. Smith met Gen. J. R. Allen. They talked.", []string{"Mr. Smith met Gen. J. R. Allen.", "They talked."}},
		{"inner periods", "The U.S. Army left at 5 p.m. Monday.", []string{"The U.S. Army left at 5 p.m. Monday."}},
		{"closing quote", `He said "stop." The crowd left.`, []string{`He said "stop."`, "The crowd left."}},
		{"opening quote", `It ended. "We won," he said.`, []string{"It ended.", `"We won," he said.`}},
		{"lower case follows", "Prices rose 5.5 percent. in May", []string{"Prices rose 5.5 percent. in May"}},
		{"ordinary word before period", "He fell ill. Doctors came.", []string{"He fell ill.", "Doctors came."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func words(seed, n int) string {
	vocab := strings.Fields(`the government said on Monday that officials reported new talks
		between leaders after the storm hit coastal towns and killed dozens of people
		while rescue teams searched for survivors in flooded villages across the region`)
	var b strings.Builder
	x := uint32(seed)*2654435761 + 1
	for i := range n {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteString(vocab[x%uint32(len(vocab))])
		if i%20 == 19 {
			b.WriteString(".\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func BenchmarkEvaluate(b *testing.B) {
	peer := words(1, 250)
	refs := []string{words(2, 250), words(3, 250), words(4, 250), words(5, 250)}
	o := Options{WordLimit: 250, Stem: true}
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(peer, refs, o)
	}
}

func FuzzEvaluate(f *testing.F) {
	f.Add("The cat sat on the mat.", "The cat was on the mat.", "A dog. It barked!", uint16(0), true)
	f.Add("", "x", "", uint16(3), false)
	f.Add("w1 w2 w6\nw1 w3 w5", "w1 w2 w3 w4 w5", "Zürich -- U.S.", uint16(2), true)
	f.Fuzz(func(t *testing.T, peer, ref1, ref2 string, limit uint16, stem bool) {
		res := Evaluate(peer, []string{ref1, ref2}, Options{WordLimit: int(limit % 300), Stem: stem})
		for _, s := range []Score{res.R1, res.R2, res.RL} {
			for _, v := range []float64{s.Recall, s.Precision, s.F1} {
				if math.IsNaN(v) || v < 0 || v > 1+1e-12 {
					t.Fatalf("score out of [0,1]: %+v", res)
				}
			}
		}
		// Clipping keeps the LCS hits within the unigram hits.
		if res.RL.Recall > res.R1.Recall+1e-12 {
			t.Fatalf("ROUGE-L recall %v above ROUGE-1 recall %v", res.RL.Recall, res.R1.Recall)
		}
	})
}
