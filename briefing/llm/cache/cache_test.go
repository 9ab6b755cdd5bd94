package cache

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/brieftool/brief/briefing/llm"
)

func openTemp(t *testing.T) *Cache {
	t.Helper()
	c, err := Open(filepath.Join(t.TempDir(), "llm.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestPutGet(t *testing.T) {
	c := openTemp(t)
	tests := []struct {
		key string
		a   llm.Answer
	}{
		{Key("a"), llm.Answer{Content: `{"sentences":[]}`, FinishReason: "stop", Model: "gpt-4o-mini-2024-07-18", PromptTokens: 1200, CompletionTokens: 340}},
		{Key("b"), llm.Answer{Content: "x"}},
		// Cached is how an answer was obtained, not part of it.
		{Key("c"), llm.Answer{Content: "y", FinishReason: "stop", Cached: true}},
		{Key("unicode"), llm.Answer{Content: "Zürich — 東京 \u2028 \"quoted\"\n", FinishReason: "stop"}},
	}
	for _, tt := range tests {
		if err := c.Put(tt.key, tt.a); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range tests {
		got, ok := c.Get(tt.key)
		want := tt.a
		want.Cached = false
		if !ok || got != want {
			t.Errorf("Get(%s) = %+v, %v; want %+v, true", tt.key[:8], got, ok, want)
		}
	}
	if got, ok := c.Get(Key("missing")); ok {
		t.Errorf("Get(missing) = %+v, true; want a miss", got)
	}

	// A later Put replaces the entry.
	if err := c.Put(Key("a"), llm.Answer{Content: "new"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Get(Key("a")); got.Content != "new" {
		t.Errorf("after a second Put, Content = %q, want %q", got.Content, "new")
	}
}

func TestPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "llm.db")
	c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := llm.Answer{Content: "kept", FinishReason: "stop"}
	if err := c.Put(Key("k"), a); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got, ok := c.Get(Key("k")); !ok || got != a {
		t.Errorf("after reopening, Get = %+v, %v; want %+v, true", got, ok, a)
	}
}

func TestUnreadableEntryIsMiss(t *testing.T) {
	c := openTemp(t)
	raw := map[string]string{
		"junk":       "\x00\xffnot json",
		"truncated":  `{"content":"abc`,
		"wrong type": `{"content":42}`,
		"no content": `{"finish_reason":"stop"}`,
		"array":      `[1,2,3]`,
	}
	err := c.db.Update(func(tx *bolt.Tx) error {
		for k, v := range raw {
			if err := tx.Bucket(bucket).Put([]byte(k), []byte(v)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k := range raw {
		if got, ok := c.Get(k); ok {
			t.Errorf("Get(%q) = %+v, true; want a miss", k, got)
		}
	}
}

func TestOtherVersionBucketIsMiss(t *testing.T) {
	c := openTemp(t)
	v, _ := json.Marshal(entry{Content: "from an older brief"})
	err := c.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("answers.v0"))
		if err != nil {
			return err
		}
		return b.Put([]byte(Key("k")), v)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(Key("k")); ok {
		t.Errorf("Get read another format's bucket: %+v", got)
	}
}

func TestClosedCacheMisses(t *testing.T) {
	c := openTemp(t)
	if err := c.Put(Key("k"), llm.Answer{Content: "x"}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if _, ok := c.Get(Key("k")); ok {
		t.Error("Get on a closed cache hit")
	}
	if err := c.Put(Key("k"), llm.Answer{Content: "x"}); err == nil {
		t.Error("Put on a closed cache: no error")
	}
}

func TestPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permission bits")
	}
	root := t.TempDir()
	dir := filepath.Join(root, "cache", "brief")
	path := filepath.Join(dir, "llm.db")
	c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, tt := range []struct {
		path string
		want os.FileMode
	}{
		{path, 0o600},
		{dir, 0o700 | os.ModeDir},
		{filepath.Dir(dir), 0o700 | os.ModeDir},
	} {
		fi, err := os.Stat(tt.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode(); got != tt.want {
			t.Errorf("%s: mode %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestOpenHeldFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "llm.db")
	first, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()

	// bbolt's lock is flock(2), held by the open file description, so a
	// second Open in this process meets it as another process would.
	start := time.Now()
	second, err := Open(path)
	took := time.Since(start)
	if err == nil {
		second.Close()
		t.Fatal("second Open of a held cache succeeded")
	}
	if !strings.Contains(err.Error(), "in use") || !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not say the cache at %s is in use", err, path)
	}
	if took > 2*time.Second {
		t.Errorf("second Open took %v, want about %v", took, lockWait)
	}

	// Once the holder lets go, the cache opens again.
	first.Close()
	third, err := Open(path)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	third.Close()
}

func TestOpenNotACache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "llm.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("not a bolt file\n", 512)), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Open(path)
	if err == nil {
		c.Close()
		t.Fatal("Open of a non-cache file succeeded")
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
}

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG_CACHE_HOME is read on Linux")
	}
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	got, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "brief", "llm.db"); got != want {
		t.Errorf("DefaultPath() = %q, want %q", got, want)
	}
}

func TestKey(t *testing.T) {
	distinct := [][]string{
		{},
		{""},
		{"", ""},
		{"ab", "c"},
		{"a", "bc"},
		{"abc"},
		{"a", ""},
		{"a"},
		{"", "a"},
		// A part that looks like a length prefix must not forge a split.
		{"a\x00\x00\x00\x00\x00\x00\x00\x01b"},
		{"a", "b"},
	}
	seen := map[string][]string{}
	for _, parts := range distinct {
		k := Key(parts...)
		if len(k) != 64 || strings.Trim(k, "0123456789abcdef") != "" {
			t.Errorf("Key(%q) = %q, want 64 hex digits", parts, k)
		}
		if other, dup := seen[k]; dup {
			t.Errorf("Key(%q) == Key(%q)", parts, other)
		}
		seen[k] = parts
		if again := Key(parts...); again != k {
			t.Errorf("Key(%q) not stable: %s, then %s", parts, k, again)
		}
	}
}

// fakeClient answers every call with answer or err and counts the calls.
type fakeClient struct {
	answer llm.Answer
	err    error
	calls  atomic.Int32
}

func (f *fakeClient) Complete(ctx context.Context, c llm.Call) (llm.Answer, error) {
	f.calls.Add(1)
	if f.err != nil {
		return llm.Answer{}, f.err
	}
	a := f.answer
	a.Content += " for " + c.User
	return a, nil
}

type namedFake struct{ fakeClient }

func (*namedFake) Name() string { return "openai" }

func TestWrapHit(t *testing.T) {
	c := openTemp(t)
	inner := &fakeClient{answer: llm.Answer{Content: "answer", FinishReason: "stop", Model: "m", PromptTokens: 10, CompletionTokens: 5}}
	w := Wrap(inner, c, "scope")
	call := llm.Call{Stage: "briefing", System: "sys", User: "user", Schema: json.RawMessage(`{"type":"object"}`), SchemaName: "briefing", MaxTokens: 1000}
	ctx := t.Context()

	first, err := w.Complete(ctx, call)
	if err != nil {
		t.Fatal(err)
	}
	if first.Cached {
		t.Error("first answer marked Cached")
	}
	second, err := w.Complete(ctx, call)
	if err != nil {
		t.Fatal(err)
	}
	if n := inner.calls.Load(); n != 1 {
		t.Errorf("inner called %d times, want 1: the second call should be a hit", n)
	}
	if !second.Cached {
		t.Error("second answer not marked Cached")
	}
	second.Cached = false
	if second != first {
		t.Errorf("cached answer %+v, want %+v", second, first)
	}

	// Stage only labels progress, so a call differing in it still hits.
	call.Stage = "part 1 of 2"
	if a, _ := w.Complete(ctx, call); !a.Cached {
		t.Error("a different Stage missed")
	}
}

func TestWrapMisses(t *testing.T) {
	base := llm.Call{System: "sys", User: "user", Schema: json.RawMessage(`{"type":"object"}`), SchemaName: "briefing", MaxTokens: 1000}
	tests := []struct {
		name  string
		scope string
		edit  func(*llm.Call)
	}{
		{"scope", "other scope", func(*llm.Call) {}},
		{"user", "scope", func(c *llm.Call) { c.User = "user2" }},
		{"system", "scope", func(c *llm.Call) { c.System = "sys2" }},
		{"schema", "scope", func(c *llm.Call) { c.Schema = json.RawMessage(`{"type":"array"}`) }},
		{"schema name", "scope", func(c *llm.Call) { c.SchemaName = "merge" }},
		{"max tokens", "scope", func(c *llm.Call) { c.MaxTokens = 2000 }},
		// Text moved between system and user must not collide.
		{"boundary", "scope", func(c *llm.Call) { c.System, c.User = "sysu", "ser" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := openTemp(t)
			inner := &fakeClient{answer: llm.Answer{Content: "answer", FinishReason: "stop"}}
			if _, err := Wrap(inner, c, "scope").Complete(t.Context(), base); err != nil {
				t.Fatal(err)
			}
			call := base
			tt.edit(&call)
			a, err := Wrap(inner, c, tt.scope).Complete(t.Context(), call)
			if err != nil {
				t.Fatal(err)
			}
			if a.Cached || inner.calls.Load() != 2 {
				t.Errorf("changed %s: Cached %v after %d inner calls; want a miss", tt.name, a.Cached, inner.calls.Load())
			}
		})
	}
}

func TestWrapStoresOnlyWholeAnswers(t *testing.T) {
	callErr := &llm.Error{Kind: llm.ErrServer, Status: 503, Msg: "server error (HTTP 503)"}
	tests := []struct {
		name   string
		answer llm.Answer
		err    error
		stored bool
	}{
		{"stop", llm.Answer{Content: "x", FinishReason: "stop"}, nil, true},
		{"no finish reason", llm.Answer{Content: "x"}, nil, true},
		{"length", llm.Answer{Content: "x", FinishReason: "length"}, nil, false},
		{"content filter", llm.Answer{Content: "x", FinishReason: "content_filter"}, nil, false},
		{"error", llm.Answer{}, callErr, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := openTemp(t)
			inner := &fakeClient{answer: tt.answer, err: tt.err}
			w := Wrap(inner, c, "scope")
			call := llm.Call{System: "s", User: "u"}
			for range 2 {
				a, err := w.Complete(t.Context(), call)
				if !errors.Is(err, tt.err) {
					t.Fatalf("error %v, want %v", err, tt.err)
				}
				if tt.err == nil && a.FinishReason != tt.answer.FinishReason {
					t.Errorf("FinishReason %q, want %q", a.FinishReason, tt.answer.FinishReason)
				}
			}
			wantCalls := int32(2)
			if tt.stored {
				wantCalls = 1
			}
			if n := inner.calls.Load(); n != wantCalls {
				t.Errorf("inner called %d times, want %d", n, wantCalls)
			}
		})
	}
}

func TestWrapEmptyContentNotStored(t *testing.T) {
	c := openTemp(t)
	inner := &emptyClient{}
	w := Wrap(inner, c, "scope")
	for range 2 {
		if _, err := w.Complete(t.Context(), llm.Call{User: "u"}); err != nil {
			t.Fatal(err)
		}
	}
	if inner.calls != 2 {
		t.Errorf("inner called %d times, want 2", inner.calls)
	}
}

type emptyClient struct{ calls int }

func (e *emptyClient) Complete(context.Context, llm.Call) (llm.Answer, error) {
	e.calls++
	return llm.Answer{FinishReason: "stop"}, nil
}

func TestWrapPutFailureKeepsAnswer(t *testing.T) {
	c := openTemp(t)
	c.Close() // every Put now fails
	inner := &fakeClient{answer: llm.Answer{Content: "answer", FinishReason: "stop"}}
	a, err := Wrap(inner, c, "scope").Complete(t.Context(), llm.Call{User: "u"})
	if err != nil {
		t.Fatalf("a failed Put failed the call: %v", err)
	}
	if a.Content != "answer for u" || a.Cached {
		t.Errorf("answer %+v, want the inner client's", a)
	}
}

func TestWrapName(t *testing.T) {
	c := openTemp(t)
	type namer interface{ Name() string }

	w := Wrap(&namedFake{}, c, "scope")
	n, ok := w.(namer)
	if !ok {
		t.Fatal("wrapper of a named client has no Name")
	}
	if got := n.Name(); got != "openai" {
		t.Errorf("Name() = %q, want %q", got, "openai")
	}
	if _, ok := Wrap(&fakeClient{}, c, "scope").(namer); ok {
		t.Error("wrapper of an unnamed client has a Name")
	}
}

func TestWrapConcurrent(t *testing.T) {
	c := openTemp(t)
	inner := &fakeClient{answer: llm.Answer{Content: "answer", FinishReason: "stop"}}
	w := Wrap(inner, c, "scope")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				call := llm.Call{User: fmt.Sprint(i % 5)}
				a, err := w.Complete(t.Context(), call)
				if err != nil {
					t.Error(err)
					return
				}
				if want := "answer for " + call.User; a.Content != want {
					t.Errorf("goroutine %d: Content %q, want %q", g, a.Content, want)
				}
			}
		})
	}
	wg.Wait()
	// Goroutines racing on a first miss may each ask; after that, all hit.
	if n := inner.calls.Load(); n < 5 || n > 5*8 {
		t.Errorf("inner called %d times, want between 5 and 40", n)
	}
}

