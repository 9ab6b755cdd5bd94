package corpusgen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLoadSeedDir(t *testing.T) {
	c, err := LoadSeedDir(seedDir)
	if err != nil {
		t.Fatal(err)
	}
	wantTitles := []string{
		"Pentagon chief in Iraq says US wants to 'strengthen' ties",
		"Pentagon chief visits Iraq nearly 20 years after US-led invasion",
		"US troops will ‘remain in Iraq’: US Defense Secretary",
		"Pentagon chief in Iraq ahead of 20th anniversary of invasion",
		"Pentagon chief makes unannounced trip to Iraq",
	}
	if len(c.Docs) != len(wantTitles) {
		t.Fatalf("got %d docs, want %d", len(c.Docs), len(wantTitles))
	}
	for i, d := range c.Docs {
		if d.Title != wantTitles[i] {
			t.Errorf("doc %s: title %q, want %q", d.ID, d.Title, wantTitles[i])
		}
		if y, m := d.Date.Year(), d.Date.Month(); y != 2023 || m != time.March {
			t.Errorf("doc %s: date %v, want March 2023", d.ID, d.Date)
		}
		if len(d.Paragraphs) < 8 {
			t.Errorf("doc %s: only %d paragraphs", d.ID, len(d.Paragraphs))
		}
		for _, p := range d.Paragraphs {
			if junkLine(p) || strings.Contains(p, "Read also") || strings.Contains(p, "Short link") {
				t.Errorf("doc %s: junk kept as paragraph: %q", d.ID, p)
			}
		}
	}
}

func TestLoadMissing(t *testing.T) {
	if _, err := LoadDUC(filepath.Join(t.TempDir(), "nope.jsonl")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadDUC on a missing file: %v, want fs.ErrNotExist", err)
	}
	if _, err := LoadSeedDir(filepath.Join(t.TempDir(), "nope")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadSeedDir on a missing dir: %v, want fs.ErrNotExist", err)
	}
}

// TestReadDUC checks the DUC parser on invented lines in the DUC layout
// (the real data may not be copied into the repository).
func TestReadDUC(t *testing.T) {
	long := strings.Repeat("The committee met again on Tuesday to discuss the new harbour plan in detail. ", 20)
	lines := []map[string]any{{
		"id": "X01", "query": map[string]string{"title": "Harbour plan"},
		"docs": []map[string]any{{
			"doc_id": "A1", "source": "APW", "title": "Harbour Plan Approved", "date": "1999-06-12 15:10:11",
			"text": "PORTVILLE (AP) -- The city council of Portville approved the harbour plan on Monday after a long debate.\n\n" +
				"&QL; &UR; Story Filed By Someone &QC;\n\n" +
				"``We are pleased with the result,'' said Mayor Ellen Stroud, who had backed the plan for years. (gb)\n\n" +
				long,
		}, {
			"doc_id": "A2", "source": "XIE", "title": nil, "date": "11/07/1998 09:11:00",
			"text": "Too short.\n\nANOTHER LINE IN CAPITALS THAT IS LONG ENOUGH TO COUNT AS TEN WORDS OR MORE.",
		}},
	}}
	var buf bytes.Buffer
	for _, l := range lines {
		b, _ := json.Marshal(l)
		buf.Write(b)
		buf.WriteByte('\n')
	}
	got, err := readDUC(&buf, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Docs) != 1 {
		t.Fatalf("want 1 cluster with 1 usable doc, got %+v", got)
	}
	d := got[0].Docs[0]
	if d.Title != "Harbour Plan Approved" || d.Date != time.Date(1999, 6, 12, 15, 10, 11, 0, time.UTC) {
		t.Errorf("title/date: %q %v", d.Title, d.Date)
	}
	if want := `"We are pleased with the result," said Mayor Ellen Stroud, who had backed the plan for years.`; d.Paragraphs[1] != want {
		t.Errorf("quotes and filer code: got %q\nwant %q", d.Paragraphs[1], want)
	}
	if len(d.Paragraphs) < 4 {
		t.Errorf("long paragraph not split: %d paragraphs", len(d.Paragraphs))
	}
	for _, p := range d.Paragraphs {
		if len(p) > maxParagraphBytes || strings.Contains(p, "&") {
			t.Errorf("bad paragraph %q", p)
		}
	}
	if _, err := readDUC(strings.NewReader("{not json"), "bad"); err == nil {
		t.Error("malformed DUC accepted")
	}
}

