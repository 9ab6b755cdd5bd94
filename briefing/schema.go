package briefing

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/brieftool/brief/summarize"
)

// SchemaVersion is the version of the JSON document. Later versions only
// add fields; a field, once published, keeps its name, type and meaning.
const SchemaVersion = 1

// Document is the JSON output of brief: one schema for every command.
// Commands fill the parts they compute; later stages add facts and
// conflicts beside sources.
type Document struct {
	SchemaVersion int         `json:"schema_version"`
	Generator     string      `json:"generator"`
	Stats         Stats       `json:"stats"`
	Sources       []Source    `json:"sources"`
	Groups        []Group     `json:"groups"`
	Problems      []ProblemJS `json:"problems"`

	// Set by the fact stage (brief facts, conflicts, compare); absent
	// from `brief sources`. Pointers keep an empty list as [] rather
	// than dropping the field.
	Facts     *[]FactJS     `json:"facts,omitempty"`
	Conflicts *[]ConflictJS `json:"conflicts,omitempty"`
	Updates   *[]ConflictJS `json:"updates,omitempty"`
	Entities  *[]EntityJS   `json:"entities,omitempty"`
	// MinConfidence is the --min-confidence the conflicts were filtered
	// with; Hidden counts the conflicts and updates it left out.
	MinConfidence *float64 `json:"min_confidence,omitempty"`
	Hidden        *int     `json:"hidden_conflicts,omitempty"`
}

// Stats summarises the corpus.
type Stats struct {
	Sources           int `json:"sources"`
	Independent       int `json:"independent"`
	Duplicates        int `json:"duplicates"`
	SyndicatedGroups  int `json:"syndicated_groups"`
	Sentences         int `json:"sentences"`
	Words             int `json:"words"`
	RemovedLines      int `json:"removed_lines"`
	DroppedParagraphs int `json:"dropped_paragraphs"`
	Skipped           int `json:"skipped"`
}

// Source is one article in the JSON document. Offsets (start, end) are
// byte offsets into Text, which is UTF-8.
type Source struct {
	ID        string     `json:"id"`
	Origin    string     `json:"origin"`
	Input     string     `json:"input"`
	URL       string     `json:"url,omitempty"`
	Format    string     `json:"format"`
	Title     string     `json:"title"`
	Outlet    string     `json:"outlet"`
	Author    string     `json:"author,omitempty"`
	Section   string     `json:"section,omitempty"`
	Language  string     `json:"language,omitempty"`
	Agencies  []string   `json:"agencies"`
	Published string     `json:"published,omitempty"`
	Detected  Provenance `json:"detected"`

	Group       int     `json:"group"`
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	Similarity  float64 `json:"similarity,omitempty"`

	Words      int        `json:"words"`
	Text       string     `json:"text"`
	Paragraphs []Span     `json:"paragraphs"`
	Sentences  []Sentence `json:"sentences"`

	Removed           []Removal `json:"removed"`
	DroppedParagraphs []Dropped `json:"dropped_paragraphs"`
	Warnings          []string  `json:"warnings,omitempty"`
}

// Provenance says where each metadata field came from.
type Provenance struct {
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
	Language  string `json:"language,omitempty"`
}

// Span is a byte range [start, end) of a source's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Sentence is a sentence with its span and text.
type Sentence struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Paragraph int    `json:"paragraph"`
	Text      string `json:"text"`
}

