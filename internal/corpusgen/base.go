package corpusgen

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// BaseDoc is one real article that generated articles are recombined from.
// Paragraphs hold only running text: loaders drop page junk, wire-service
// markup and fragments, so that every line of junk in a generated article
// was put there on purpose and the ground truth stays exact.
type BaseDoc struct {
	ID         string
	Source     string
	Title      string    // "" when the source had none usable
	Date       time.Time // zero when unknown
	Paragraphs []string
}

// BaseCluster is a set of real articles about one topic. Generate turns
// each cluster into several distinct stories.
type BaseCluster struct {
	ID    string
	Topic string
	Docs  []BaseDoc
}

// minParagraphWords is the shortest paragraph kept from base text. Shorter
// lines in real data are mostly bylines, markup and section labels; keeping
// them would plant unlabelled junk in every generated article.
const minParagraphWords = 10

// terminalPunct ends a sentence, possibly inside a closing quote.
const terminalPunct = `.!?"”’'`

// LoadDUC reads DUC 2007 clusters (one JSON object per line) from path.
// The data may not be redistributed, so it is only ever read at run time;
// when the file is absent the error wraps fs.ErrNotExist and callers fall
// back to LoadSeedDir.
func LoadDUC(path string) ([]BaseCluster, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpusgen: DUC data: %w", err)
	}
	defer f.Close()
	return readDUC(f, path)
}

type ducLine struct {
	ID    string `json:"id"`
	Query struct {
		Title string `json:"title"`
	} `json:"query"`
	Docs []struct {
		DocID  string  `json:"doc_id"`
		Source string  `json:"source"`
		Title  *string `json:"title"`
		Date   *string `json:"date"`
		Text   string  `json:"text"`
	} `json:"docs"`
}

func readDUC(r io.Reader, name string) ([]BaseCluster, error) {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<20))
	var out []BaseCluster
	for {
		var line ducLine
		err := dec.Decode(&line)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("corpusgen: %s: cluster %d: %w", name, len(out)+1, err)
		}
		c := BaseCluster{ID: line.ID, Topic: line.Query.Title}
		for _, d := range line.Docs {
			doc := BaseDoc{ID: d.DocID, Source: d.Source}
			if d.Title != nil {
				doc.Title = usableTitle(normalizeDUC(*d.Title))
			}
			if d.Date != nil {
				doc.Date = parseDUCDate(*d.Date)
			}
			doc.Paragraphs = ducParagraphs(d.Text)
			if len(doc.Paragraphs) > 0 {
				c.Docs = append(c.Docs, doc)
			}
		}
		if len(c.Docs) > 0 {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("corpusgen: %s: no usable clusters", name)
	}
	return out, nil
}

// ducParagraphs splits a DUC document into usable paragraphs. Some
// documents are one long block ending in filer codes ("(gb)", "&UR;
// dkt-cb"); those are cleaned and cut at sentence boundaries instead of
// being lost.
func ducParagraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		p = normalizeSpace(entityMarkup.ReplaceAllString(normalizeDUC(p), " "))
		p = trimTail(p)
		for _, q := range splitLong(p, maxParagraphBytes) {
			if usableParagraph(q) {
				out = append(out, q)
			}
		}
	}
	return out
}

var entityMarkup = regexp.MustCompile(`&[A-Za-z]{1,8};`)

// maxParagraphBytes is where splitLong cuts: web articles rarely run a
// paragraph longer, and one huge paragraph would make recombined articles
// share big blocks of text.
const maxParagraphBytes = 900

// trimTail cuts a short non-sentence tail (a filer's initials, a slug)
// after the last sentence end.
func trimTail(p string) string {
	last, _ := utf8.DecodeLastRuneInString(p)
	if strings.ContainsRune(terminalPunct, last) {
		return p
	}
	i := strings.LastIndexAny(p, terminalPunct)
	if i < 0 || len(p)-i > 24 {
		return p
	}
	_, n := utf8.DecodeRuneInString(p[i:])
	return p[:i+n]
}

// splitLong cuts p at sentence ends into pieces of about a third of max
// or more, each no longer than max where sentences allow.
func splitLong(p string, max int) []string {
	if len(p) <= max {
		return []string{p}
	}
	var out []string
	start := 0
	for i := 0; i+2 < len(p); i++ {
		c := p[i]
		if (c != '.' && c != '?' && c != '!') || p[i+1] != ' ' || !startsSentence(p[i+2:]) {
			continue
		}
		if i+1-start < max/3 || abbreviationBefore(p, i) {
			continue
		}
		out = append(out, p[start:i+1])
		start = i + 2
	}
	return append(out, p[start:])
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || r == '"' || r == '“'
}

// abbreviationBefore reports whether the period at i ends a short word
// ("Mr.", "Jan.", "U.S."), which does not end a sentence.
func abbreviationBefore(p string, i int) bool {
	j := i
	for j > 0 && p[j-1] != ' ' {
		j--
	}
	w := p[j:i]
	return len(w) <= 3 || strings.Contains(w, ".")
}

// normalizeDUC turns the newswire conventions of the LDC data (TeX-style
// “quotes”) into what a web scrape contains, so base text does not give
// itself away by typography.
func normalizeDUC(s string) string {
	if !strings.Contains(s, "``") && !strings.Contains(s, "''") {
		return s
	}
	return strings.NewReplacer("``", `"`, "''", `"`).Replace(s)
}

var ducDateLayouts = []string{
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"01/02/2006 15:04:05",
	"01/02/2006",
}

func parseDUCDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range ducDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// LoadSeedDir reads scraped pages (*.txt, one article each, page junk
// included) from dir as one cluster. It keeps the lines that read as
// running text, picks the headline, and finds the publication date in the
// header, because seed corpora carry no metadata of their own.
func LoadSeedDir(dir string) (BaseCluster, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return BaseCluster{}, fmt.Errorf("corpusgen: %s: %w", dir, err)
	}
	if len(names) == 0 {
		// Stat gives the missing-directory case its fs.ErrNotExist.
		if _, err := os.Stat(dir); err != nil {
			return BaseCluster{}, fmt.Errorf("corpusgen: seed corpus: %w", err)
		}
		return BaseCluster{}, fmt.Errorf("corpusgen: %s: no .txt files", dir)
	}
	sort.Strings(names)
	c := BaseCluster{ID: filepath.Base(dir)}
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			return BaseCluster{}, fmt.Errorf("corpusgen: %w", err)
		}
		doc := parseSeed(strings.ToValidUTF8(string(raw), "\uFFFD"))
		doc.ID = strings.TrimSuffix(filepath.Base(name), ".txt")
		if len(doc.Paragraphs) > 0 {
			c.Docs = append(c.Docs, doc)
		}
	}
	if len(c.Docs) == 0 {
		return BaseCluster{}, fmt.Errorf("corpusgen: %s: no usable paragraphs", dir)
	}
	c.Topic = c.Docs[0].Title
	return c, nil
}

func parseSeed(text string) BaseDoc {
	var doc BaseDoc
	seen := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		line = normalizeSpace(line)
		if line == "" {
			continue
		}
		if usableParagraph(line) {
			if !seen[line] {
				seen[line] = true
				doc.Paragraphs = append(doc.Paragraphs, line)
			}
			continue
		}
		if doc.Title == "" && len(doc.Paragraphs) == 0 {
			doc.Title = seedTitle(line)
		}
		if doc.Date.IsZero() {
			doc.Date = findDate(line)
		}
	}
	if doc.Date.IsZero() {
		// Captions and body text still date most articles.
		for _, p := range doc.Paragraphs {
			if doc.Date = findDate(p); !doc.Date.IsZero() {
				break
			}
		}
	}
	return doc
}

var domainLike = regexp.MustCompile(`[A-Za-z]\.[a-z]{2,}\b|https?:`)

// seedTitle accepts a header line as the headline when it looks like one:
// a few words, capitalised, not a sentence, not shouting, no site chrome.
func seedTitle(line string) string {
	n := len(strings.Fields(line))
	if n < 4 || n > 20 || strings.ContainsAny(line, "©|") || domainLike.MatchString(line) {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".:?!", last) {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) {
		return ""
	}
	return usableTitle(line)
}

// usableTitle rejects empty and all-capitals headlines: capitals hide
// which words are names, so they could not be substituted consistently.
func usableTitle(t string) string {
	t = normalizeSpace(t)
	if len(strings.Fields(t)) < 3 || strings.ToUpper(t) == t {
		return ""
	}
	return t
}

var (
	dateDMY = regexp.MustCompile(`\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b`)
	dateMDY = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b`)
)

func findDate(s string) time.Time {
	if m := dateDMY.FindStringSubmatch(s); m != nil {
		return mkDate(m[3], m[2], m[1])
	}
	if m := dateMDY.FindStringSubmatch(s); m != nil {
		return mkDate(m[3], m[1], m[2])
	}
	return time.Time{}
}

func mkDate(year, month, day string) time.Time {
	y, _ := strconv.Atoi(year)
	d, _ := strconv.Atoi(day)
	for i, m := range monthAbbr {
		if m == month[:3] && d >= 1 && d <= 31 {
			return time.Date(y, time.Month(i+1), d, 12, 0, 0, 0, time.UTC)
		}
	}
	return time.Time{}
}

// usableParagraph keeps running text: enough words, a sentence ending, no
// SGML entities or copyright lines. Generated articles inherit the
// property, which is what lets tests tell their junk lines apart.
func usableParagraph(p string) bool {
	if len(strings.Fields(p)) < minParagraphWords {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	if !strings.ContainsRune(terminalPunct, last) {
		return false
	}
	if strings.Contains(p, "©") || strings.Contains(p, "OPTIONAL") || hasEntityMarkup(p) {
		return false
	}
	letters, upper := 0, 0
	for _, r := range p {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return upper*2 < letters
}

// hasEntityMarkup spots the "&QL;"-style codes of the LDC newswire feeds.
func hasEntityMarkup(p string) bool {
	for i := strings.IndexByte(p, '&'); i >= 0; {
		j := i + 1
		for j < len(p) && j-i <= 8 && (p[j] >= 'A' && p[j] <= 'Z' || p[j] >= 'a' && p[j] <= 'z') {
			j++
		}
		if j > i+1 && j < len(p) && p[j] == ';' {
			return true
		}
		k := strings.IndexByte(p[i+1:], '&')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// normalizeSpace collapses runs of whitespace (tabs, non-breaking spaces)
// into one space so paragraphs render on one line.
func normalizeSpace(s string) string {
	clean := true
	prevSpace := true
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && (r != ' ' || prevSpace) {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// LoadBase is the base text benchmarks vary: the DUC 2007 clusters at
// ducPath when they are there (they may not be redistributed, so they
// often are not), else the articles in seedDir as one cluster.
func LoadBase(ducPath, seedDir string) ([]BaseCluster, error) {
	base, err := LoadDUC(ducPath)
	if err == nil {
		return base, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	seed, err := LoadSeedDir(seedDir)
	if err != nil {
		return nil, err
	}
	return []BaseCluster{seed}, nil
}
