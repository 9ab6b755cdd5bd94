// Package eval runs a summarizer over DUC-style document clusters and
// scores its summaries with ROUGE against the human references, so that a
// change to the summarizer can be measured against published DUC results.
//
// Clusters come as JSON lines, one cluster per line:
//
//	{"id":"D0701A","query":{"title":"...","narrative":"..."},
//	 "docs":[{"doc_id":"...","source":"APW","title":"...","date":"1999-06-12 15:10:11","text":"..."}],
//	 "references":["...", ...]}
//
// Fields other than these are ignored. A cluster without references is
// read but not scored.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
)

// Doc is one source document of a cluster.
type Doc struct {
	ID, Source, Title, Text string
	// Date is zero when the file gives none.
	Date time.Time
}

// Query is the DUC topic statement a query-focused summary answers.
type Query struct{ Title, Narrative string }

// Cluster is one summarization task: documents, the topic, and the human
// reference summaries the output is scored against.
type Cluster struct {
	ID         string
	Query      Query
	Docs       []Doc
	References []string
	// Line is the 1-based line of the input the cluster was read from.
	Line int
}

// LineError is a problem with one input line; reading goes on after it.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

type rawCluster struct {
	ID    string `json:"id"`
	Query struct {
		Title     string `json:"title"`
		Narrative string `json:"narrative"`
	} `json:"query"`
	Docs       []rawDoc `json:"docs"`
	References []string `json:"references"`
}

type rawDoc struct {
	DocID  string `json:"doc_id"`
	Source string `json:"source"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Text   string `json:"text"`
}

// ReadClusters reads JSON lines from r; name is used in error messages.
// A bad line yields a *LineError naming name:line and does not stop the
// others from being read, so one broken cluster costs one cluster, not the
// run. Only a read error from r ends reading early. Lines of any length
// are accepted: a cluster with fifty full articles runs to megabytes.
func ReadClusters(r io.Reader, name string) ([]Cluster, []error) {
	var (
		clusters []Cluster
		errs     []error
		firstOn  = map[string]int{}
	)
	br := bufio.NewReaderSize(r, 1<<20)
	for lineNo := 1; ; lineNo++ {
		line, readErr := br.ReadBytes('\n')
		if readErr != nil && readErr != io.EOF {
			// The line was cut short by the failure, not by its author;
			// reporting it as bad JSON would blame the file.
			errs = append(errs, fmt.Errorf("%s:%d: reading: %w", name, lineNo, readErr))
			break
		}
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(line)) > 0 {
			c, err := parseCluster(line)
			if err == nil {
				if first, dup := firstOn[c.ID]; dup {
					err = fmt.Errorf("duplicate cluster id %q (first on line %d)", c.ID, first)
				}
			}
			if err != nil {
				errs = append(errs, &LineError{File: name, Line: lineNo, Err: err})
			} else {
				c.Line = lineNo
				firstOn[c.ID] = lineNo
				clusters = append(clusters, c)
			}
		}
		if readErr == io.EOF {
			break
		}
	}
	return clusters, errs
}

func parseCluster(line []byte) (Cluster, error) {
	var raw rawCluster
	if err := json.Unmarshal(line, &raw); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return Cluster{}, fmt.Errorf("invalid JSON at byte %d: %v", syn.Offset, err)
		}
		return Cluster{}, err
	}
	c := Cluster{
		ID:    strings.TrimSpace(raw.ID),
		Query: Query{Title: strings.TrimSpace(raw.Query.Title), Narrative: strings.TrimSpace(raw.Query.Narrative)},
	}
	if c.ID == "" {
		return Cluster{}, errors.New(`missing "id"`)
	}
	for i, d := range raw.Docs {
		date, err := docDate(d.Date, d.DocID)
		if err != nil {
			id := d.DocID
			if id == "" {
				id = fmt.Sprintf("#%d", i+1)
			}
			return Cluster{}, fmt.Errorf("document %s: %w", id, err)
		}
		c.Docs = append(c.Docs, Doc{ID: d.DocID, Source: d.Source, Title: d.Title, Text: d.Text, Date: date})
	}
	// A blank reference is a hole in the data, not a summary; scoring
	// against it would only add the peer's length to the precision
	// denominator.
	for _, ref := range raw.References {
		if strings.TrimSpace(ref) != "" {
			c.References = append(c.References, ref)
		}
	}
	return c, nil
}

// dateLayouts are the forms found in DUC 2005-2007 document headers
// (NYT and XIE use ISO dates, APW in some years US month/day order)
// plus RFC 3339 for data converted by other tools.
var dateLayouts = []string{
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"01/02/2006 15:04:05",
	"01/02/2006 15:04",
	"01/02/2006",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"20060102",
}

// idDate matches the date that TREC/AQUAINT document ids carry, as in
// APW19980625.0941.
var idDate = regexp.MustCompile(`^[A-Z_]{3,}(\d{8})\.\d+`)

// docDate reads a document's date as UTC (the files give no zone, and
// only the order of a cluster's documents matters). The header date is
// checked against the date in the document id because the DUC 2007 files
// have APW headers of June 1998 with day and month swapped: "1998-25-06"
// does not parse, and "1998-01-06", meant as 1 June, parses as 6 January.
// A header that disagrees with the id by more than two days but agrees
// once day and month are swapped is read swapped; a header that cannot be
// read gives way to the id. Small disagreements are left alone: agencies
// date some stories a day before their ids.
func docDate(s, docID string) (time.Time, error) {
	s = strings.TrimSpace(s)
	var fromID time.Time
	if m := idDate.FindStringSubmatch(docID); m != nil {
		fromID, _ = time.Parse("20060102", m[1])
	}
	t, ok := parseDate(s)
	if fromID.IsZero() {
		if !ok && s != "" {
			return time.Time{}, fmt.Errorf("unrecognised date %q", s)
		}
		return t, nil
	}
	if ok && near(t, fromID) {
		return t, nil
	}
	if sw, swOK := parseDate(swapDayMonth(s)); swOK && near(sw, fromID) {
		return sw, nil
	}
	if ok {
		return t, nil
	}
	return fromID, nil
}

func parseDate(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// swapDayMonth turns "YYYY-AA-BB..." into "YYYY-BB-AA..."; other forms
// come back unchanged.
func swapDayMonth(s string) string {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return s
	}
	return s[:5] + s[8:10] + "-" + s[5:7] + s[10:]
}

func near(a, b time.Time) bool {
	d := a.Sub(b)
	return d > -72*time.Hour && d < 72*time.Hour
}

// FocusFields are the values FocusText accepts.
var FocusFields = []string{"query", "title", "narrative"}

// FocusText returns the part of the cluster's query used as the focus of a
// query-focused summary: "query" (title and narrative), "title" or
// "narrative".
func FocusText(c Cluster, field string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(field)) {
	case "query":
		t, n := c.Query.Title, c.Query.Narrative
		switch {
		case t == "":
			return n, nil
		case n == "":
			return t, nil
		case strings.ContainsAny(t[len(t)-1:], ".?!"):
			// A title that is already a sentence ("Why did X happen?")
			// must not become "Why did X happen?. Describe...".
			return t + " " + n, nil
		}
		return t + ". " + n, nil
	case "title":
		return c.Query.Title, nil
	case "narrative":
		return c.Query.Narrative, nil
	}
	return "", fmt.Errorf("unknown focus field %q (want one of %s)", field, strings.Join(FocusFields, ", "))
}