// Removal is a line of page junk taken out, with the line it was on.
type Removal struct {
	Line int    `json:"line"`
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// Dropped is a paragraph dropped because the source repeats it.
type Dropped struct {
	Reason     string  `json:"reason"`
	Of         int     `json:"of"`
	Similarity float64 `json:"similarity"`
	Text       string  `json:"text"`
}

// Group is a syndication group: sources that count as one independent
// source.
type Group struct {
	ID         int      `json:"id"`
	Members    []string `json:"members"`
	Syndicated bool     `json:"syndicated"`
	Shared     float64  `json:"shared,omitempty"`
}

// ProblemJS is an input that was skipped, or used with a warning.
type ProblemJS struct {
	Input   string `json:"input"`
	Error   string `json:"error"`
	Warning bool   `json:"warning"`
}

// WriteDocument writes the JSON document for a corpus. Sources are encoded
// one at a time, so a corpus of 100,000 articles is never held twice in
// memory; the bytes are the same as encoding NewDocument's result.
func WriteDocument(w io.Writer, c *summarize.Corpus, generator string) error {
	d := newHead(c, generator)
	head, err := marshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	// The document minus its sources ends `"sources": null, "groups": ...`;
	// splice the sources in where the null is.
	i := bytes.Index(head, []byte(`"sources": null`))
	if i < 0 {
		return fmt.Errorf("encoding the document: no sources field")
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	bw.Write(head[:i])
	bw.WriteString(`"sources": [`)
	for k, s := range c.Sources {
		if k > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		b, err := marshalIndent(source(s), "    ", "  ")
		if err != nil {
			return fmt.Errorf("encoding source %s: %w", s.ID, err)
		}
		bw.Write(b)
	}
	if len(c.Sources) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]")
	bw.Write(head[i+len(`"sources": null`):])
	bw.WriteByte('\n')
	return bw.Flush()
}

// marshalIndent is json.MarshalIndent without HTML escaping, so that
// quotes such as "<" and "&" in article text stay readable.
func marshalIndent(v any, prefix, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// NewDocument builds the JSON document for a corpus.
func NewDocument(c *summarize.Corpus, generator string) Document {
	d := newHead(c, generator)
	d.Sources = make([]Source, 0, len(c.Sources))
	for _, s := range c.Sources {
		d.Sources = append(d.Sources, source(s))
	}
	return d
}

// newHead is the document without its sources.
func newHead(c *summarize.Corpus, generator string) Document {
	d := Document{
		SchemaVersion: SchemaVersion,
		Generator:     generator,
		Stats:         stats(c),
		Groups:        make([]Group, 0, len(c.Groups)),
		Problems:      make([]ProblemJS, 0, len(c.Problems)),
	}
	for i, g := range c.Groups {
		jg := Group{ID: i, Syndicated: len(g.Members) > 1, Shared: round3(g.Shared)}
		for _, m := range g.Members {
			jg.Members = append(jg.Members, c.Sources[m].ID)
		}
		d.Groups = append(d.Groups, jg)
	}
	for _, p := range c.Problems {
		d.Problems = append(d.Problems, ProblemJS{Input: p.Input, Error: p.Err.Error(), Warning: p.Warning})
	}
	return d
}

func source(s *summarize.Source) Source {
	js := Source{
		ID: s.ID, Origin: s.Origin, Input: s.Input, URL: s.URL, Format: s.Format,
		Title: s.Title, Outlet: s.Outlet, Author: s.Author, Section: s.Section, Language: s.Language,
		Agencies:    nonNil(s.Agencies),
		Published:   formatTime(s.Published, s.HasTime),
		Detected:    Provenance(s.Provenance),
		Group:       s.Group,
		DuplicateOf: s.DuplicateOf,
		Similarity:  round3(s.Similarity),
		Words:       s.Words,
		Text:        s.Text,
		Paragraphs:  make([]Span, len(s.Paragraphs)),
		Sentences:   make([]Sentence, len(s.Sentences)),
		Removed:     make([]Removal, len(s.Removed)),
		Warnings:    s.Warnings,
	}
	for i, p := range s.Paragraphs {
		js.Paragraphs[i] = Span{p.Start, p.End}
	}
	for i, st := range s.Sentences {
		js.Sentences[i] = Sentence{Start: st.Start, End: st.End, Paragraph: st.Paragraph, Text: s.Text[st.Start:st.End]}
	}
	for i, r := range s.Removed {
		js.Removed[i] = Removal{Line: r.Line, Kind: r.Kind, Text: r.Text}
	}
	js.DroppedParagraphs = make([]Dropped, len(s.Dropped))
	for i, d := range s.Dropped {
		js.DroppedParagraphs[i] = Dropped{Reason: d.Reason, Of: d.Of, Similarity: round3(d.Similarity), Text: d.Text}
	}
	return js
}

func stats(c *summarize.Corpus) Stats {
	st := Stats{Sources: len(c.Sources), Independent: c.Independent(), Duplicates: c.Duplicates()}
	for _, g := range c.Groups {
		if len(g.Members) > 1 {
			st.SyndicatedGroups++
		}
	}
	for _, s := range c.Sources {
		st.Sentences += len(s.Sentences)
		st.Words += s.Words
		st.RemovedLines += len(s.Removed)
		st.DroppedParagraphs += len(s.Dropped)
	}
	for _, p := range c.Problems {
		if !p.Warning {
			st.Skipped++
		}
	}
	return st
}

// formatTime writes a date alone when the source gave no clock time, so
// that a date is never presented as midnight UTC.
func formatTime(t time.Time, hasTime bool) string {
	if t.IsZero() {
		return ""
	}
	if !hasTime {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

func round3(f float64) float64 {
	return float64(int64(f*1000+0.5)) / 1000
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// WriteJSON writes v as indented JSON.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