func TestValidate(t *testing.T) {
	base := seedBase(t)
	for _, c := range []Config{
		{N: -1, Base: base},
		{N: 10},
		{N: 10, Base: []BaseCluster{{Docs: []BaseDoc{{}}}}},
		{N: 10, Base: base, DupRate: 0.6, WireRate: 0.5},
		{N: 10, Base: base, JunkRate: 1.5},
		{N: 10, Base: base, StorySpread: -1},
		{N: 10, Base: base, Days: -1},
	} {
		if c.Validate() == nil {
			t.Errorf("Validate(%+v) = nil, want an error", c)
		}
	}
	if err := (Config{N: 10, Base: base}).Validate(); err != nil {
		t.Error(err)
	}
}

func corpusBytes(t *testing.T, arts []Article) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, arts); err != nil {
		t.Fatal(err)
	}
	if err := WriteTruth(&buf, arts); err != nil {
		t.Fatal(err)
	}
	for i := range arts {
		buf.Write(appendPage(nil, &arts[i]))
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	base := seedBase(t)
	a := corpusBytes(t, Generate(Config{N: 1500, Seed: 42, Base: base, Workers: 1}))
	b := corpusBytes(t, Generate(Config{N: 1500, Seed: 42, Base: base, Workers: 4}))
	if !bytes.Equal(a, b) {
		t.Error("same seed, different output (worker count must not matter)")
	}
	c := corpusBytes(t, Generate(Config{N: 1500, Seed: 43, Base: base}))
	if bytes.Equal(a, c) {
		t.Error("different seeds, same output")
	}
}

func TestCountAndOrder(t *testing.T) {
	base := seedBase(t)
	for _, n := range []int{0, 1, 2, 3, 7, 40, 1001} {
		arts := Generate(Config{N: n, Seed: 1, Base: base})
		if len(arts) != n {
			t.Errorf("N=%d: got %d articles", n, len(arts))
		}
		ids := map[string]bool{}
		for i := range arts {
			a := &arts[i]
			if ids[a.ID] {
				t.Fatalf("N=%d: duplicate ID %s", n, a.ID)
			}
			ids[a.ID] = true
			if i > 0 && (a.ID <= arts[i-1].ID || a.Published.Before(arts[i-1].Published)) {
				t.Errorf("N=%d: article %d out of order", n, i)
			}
			if a.Title == "" || a.Outlet == "" || !strings.HasPrefix(a.URL, "https://") || len(a.Text) < 200 {
				t.Errorf("N=%d: incomplete article %+v", n, a)
			}
		}
	}
}

