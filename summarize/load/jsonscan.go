package load

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// rawRecord is one JSON value cut from a container, not yet decoded.
type rawRecord struct {
	line int    // where the value starts, 1-based
	num  int    // 1-based position among the container's records
	data []byte // nil when err is set
	err  error  // the value could not be cut out (too long)
}

// lineScanner reads JSON lines. A line over the limit is skipped without
// being held in memory, and reported on its own.
type lineScanner struct {
	r     *bufio.Reader
	limit recordLimit
	line  int
	num   int
}

// next returns the next non-blank line; io.EOF at the end.
func (s *lineScanner) next() (rawRecord, error) {
	for {
		var buf, chunk []byte
		var size int64
		tooLong := false
		var err error
		for {
			chunk, err = s.r.ReadSlice('\n')
			size += int64(len(chunk))
			if !tooLong {
				if size-int64(trailingNewline(chunk)) > s.limit.max() {
					tooLong, buf = true, nil
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return rawRecord{}, err
		}
		if size == 0 && err == io.EOF {
			return rawRecord{}, io.EOF
		}
		s.line++
		if tooLong {
			s.num++
			size -= int64(trailingNewline(chunk))
			// Name the limit that was hit, so the user raises the right one.
			err := tooLarge("line", size, s.limit.record)
			if s.limit.line > 0 && s.limit.line < s.limit.record {
				err = lineTooLong(size, s.limit.line)
			}
			return rawRecord{line: s.line, num: s.num, err: err}, nil
		}
		if trimmed := bytes.TrimSpace(buf); len(trimmed) > 0 {
			s.num++
			return rawRecord{line: s.line, num: s.num, data: trimmed}, nil
		}
		if err == io.EOF {
			return rawRecord{}, io.EOF
		}
	}
}

// max is the longest line a JSON-lines record may have.
func (r recordLimit) max() int64 {
	if r.line > 0 && r.line < r.record {
		return r.line
	}
	return r.record
}

func trailingNewline(chunk []byte) int {
	n := 0
	if bytes.HasSuffix(chunk, []byte("\n")) {
		n++
		if bytes.HasSuffix(chunk, []byte("\r\n")) {
			n++
		}
	}
	return n
}

// valueScanner cuts top-level JSON values out of a stream without decoding
// them: either the elements of one top-level array, or values that simply
// follow each other (one object, or objects spread over several lines).
// It only tracks strings and nesting; each value is validated when it is
// decoded, which happens in parallel.
type valueScanner struct {
	r       *bufio.Reader
	limit   int64
	line    int // current line, 1-based
	num     int
	inArray bool // inside the top-level array: values are separated by commas
	started bool
	done    bool
}

var errJSONEnd = errors.New("unexpected end of file")

func newValueScanner(r *bufio.Reader, limit int64) *valueScanner {
	return &valueScanner{r: r, limit: limit, line: 1}
}

func (s *valueScanner) readByte() (byte, error) {
	c, err := s.r.ReadByte()
	if err == nil && c == '\n' {
		s.line++
	}
	return c, err
}

func (s *valueScanner) unread(c byte) {
	_ = s.r.UnreadByte()
	if c == '\n' {
		s.line--
	}
}

func (s *valueScanner) skipSpace() (byte, error) {
	for {
		c, err := s.readByte()
		if err != nil {
			return 0, err
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c, nil
		}
	}
}

// next returns the next value; io.EOF after the last. A syntax error in
// the container itself (not inside a value) ends the scan: after it there
// is no telling where the next value starts.
func (s *valueScanner) next() (rawRecord, error) {
	if s.done {
		return rawRecord{}, io.EOF
	}
	c, err := s.skipSpace()
	if !s.started {
		s.started = true
		if err == nil && c == '[' {
			s.inArray = true
			c, err = s.skipSpace()
			if err == nil && c == ']' {
				return rawRecord{}, s.finish()
			}
		}
	} else if s.inArray {
		switch {
		case err != nil:
			return rawRecord{}, s.fail(errJSONEnd)
		case c == ']':
			return rawRecord{}, s.finish()
		case c != ',':
			return rawRecord{}, s.fail(fmt.Errorf("expected ',' or ']' after array element, found %q", c))
		}
		c, err = s.skipSpace()
	}
	if err == io.EOF {
		if s.inArray {
			return rawRecord{}, s.fail(errJSONEnd)
		}
		s.done = true
		return rawRecord{}, io.EOF
	}
	if err != nil {
		return rawRecord{}, err
	}
	return s.value(c)
}

// value reads one value whose first byte is c.
func (s *valueScanner) value(c byte) (rawRecord, error) {
	rec := rawRecord{line: s.line}
	s.num++
	rec.num = s.num
	var buf bytes.Buffer
	var size int64
	keep := func(b byte) {
		size++
		if size <= s.limit {
			buf.WriteByte(b)
		}
	}
	depth := 0
	var str jsonString
	for {
		if str.in {
			str.step(c)
			keep(c)
			if !str.in && depth == 0 {
				return s.cut(rec, buf.Bytes(), size)
			}
		} else {
			switch c {
			case '"':
				str.in = true
			case '{', '[':
				depth++
			case '}', ']', ',', ' ', '\t', '\n', '\r':
				if depth > 0 {
					if c == '}' || c == ']' {
						depth--
					}
					break
				}
				if size == 0 {
					return rawRecord{}, s.fail(fmt.Errorf("unexpected %q", c))
				}
				// The end of a bare scalar: leave the delimiter for next.
				s.unread(c)
				return s.cut(rec, buf.Bytes(), size)
			}
			keep(c)
			if depth == 0 && (c == '}' || c == ']') {
				return s.cut(rec, buf.Bytes(), size)
			}
		}
		var err error
		c, err = s.readByte()
		if err == io.EOF {
			if depth == 0 && !str.in && !s.inArray {
				return s.cut(rec, buf.Bytes(), size)
			}
			return rawRecord{}, s.fail(errJSONEnd)
		}
		if err != nil {
			return rawRecord{}, err
		}
	}
}

// jsonString follows a scan through JSON string literals, so that the
// brackets and quotes inside one are not taken for structure.
type jsonString struct{ in, escaped bool }

// step takes one byte inside a string, after its opening quote; at the
// closing quote, in turns false.
func (s *jsonString) step(c byte) {
	switch {
	case s.escaped:
		s.escaped = false
	case c == '\\':
		s.escaped = true
	case c == '"':
		s.in = false
	}
}

func (s *valueScanner) cut(rec rawRecord, data []byte, size int64) (rawRecord, error) {
	if size > s.limit {
		rec.err = tooLarge("record", size, s.limit)
		return rec, nil
	}
	rec.data = data
	return rec, nil
}

// finish checks that nothing but whitespace follows the top-level array.
func (s *valueScanner) finish() error {
	s.done = true
	c, err := s.skipSpace()
	if err == io.EOF {
		return io.EOF
	}
	if err != nil {
		return err
	}
	return &scanError{line: s.line, err: fmt.Errorf("unexpected %q after the top-level array", c)}
}

func (s *valueScanner) fail(err error) error {
	s.done = true
	return &scanError{line: s.line, err: err}
}

// scanError is a broken container: the rest of the file is unreadable.
type scanError struct {
	line int
	err  error
}

func (e *scanError) Error() string { return "invalid JSON: " + e.err.Error() }
func (e *scanError) Unwrap() error { return e.err }