// TestDamagedFile damages a cache file one page at a time. bbolt reports
// most damage by panicking; whatever page is hit, the cache must give an
// error or a miss, never crash the run.
func TestDamagedFile(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.db")
	c, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	const entries = 100
	for i := range entries {
		if err := c.Put(Key(fmt.Sprint(i)), llm.Answer{Content: strings.Repeat("answer ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	c.Close()
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	page := os.Getpagesize() // bbolt's default page size
	failed, opened := 0, 0
	for p := 2; p*page < len(data); p++ {
		for _, fill := range []byte{0x00, 0xff, 0x5a} {
			damaged := append([]byte(nil), data...)
			for i := p * page; i < (p+1)*page && i < len(damaged); i++ {
				damaged[i] = fill
			}
			path := filepath.Join(t.TempDir(), "llm.db")
			if err := os.WriteFile(path, damaged, 0o600); err != nil {
				t.Fatal(err)
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("page %d filled with %#x: panic %v", p, fill, r)
					}
				}()
				c, err := Open(path)
				if err != nil {
					if !strings.Contains(err.Error(), "damaged") {
						t.Errorf("page %d filled with %#x: Open: %v; want an error saying the file is damaged", p, fill, err)
					}
					failed++
					return
				}
				opened++
				defer c.Close()
				for i := range entries {
					if a, ok := c.Get(Key(fmt.Sprint(i))); ok && a.Content != strings.Repeat("answer ", i) {
						t.Errorf("page %d filled with %#x: Get %d returned %q", p, fill, i, a.Content)
					}
				}
				_ = c.Put(Key("new"), llm.Answer{Content: "new"})
			}()
		}
	}
	// Damage to the freelist makes bbolt panic in Open, so the recovery
	// there must have been exercised.
	if failed == 0 {
		t.Error("no damaged page made Open fail")
	}
	t.Logf("%d pages: Open failed on %d damaged files, opened %d", len(data)/page, failed, opened)
}