func checkLabels(t *testing.T, arts []Article, dupRate, wireRate float64) {
	t.Helper()
	index := map[string]int{}
	for i := range arts {
		index[arts[i].ID] = i
	}
	dups := 0
	var dupSim []float64
	for i := range arts {
		a := &arts[i]
		if a.DuplicateOf == "" {
			continue
		}
		dups++
		j, ok := index[a.DuplicateOf]
		switch {
		case !ok:
			t.Fatalf("%s: DuplicateOf %s does not exist", a.ID, a.DuplicateOf)
		case j >= i:
			t.Errorf("%s: copies a later article %s", a.ID, a.DuplicateOf)
		case arts[j].Story != a.Story:
			t.Errorf("%s: copy of %s from another story", a.ID, a.DuplicateOf)
		case arts[j].DuplicateOf != "":
			t.Errorf("%s: copy of a copy", a.ID)
		case arts[j].Outlet == a.Outlet || arts[j].Title == a.Title:
			t.Errorf("%s: copy keeps outlet or headline of %s", a.ID, a.DuplicateOf)
		}
		dupSim = append(dupSim, jaccard(shingles(a.Text), shingles(arts[j].Text)))
	}
	for _, s := range dupSim {
		if s <= 0.8 {
			t.Errorf("duplicate pair with Jaccard %.2f, want > 0.8", s)
		}
	}

	groups := map[int][]int{}
	for i := range arts {
		groups[arts[i].Wire] = append(groups[arts[i].Wire], i)
	}
	wire := 0
	for label, m := range groups {
		if len(m) == 1 {
			continue
		}
		wire += len(m)
		if len(m) > 6 {
			t.Errorf("wire group %d has %d members, want 2-6", label, len(m))
		}
		outlets := map[string]bool{}
		for _, i := range m {
			a := &arts[i]
			if a.Story != arts[m[0]].Story || a.DuplicateOf != "" || outlets[a.Outlet] {
				t.Errorf("wire group %d: inconsistent member %s", label, a.ID)
			}
			outlets[a.Outlet] = true
		}
	}
	n := float64(len(arts))
	if got := float64(dups) / n; got < dupRate-0.005 || got > dupRate+0.005 {
		t.Errorf("duplicate rate %.3f, want %.3f", got, dupRate)
	}
	if got := float64(wire) / n; got < wireRate-0.005 || got > wireRate+0.005 {
		t.Errorf("wire rate %.3f, want %.3f", got, wireRate)
	}
}

func TestLabels(t *testing.T) {
	arts := Generate(Config{N: 3000, Seed: 5, Base: seedBase(t)})
	checkLabels(t, arts, DefaultDupRate, DefaultWireRate)
	arts = Generate(Config{N: 2000, Seed: 5, Base: seedBase(t), DupRate: 0.2, WireRate: 0.3})
	checkLabels(t, arts, 0.2, 0.3)
	arts = Generate(Config{N: 500, Seed: 5, Base: seedBase(t), DupRate: -1, WireRate: -1})
	checkLabels(t, arts, 0, 0)
}

func checkSize(t *testing.T, arts []Article, want int) {
	t.Helper()
	total := 0
	for i := range arts {
		total += len(arts[i].Text)
	}
	mean := total / len(arts)
	t.Logf("mean text %d bytes over %d articles", mean, len(arts))
	if mean < want*9/10 || mean > want*11/10 {
		t.Errorf("mean text %d bytes, want %d ±10%%", mean, want)
	}
}

func TestSize(t *testing.T) {
	base := seedBase(t)
	checkSize(t, Generate(Config{N: 3000, Seed: 9, Base: base}), DefaultMeanBytes)
	checkSize(t, Generate(Config{N: 1000, Seed: 9, Base: base, MeanBytes: 2500}), 2500)
}

func checkJunkRate(t *testing.T, arts []Article, want float64) {
	t.Helper()
	n := 0
	for i := range arts {
		if hasJunk(arts[i].Text) {
			n++
		}
	}
	got := float64(n) / float64(len(arts))
	t.Logf("junk rate %.3f, configured %.2f", got, want)
	if got < want-0.04 || got > want+0.04 || (want == 0 && n > 0) {
		t.Errorf("junk in %.3f of articles, want %.2f", got, want)
	}
}

func TestJunkRate(t *testing.T) {
	base := seedBase(t)
	checkJunkRate(t, Generate(Config{N: 3000, Seed: 3, Base: base}), DefaultJunkRate)
	checkJunkRate(t, Generate(Config{N: 1000, Seed: 3, Base: base, JunkRate: 1}), 1)
	checkJunkRate(t, Generate(Config{N: 1000, Seed: 3, Base: base, JunkRate: -1}), 0)
}

