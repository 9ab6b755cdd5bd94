package load

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// recordScanner yields the raw records of a JSON container in order.
type recordScanner interface {
	next() (rawRecord, error)
}

// newRecordScanner picks how to cut records out of br. JSON lines are read
// line by line, so one broken line cannot swallow the next; a top-level
// array, or an object spread over several lines, is cut by nesting.
func newRecordScanner(br *bufio.Reader, k kind, limit recordLimit) (recordScanner, error) {
	if k == kindJSONL {
		return &lineScanner{r: br, limit: limit}, nil
	}
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	head = bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(head) == 0:
		return &lineScanner{r: br, limit: limit}, nil
	case head[0] == '[':
		return newValueScanner(br, limit.record), nil
	case head[0] == '{':
		first, _, _ := bytes.Cut(head, []byte("\n"))
		if json.Valid(first) {
			return &lineScanner{r: br, limit: limit}, nil
		}
		return newValueScanner(br, limit.record), nil
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	var v any
	if err := json.Unmarshal(first, &v); err != nil {
		return nil, fmt.Errorf("invalid JSON: %v", err)
	}
	return nil, errors.New("invalid JSON: expected an object, an array of objects, or one object per line")
}

// recordSource is what decoding a record needs to know about its container.
type recordSource struct {
	input  string
	name   string // path, URL or "stdin"
	fileID string
	warn   string // a warning that applies to every record (UTF-16 input)
	// maxDepth and maxLine are the loader's limits, checked per record.
	maxDepth int
	maxLine  int64
}

func (l *loader) recordSource(src source, warn string) recordSource {
	return recordSource{input: src.input, name: src.name, fileID: src.id, warn: warn,
		maxDepth: l.opts.MaxDepth, maxLine: l.opts.MaxLineBytes}
}

// recordLimit is the most one record may take: it is one article, and in
// JSON lines also one line.
type recordLimit struct {
	record, line int64
}

func (l *loader) recordLimit() recordLimit {
	return recordLimit{record: l.opts.MaxBytes, line: l.opts.MaxLineBytes}
}

// record holds the fields an article record may use. encoding/json matches
// keys case-insensitively, which is what exports from different tools
// need ("Title", "title", "TITLE"); when a record repeats a key in
// different cases the last one wins. Fields are "any" because exports
// disagree on types: ids are numbers or strings, outlets strings or
// objects, authors strings or arrays, dates strings or Unix numbers.
type record struct {
	ID            any `json:"id"`
	Title         any `json:"title"`
	Headline      any `json:"headline"`
	Outlet        any `json:"outlet"`
	Source        any `json:"source"`
	Site          any `json:"site"`
	Publisher     any `json:"publisher"`
	URL           any `json:"url"`
	Link          any `json:"link"`
	Published     any `json:"published"`
	Date          any `json:"date"`
	PublishedAt   any `json:"published_at"`
	PubDate       any `json:"pubdate"`
	DatePublished any `json:"datepublished"`
	Author        any `json:"author"`
	Byline        any `json:"byline"`
	Authors       any `json:"authors"`
	Language      any `json:"language"`
	Lang          any `json:"lang"`
	Description   any `json:"description"`
	Summary       any `json:"summary"`
	Text          any `json:"text"`
	Content       any `json:"content"`
	Body          any `json:"body"`
	Article       any `json:"article"`
	HTML          any `json:"html"`
}

