// Package prompts holds the LLM backend's prompt templates, embedded in
// the binary and versioned. The templates render data types defined
// here, so the package needs nothing of the rest of brief, and a test
// renders every template against example data and golden files.
//
// A change of wording is a change of Version: cached answers and saved
// evaluation runs say which prompts produced them, and TestVersionPinned
// fails when the embedded files change without a new version.
package prompts

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"text/template"
)

// Version names the prompt set. Every template file carries it in its
// name ("briefing.v1.tmpl").
const Version = "v1"

//go:embed *.tmpl *.json
var files embed.FS

// Names of the prompts a Set renders.
const (
	Briefing = "briefing" // the whole briefing in one request
	Stage    = "stage"    // one part of a fact table too long for one request
	Merge    = "merge"    // the briefing from the parts' drafts
	Repair   = "repair"   // fix an answer that is not valid JSON
)

// Source is a source as the model sees it.
type Source struct {
	ID        string // "S3": what the model cites
	Outlet    string
	Published string // YYYY-MM-DD
	Title     string
	// CopyOf is the id of the first source of this one's wire group, ""
	// for a source that is independent or first in its group.
	CopyOf string
}

// Statement is what one or more sources say, in their own words; sources
// printing the same words share one statement.
type Statement struct {
	Sources []string
	Text    string
}

// Fact is a fact-table row: what the sources state, merged across
// paraphrases.
type Fact struct {
	ID                   string // "F12"
	Support, Independent int
	Statements           []Statement
}

// Side is one value of a contradiction and the sources that give it.
type Side struct {
	Value     string
	Sources   []string
	Published string // for updates: when the side was reported
}

// Conflict is a contradiction, or an update when a later report revised a
// figure.
type Conflict struct {
	ID      string // "C1", "U1"
	Kind    string // number, date, title, quote, attribution
	Subject string // what the sides differ on
	Reason  string
	Sides   []Side
}

// Draft is a sentence drafted from one part of a long fact table, with its
// citation markers, for the merge.
type Draft struct {
	Section string // key_points, quotes, background
	Text    string
}

// Data is what the briefing, stage and merge prompts render.
type Data struct {
	Words     int    // budget for key points and background
	Focus     string // --focus, or ""
	Part      int    // stage: this part's number, from 1
	Parts     int    // stage: how many parts
	Sources   []Source
	Facts     []Fact
	Conflicts []Conflict
	Updates   []Conflict
	Drafts    []Draft
}

// RepairData is what the repair prompt renders.
type RepairData struct {
	Answer  string // the model's text that failed to parse
	Problem string // what is wrong with it
}

// Prompt is a rendered prompt: the two messages of one request.
type Prompt struct {
	Name    string
	Version string
	System  string
	User    string
}

// Set is the parsed templates. Parse once and share: rendering is safe for
// concurrent use.
type Set struct {
	byName map[string]*template.Template
}

// New parses the embedded templates.
func New() (*Set, error) {
	funcs := template.FuncMap{"join": strings.Join}
	shared, err := template.New("prompts").Funcs(funcs).ParseFS(files, "rules."+Version+".tmpl")
	if err != nil {
		return nil, fmt.Errorf("prompts: %w", err)
	}
	s := &Set{byName: map[string]*template.Template{}}
	for _, name := range []string{Briefing, Stage, Merge, Repair} {
		t, err := shared.Clone()
		if err != nil {
			return nil, fmt.Errorf("prompts: %w", err)
		}
		if t, err = t.ParseFS(files, name+"."+Version+".tmpl"); err != nil {
			return nil, fmt.Errorf("prompts: %w", err)
		}
		for _, part := range []string{"system", "user"} {
			if t.Lookup(part) == nil {
				return nil, fmt.Errorf("prompts: %s.%s.tmpl defines no %q", name, Version, part)
			}
		}
		s.byName[name] = t
	}
	return s, nil
}

// Render renders prompt name with data: a Data for the briefing, stage
// and merge prompts, a RepairData for the repair prompt.
func (s *Set) Render(name string, data any) (Prompt, error) {
	t := s.byName[name]
	if t == nil {
		return Prompt{}, fmt.Errorf("prompts: no prompt %q", name)
	}
	p := Prompt{Name: name, Version: Version}
	for _, part := range []struct {
		name string
		dst  *string
	}{{"system", &p.System}, {"user", &p.User}} {
		var b bytes.Buffer
		if err := t.ExecuteTemplate(&b, part.name, data); err != nil {
			return Prompt{}, fmt.Errorf("prompts: rendering %s %s: %w", name, part.name, err)
		}
		*part.dst = strings.TrimSpace(b.String()) + "\n"
	}
	return p, nil
}

// AnswerSchema is the JSON schema of the model's answer, in the strict
// form OpenAI's structured output accepts (every property required, no
// others allowed).
func AnswerSchema() json.RawMessage {
	b, err := files.ReadFile("answer." + Version + ".schema.json")
	if err != nil {
		// The file is embedded at build time; a test reads it.
		panic(err)
	}
	return json.RawMessage(b)
}

// SchemaName names the answer schema in requests.
const SchemaName = "briefing_" + Version

// Fingerprint identifies the exact prompt text: the version and a hash of
// every embedded file. Cache keys use it, so an edited template never
// serves an answer written for the old one.
func Fingerprint() string {
	h := sha256.New()
	names, _ := fs.Glob(files, "*")
	sort.Strings(names)
	for _, n := range names {
		b, _ := files.ReadFile(n)
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
		h.Write(b)
	}
	return Version + "-" + hex.EncodeToString(h.Sum(nil))[:12]
}