// TestJunkKinds checks that every kind of junk the brief names turns up,
// in several spellings, and that header junk lands before the headline.
func TestJunkKinds(t *testing.T) {
	arts := Generate(Config{N: 3000, Seed: 11, Base: seedBase(t)})
	var all strings.Builder
	heads := 0
	for i := range arts {
		all.WriteString(arts[i].Text)
		all.WriteByte('\n')
		if arts[i].headEnd > 0 {
			heads++
			page := string(appendPage(nil, &arts[i]))
			if !strings.Contains(page, "\n"+arts[i].Title+"\n\n") {
				t.Errorf("%s: headline not after the page header", arts[i].ID)
			}
		}
	}
	text := all.String()
	for _, s := range []string{"Search", "twitter", "facebook", "World", "Read also:", "Most Popular",
		"Short link:", "Views: ", "Share it on social media!", "©", "Loading...", "(Photo credit: ",
		"/AFP)", "Advertisement", "Read more:", "Related:"} {
		if !strings.Contains(text, s) {
			t.Errorf("no %q anywhere in the corpus", s)
		}
	}
	if heads < 500 {
		t.Errorf("only %d articles with page-header junk", heads)
	}
}

func checkDissimilar(t *testing.T, arts []Article) {
	t.Helper()
	pairs := storyPairs(arts, 400)
	if len(pairs) < 100 {
		t.Fatalf("only %d pairs sampled", len(pairs))
	}
	var sims []float64
	for _, p := range pairs {
		sims = append(sims, jaccard(shingles(arts[p[0]].Text), shingles(arts[p[1]].Text)))
	}
	med, p90 := median(sims), quantile(sims, 0.9)
	t.Logf("within-story Jaccard over %d pairs: median %.3f, p90 %.3f", len(sims), med, p90)
	if med >= 0.3 {
		t.Errorf("median within-story Jaccard %.3f, want < 0.3", med)
	}
	if p90 >= 0.5 {
		t.Errorf("90th percentile within-story Jaccard %.3f, want < 0.5", p90)
	}
}

func TestDissimilar(t *testing.T) {
	checkDissimilar(t, Generate(Config{N: 3000, Seed: 8, Base: seedBase(t)}))
}

// TestStoriesDiffer checks that two stories made from the same base
// cluster name different people and places and cite different numbers.
func TestStoriesDiffer(t *testing.T) {
	arts := Generate(Config{N: 600, Seed: 4, Base: seedBase(t)})
	vocab := map[int]map[string]bool{}
	original := map[int]bool{} // stories still naming "Lloyd Austin"
	for i := range arts {
		a := &arts[i]
		if strings.Contains(a.Text, "Lloyd Austin") {
			original[a.Story] = true
		}
		if vocab[a.Story] == nil {
			vocab[a.Story] = map[string]bool{}
		}
		for _, w := range strings.Fields(a.Text) {
			w = strings.Trim(w, `.,;:"'()“”‘’`)
			if w != "" && (w[0] >= 'A' && w[0] <= 'Z' || w[0] >= '0' && w[0] <= '9') {
				vocab[a.Story][w] = true
			}
		}
	}
	if len(vocab) < 10 {
		t.Fatalf("only %d stories", len(vocab))
	}
	if len(original) > len(vocab)/10 {
		t.Errorf("%d of %d stories still name the base event's protagonist", len(original), len(vocab))
	}
	var sims []float64
	for s := 0; s+1 < 10; s++ {
		a, b := vocab[s], vocab[s+1]
		inter := 0
		for w := range a {
			if b[w] {
				inter++
			}
		}
		sims = append(sims, float64(inter)/float64(len(a)+len(b)-inter))
	}
	t.Logf("capitalised/number vocabulary overlap between stories: median %.2f", median(sims))
	if median(sims) > 0.6 {
		t.Errorf("stories share %.2f of their names and numbers; they should read as different events", median(sims))
	}
}

func storySizes(arts []Article) []float64 {
	count := map[int]int{}
	for i := range arts {
		count[arts[i].Story]++
	}
	var sizes []float64
	for _, c := range count {
		sizes = append(sizes, float64(c))
	}
	return sizes
}