// decodeRecord turns one JSON object into a document. Records are decoded
// in batches, so a panic is caught here, where it costs one record.
func decodeRecord(rs recordSource, rec rawRecord) (it item) {
	where := fmt.Sprintf("%s:%d", rs.name, rec.line)
	defer func() {
		if r := recover(); r != nil {
			it = errItem(where, fmt.Errorf("internal error while reading: %v", r))
		}
	}()
	if rec.err != nil {
		return errItem(where, rec.err)
	}
	data := rec.data
	var warnings []string
	if rs.warn != "" {
		warnings = append(warnings, rs.warn)
	}
	if !utf8.Valid(data) {
		data, _ = charmap.Windows1252.NewDecoder().Bytes(data)
		warnings = append(warnings, decodedWarning("windows-1252"))
	}
	if rs.maxDepth > 0 && jsonTooDeep(data, rs.maxDepth) {
		return errItem(where, tooDeep("record", rs.maxDepth))
	}
	if len(data) == 0 || data[0] != '{' {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			return errItem(where, fmt.Errorf("invalid JSON: %v", err))
		}
		return errItem(where, errors.New("record is not a JSON object"))
	}
	var r record
	dec := json.NewDecoder(bytes.NewReader(data))
	// Numbers stay literal: ids must not turn into floats.
	dec.UseNumber()
	if err := dec.Decode(&r); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return errItem(where, fmt.Errorf("invalid JSON: %v", jsonReason(err)))
	}
	if dec.More() {
		return errItem(where, errors.New("invalid JSON: unexpected data after the object"))
	}

	d := Document{
		ID:     scalarOf(r.ID),
		Input:  rs.input,
		Origin: where,
		URL:    firstScalar(r.URL, r.Link),
		Format: FormatJSON,
		Meta: Meta{
			Title:       oneLine(firstScalar(r.Title, r.Headline)),
			Outlet:      oneLine(firstName(r.Outlet, r.Source, r.Site, r.Publisher)),
			Author:      oneLine(firstName(r.Author, r.Byline, r.Authors)),
			Language:    firstScalar(r.Language, r.Lang),
			Description: oneLine(firstScalar(r.Description, r.Summary)),
		},
	}
	if d.ID == "" {
		d.ID = fmt.Sprintf("%s#%d", rs.fileID, rec.num)
	}
	if t, ok, bad := firstDate(r.Published, r.Date, r.PublishedAt, r.PubDate, r.DatePublished); ok {
		d.Meta.Published = t
	} else if bad != "" {
		warnings = append(warnings, fmt.Sprintf("date %q not understood", bad))
	}

	var present string
	for i, v := range []any{r.Text, r.Content, r.Body, r.Article} {
		if v == nil {
			continue
		}
		if present == "" {
			present = []string{"text", "content", "body", "article"}[i]
		}
		s := textOf(v)
		if strings.TrimSpace(s) == "" {
			continue
		}
		if looksLikeMarkup(s) {
			if err := checkHTML([]byte(s), htmlDepthLimit(rs.maxDepth), "record's HTML"); err != nil {
				return errItem(where, err)
			}
			d.Text = htmlFragmentText(s)
		} else {
			if rs.maxLine > 0 {
				if n := longestLine([]byte(s), rs.maxLine); n > rs.maxLine {
					return errItem(where, lineTooLong(n, rs.maxLine))
				}
			}
			d.Text = plainText(s)
		}
		if d.Text != "" {
			break
		}
	}
	if d.Text == "" {
		if h := scalarOf(r.HTML); h != "" {
			if err := checkHTML([]byte(h), htmlDepthLimit(rs.maxDepth), "record's HTML"); err != nil {
				return errItem(where, err)
			}
			p, err := extractHTML([]byte(h), d.URL)
			if err != nil {
				return errItem(where, err)
			}
			d.Text = p.text
			d.Format = FormatHTML
			fill(&d.URL, p.url)
			fillMeta(&d.Meta, p.meta)
		} else if r.HTML != nil && present == "" {
			present = "html"
		}
	}
	if d.Text == "" {
		if present == "" {
			return errItem(where, errors.New(`record has no "text", "content" or "html" field`))
		}
		return errItem(where, fmt.Errorf("record's %q field is empty", present))
	}
	d.Warnings = warnings
	return docItem(d)
}

// jsonReason words a decoding error the way json.Unmarshal would: the
// Decoder reports a record cut short as a bare EOF.
func jsonReason(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of JSON input"
	}
	return err.Error()
}

// scalarOf reads a string or a number.
func scalarOf(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case json.Number:
		return v.String()
	}
	return ""
}

func firstScalar(vs ...any) string {
	for _, v := range vs {
		if s := scalarOf(v); s != "" {
			return s
		}
	}
	return ""
}

// nameOf reads a person or an organisation: a string, an object with a
// name or title, or an array of either.
func nameOf(v any) string {
	switch v := v.(type) {
	case map[string]any:
		var name, title string
		for k, val := range v {
			switch strings.ToLower(k) {
			case "name":
				name = scalarOf(val)
			case "title":
				title = scalarOf(val)
			}
		}
		if name != "" {
			return name
		}
		return title
	case []any:
		var names []string
		for _, e := range v {
			if s := nameOf(e); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return scalarOf(v)
}

func firstName(vs ...any) string {
	for _, v := range vs {
		if s := nameOf(v); s != "" {
			return s
		}
	}
	return ""
}

// firstDate returns the first date found; bad is the first value present
// but not understood, for a warning.
func firstDate(vs ...any) (t time.Time, ok bool, bad string) {
	for _, v := range vs {
		s := scalarOf(v)
		if s == "" {
			continue
		}
		if t, ok := parseDate(s); ok {
			return t, true, ""
		}
		if bad == "" {
			bad = s
		}
	}
	return time.Time{}, false, bad
}

// textOf reads an article body: a string, or an array of paragraphs.
func textOf(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		var parts []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "\n\n")
	}
	return ""
}

// decodeAll reads every record from r in the calling goroutine; used for
// containers that are already in memory (a fetched body).
func decodeAll(ctx context.Context, rs recordSource, br *bufio.Reader, k kind, limit recordLimit) []item {
	sc, err := newRecordScanner(br, k, limit)
	if err != nil {
		return []item{errItem(rs.name, err)}
	}
	var items []item
	for ctx.Err() == nil {
		rec, err := sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			items = append(items, scanFailure(rs.name, err))
			break
		}
		items = append(items, decodeRecord(rs, rec))
	}
	if len(items) == 0 {
		if vs, ok := sc.(*valueScanner); !ok || !vs.inArray {
			return []item{errItem(rs.name, errEmpty)}
		}
		return []item{errItem(rs.name, errNoRecords)}
	}
	return items
}

var errNoRecords = errors.New("no records found")

func scanFailure(name string, err error) item {
	var se *scanError
	if errors.As(err, &se) {
		return errItem(fmt.Sprintf("%s:%d", name, se.line), err)
	}
	return errItem(name, err)
}
