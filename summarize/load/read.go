package load

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

const (
	// A batch is the unit of parallel record decoding: big enough that
	// scheduling costs nothing, small enough that the look-ahead of
	// 2×Workers batches stays a few megabytes.
	recordBatch      = 64
	recordBatchBytes = 256 << 10
	streamBufSize    = 64 << 10
)

var errNoText = errors.New("no text found")

func emptyError(src source) error {
	switch src.kind {
	case srcURL:
		return errors.New("response is empty")
	case srcStdin:
		return errors.New("standard input is empty")
	}
	return errEmpty
}

func (l *loader) limitFor(k kind) int64 {
	if k == kindFeed {
		return l.opts.FeedMaxBytes
	}
	return l.opts.MaxBytes
}

// dispatchFile runs in the dispatcher. Files that may be JSON containers
// (or whose type is unknown) are opened here, since a container is cut
// into record batches as it is read; the rest go whole to a worker.
func (l *loader) dispatchFile(d *dispatcher, src source) bool {
	fi, err := os.Stat(src.name)
	if err != nil {
		return d.now(errItem(src.name, fileError(err)))
	}
	size := int64(-1)
	if fi.Mode().IsRegular() {
		size = fi.Size()
		if size == 0 {
			return d.now(errItem(src.name, errEmpty))
		}
	}
	k := kindByExt(filepath.Ext(src.name))
	switch k {
	case kindJSON, kindJSONL, kindUnknown:
		f, err := os.Open(src.name)
		if err != nil {
			return d.now(errItem(src.name, fileError(err)))
		}
		return l.readStream(d, src, f, k, size)
	}
	limit := l.limitFor(k)
	if size > limit {
		return d.now(errItem(src.name, tooLarge("file", size, limit)))
	}
	return d.run(src.name, func() []item { return l.readFile(d.ctx, src, k, limit) })
}

func (l *loader) readFile(ctx context.Context, src source, k kind, limit int64) []item {
	f, err := os.Open(src.name)
	if err != nil {
		return []item{errItem(src.name, fileError(err))}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return []item{errItem(src.name, fileError(err))}
	}
	if int64(len(data)) > limit {
		return []item{errItem(src.name, overLimit("file", limit))}
	}
	return l.process(ctx, blob{data: data, src: src, kind: k})
}

// readStream runs in the dispatcher for stdin and for files that may hold
// many records. It sniffs what r holds; records are cut out here and
// decoded by workers, anything else is read whole and handed on.
func (l *loader) readStream(d *dispatcher, src source, r io.ReadCloser, k kind, size int64) bool {
	defer r.Close()
	br := bufio.NewReaderSize(r, streamBufSize)
	head, err := peek(br)
	if err != nil {
		return d.now(errItem(src.name, fileError(err)))
	}
	var warn string
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		_, _ = br.Discard(len(bomUTF8))
	case bytes.HasPrefix(head, bomUTF16LE), bytes.HasPrefix(head, bomUTF16BE):
		name := "utf-16le"
		if bytes.HasPrefix(head, bomUTF16BE) {
			name = "utf-16be"
		}
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), streamBufSize)
		warn = decodedWarning(name)
	}
	if head, err = peek(br); err != nil {
		return d.now(errItem(src.name, fileError(err)))
	}
	if name, bin := binaryKind(head); bin {
		return d.now(errItem(src.name, binaryError(name)))
	}
	if len(head) < sniffLen && isBlank(head) {
		return d.now(errItem(src.name, emptyError(src)))
	}
	switch {
	case k == kindUnknown:
		k = sniffKind(head)
	case k == kindJSON && isJSONFeed(head):
		k = kindFeed
	}

	if k != kindJSON && k != kindJSONL {
		limit := l.limitFor(k)
		if size > limit {
			return d.now(errItem(src.name, tooLarge("file", size, limit)))
		}
		data, err := io.ReadAll(io.LimitReader(br, limit+1))
		if err != nil {
			return d.now(errItem(src.name, fileError(err)))
		}
		if int64(len(data)) > limit {
			return d.now(errItem(src.name, overLimit(sizeSubject(src), limit)))
		}
		return d.run(src.name, func() []item {
			return l.process(d.ctx, blob{data: data, src: src, kind: k, warn: warn})
		})
	}

	sc, err := newRecordScanner(br, k, l.recordLimit())
	if err != nil {
		return d.now(errItem(src.name, err))
	}
	rs := l.recordSource(src, warn)
	var batch []rawRecord
	batchBytes, n := 0, 0
	flush := func() bool {
		if len(batch) == 0 {
			return true
		}
		b := batch
		batch, batchBytes = nil, 0
		return d.run(src.name, func() []item {
			items := make([]item, 0, len(b))
			for _, rec := range b {
				if d.ctx.Err() != nil {
					break
				}
				items = append(items, decodeRecord(rs, rec))
			}
			return items
		})
	}
	for {
		rec, err := sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return flush() && d.now(scanFailure(src.name, err))
		}
		n++
		batch = append(batch, rec)
		batchBytes += len(rec.data)
		if len(batch) >= recordBatch || batchBytes >= recordBatchBytes {
			if !flush() {
				return false
			}
		}
	}
	if !flush() {
		return false
	}
	if n == 0 {
		return d.now(errItem(src.name, noRecords(sc, src)))
	}
	return true
}