// TestStorySpread checks that the default spread is the one the
// benchmarks' corpora were made with, and that a larger one gives the
// same number of stories with more small ones and bigger big ones.
func TestStorySpread(t *testing.T) {
	base := seedBase(t)
	a := corpusBytes(t, Generate(Config{N: 300, Seed: 6, Base: base}))
	b := corpusBytes(t, Generate(Config{N: 300, Seed: 6, Base: base, StorySpread: DefaultStorySpread}))
	if !bytes.Equal(a, b) {
		t.Error("StorySpread 0 and DefaultStorySpread give different corpora")
	}

	def := storySizes(Generate(Config{N: 5000, Seed: 6, Base: base}))
	wide := storySizes(Generate(Config{N: 5000, Seed: 6, Base: base, StorySpread: 1.6}))
	t.Logf("default: %d stories, median %.0f, max %.0f; spread 1.6: %d stories, median %.0f, max %.0f",
		len(def), median(def), quantile(def, 1), len(wide), median(wide), quantile(wide, 1))
	if len(def) != 200 || len(wide) != 200 {
		t.Errorf("%d and %d stories, want 200 (N/StorySize)", len(def), len(wide))
	}
	if median(wide) >= median(def) || quantile(wide, 1) <= quantile(def, 1) {
		t.Error("a larger spread should lower the median story and raise the largest")
	}
}

// TestDays checks that Days: 1 makes a news day: every story breaks on
// the first day, its first article some hours later at most, and most
// articles follow within two days.
func TestDays(t *testing.T) {
	start := time.Date(2024, time.May, 1, 0, 0, 0, 0, time.UTC)
	arts := Generate(Config{N: 3000, Seed: 7, Base: seedBase(t), Start: start, Days: 1})
	first := map[int]time.Time{}
	var lag []float64
	for i := range arts {
		a := &arts[i]
		if f, ok := first[a.Story]; !ok || a.Published.Before(f) {
			first[a.Story] = a.Published
		}
		lag = append(lag, a.Published.Sub(start).Hours())
	}
	for s, f := range first {
		if f.Before(start) || f.After(start.Add(48*time.Hour)) {
			t.Errorf("story %d first published %v, want within two days of %v", s, f, start)
		}
	}
	if q := quantile(lag, 0.9); q > 48 {
		t.Errorf("90%% of articles within %.0f hours of the day's start, want 48 at most", q)
	}
	if q := quantile(lag, 1); q > 7*24 {
		t.Errorf("last article %.0f hours after the day's start, want within a week", q)
	}
}

func TestStoryMapping(t *testing.T) {
	base := []BaseCluster{{ID: "x", Docs: []BaseDoc{{
		Date: time.Date(2003, time.March, 7, 0, 0, 0, 0, time.UTC),
		Paragraphs: []string{
			"On Tuesday, March 7, 2003, Lloyd Austin met Mohammed Sudani in Baghdad, where 2,500 troops are stationed.",
			"Austin said the 20th anniversary of the 1990s policy, marked in Baghdad, drew 340 guests and 12,345 viewers.",
			"The F-16 jets cost 3.5 billion dollars at 12:28 and 7 people watched, Sudani said on Monday in Baghdad.",
		},
	}}}}
	g := &gen{m: compile(base)}
	st := &story{mul: [2]int{1, 1}, add: [2]int{1, 1}, yearShift: 20, monthShift: 2, wdShift: 1, smallShift: 3, numF: 1.5}
	var out []string
	for _, p := range g.m.clusters[0].docs[0].paras {
		out = append(out, string(g.appendText(nil, &p, st, nil, 0)))
	}
	got := strings.Join(out, "\n")
	// Names are permuted within their class: given names {Lloyd,
	// Mohammed} and others {Austin, Baghdad, Sudani}, each shifted by one.
	for _, want := range []string{"On Wednesday, May 7, 2023, Mohammed Baghdad met Lloyd Austin in Sudani", "3,800 troops", "23rd anniversary", "2010s", "510 guests",
		"18,518 viewers", "F-16", "3.5 billion", "12:28", "7 people", "on Tuesday"} {
		if !strings.Contains(got, want) {
			t.Errorf("mapped text lacks %q:\n%s", want, got)
		}
	}
}

func TestWriteDir(t *testing.T) {
	arts := Generate(Config{N: 2100, Seed: 2, Base: seedBase(t)})
	dir := filepath.Join(t.TempDir(), "corpus")
	for round := range 2 { // the second round replaces the first corpus
		if err := WriteDir(dir, arts[:2100-round*1000]); err != nil {
			t.Fatal(err)
		}
	}
	files := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != dir {
			entries, err := os.ReadDir(path)
			if err != nil {
				return err
			}
			if len(entries) > FilesPerDir {
				t.Errorf("%s holds %d files", path, len(entries))
			}
		}
		if strings.HasSuffix(path, ".txt") {
			files++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != 1100 {
		t.Errorf("%d files after rewrite, want 1100", files)
	}
	a := &arts[1050]
	b, err := os.ReadFile(filepath.Join(dir, "001", a.ID+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	if !strings.Contains(page, a.Title+"\n\n"+Byline(a)+"\n\n") || !strings.HasSuffix(page, a.Text[a.headEnd:]+"\n") {
		t.Errorf("page layout:\n%s", page[:min(600, len(page))])
	}
	for _, p := range []string{dir + ".tmp", dir + ".old"} {
		if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s left behind", p)
		}
	}

	// A directory WriteDir did not make is never replaced.
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "precious.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(other, arts[:5]); err == nil {
		t.Error("WriteDir replaced a foreign directory")
	}
	if _, err := os.Stat(filepath.Join(other, "precious.txt")); err != nil {
		t.Error(err)
	}
}

func TestBylineForms(t *testing.T) {
	arts := Generate(Config{N: 400, Seed: 2, Base: seedBase(t)})
	forms := map[string]bool{}
	for i := range arts {
		l := Byline(&arts[i])
		if !strings.Contains(l, fmt.Sprint(arts[i].Published.Year())) {
			t.Errorf("byline %q lacks the year", l)
		}
		forms[strings.Fields(l)[0]] = true
	}
	if len(forms) < 5 {
		t.Errorf("only %d byline forms", len(forms))
	}
}

func TestWriteJSONL(t *testing.T) {
	arts := Generate(Config{N: 300, Seed: 6, Base: seedBase(t)})
	arts[0].Text += "\x01 tab\t \"quoted\" back\\slash \u2028 bad\xff"
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, arts); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(arts) {
		t.Fatalf("%d lines for %d articles", len(lines), len(arts))
	}
	for i, l := range lines {
		var rec struct{ ID, Title, Outlet, URL, Published, Text string }
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		a := &arts[i]
		want := strings.ToValidUTF8(a.Text, "\uFFFD")
		if rec.ID != a.ID || rec.Title != a.Title || rec.Outlet != a.Outlet || rec.URL != a.URL || rec.Text != want {
			t.Errorf("line %d does not round-trip", i)
		}
		if p, err := time.Parse(time.RFC3339, rec.Published); err != nil || !p.Equal(a.Published) {
			t.Errorf("line %d: published %q", i, rec.Published)
		}
	}

	buf.Reset()
	if err := WriteTruth(&buf, arts); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	for i := range arts {
		var rec struct {
			ID          string `json:"id"`
			Story       int    `json:"story"`
			Wire        int    `json:"wire"`
			DuplicateOf string `json:"duplicate_of"`
		}
		if err := dec.Decode(&rec); err != nil {
			t.Fatal(err)
		}
		a := &arts[i]
		if rec.ID != a.ID || rec.Story != a.Story || rec.Wire != a.Wire || rec.DuplicateOf != a.DuplicateOf {
			t.Errorf("truth line %d: %+v", i, rec)
		}
	}
}

// TestDUC runs the corpus checks on the real DUC base when it is present.
func TestDUC(t *testing.T) {
	base := ducBase(t)
	if len(base) < 40 {
		t.Fatalf("only %d DUC clusters loaded", len(base))
	}
	arts := Generate(Config{N: 4000, Seed: 1, Base: base})
	checkLabels(t, arts, DefaultDupRate, DefaultWireRate)
	checkSize(t, arts, DefaultMeanBytes)
	checkJunkRate(t, arts, DefaultJunkRate)
	checkDissimilar(t, arts)
	clean := Generate(Config{N: 1000, Seed: 1, Base: base, JunkRate: -1})
	checkJunkRate(t, clean, 0)
}