// noRecords tells an empty container ("[]") from input that held nothing
// but blank space beyond the sniffed start.
func noRecords(sc recordScanner, src source) error {
	if vs, ok := sc.(*valueScanner); ok && vs.inArray {
		return errNoRecords
	}
	return emptyError(src)
}

func sizeSubject(src source) string {
	switch src.kind {
	case srcStdin:
		return "standard input"
	case srcURL:
		return "response"
	}
	return "file"
}

// peek returns up to sniffLen bytes without consuming them.
func peek(br *bufio.Reader) ([]byte, error) {
	head, err := br.Peek(sniffLen)
	if err == io.EOF || err == bufio.ErrBufferFull {
		err = nil
	}
	return head, err
}

// blob is a whole input in memory, ready to be turned into documents.
type blob struct {
	data  []byte
	src   source
	kind  kind   // kindUnknown: sniff
	url   string // where it was fetched from, after redirects
	ctype string // the HTTP Content-Type, for its charset
	warn  string // an encoding warning from reading it
}

func (l *loader) process(ctx context.Context, b blob) []item {
	name := b.src.name
	data, warn := stripBOM(b.data)
	if warn == "" {
		warn = b.warn
	}
	if kindName, bin := binaryKind(data[:min(len(data), sniffLen)]); bin {
		return []item{errItem(name, binaryError(kindName))}
	}
	if isBlank(data) {
		return []item{errItem(name, emptyError(b.src))}
	}
	k := b.kind
	if k == kindUnknown {
		k = sniffKind(data[:min(len(data), sniffLen)])
	}
	switch k {
	case kindFeed:
		return l.readFeed(ctx, b.src, data, warn, b.url, b.ctype)
	case kindJSON, kindJSONL:
		rs := l.recordSource(b.src, warn)
		return decodeAll(ctx, rs, bufio.NewReader(bytes.NewReader(data)), k, l.recordLimit())
	}

	data, w := toUTF8(data, k, b.ctype)
	if w != "" {
		warn = w
	}
	if k == kindHTML {
		if err := l.checkDepth(k, data); err != nil {
			return []item{errItem(name, err)}
		}
	} else if err := l.checkLines(data); err != nil {
		return []item{errItem(name, err)}
	}
	d := Document{ID: b.src.id, Input: b.src.input, Origin: name, URL: b.url}
	switch k {
	case kindHTML:
		p, err := extractHTML(data, b.url)
		if err != nil {
			return []item{errItem(name, err)}
		}
		d.Format, d.Text, d.Meta = FormatHTML, p.text, p.meta
		fill(&d.URL, p.url)
	case kindMarkdown:
		md := parseMarkdown(string(data))
		d.Format, d.Text, d.Meta = FormatMarkdown, md.text, md.meta
		fill(&d.URL, md.url)
		d.Warnings = md.warnings
	default:
		d.Format, d.Text = FormatText, plainText(string(data))
	}
	if d.Text == "" {
		return []item{errItem(name, errNoText)}
	}
	if warn != "" {
		d.Warnings = append([]string{warn}, d.Warnings...)
	}
	return []item{docItem(d)}
}
