// Package cache keeps model answers on disk, so that running brief again
// on the same articles with the same model and prompts costs no request.
// The store is one bbolt file; its answers are about the user's own
// documents, so it is created readable by the user alone.
package cache

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/brieftool/brief/briefing/llm"
)

// bucket holds the answers. The format version is in its name so that a
// change to entry or to how keys are made only misses: an old file keeps
// its old bucket, unread, and needs no migration.
var bucket = []byte("answers.v1")

// lockWait is how long Open waits for another process to let go of the
// file before giving up on the cache.
const lockWait = time.Second

// Cache is a response cache in one file. It is safe for concurrent use by
// the goroutines of one process; bbolt's file lock keeps other processes
// out while it is open.
type Cache struct {
	db *bolt.DB
}

// entry is an Answer as stored. Cached is left out: it describes how an
// answer was obtained, which is set on the way out.
type entry struct {
	Content          string `json:"content"`
	FinishReason     string `json:"finish_reason,omitempty"`
	Model            string `json:"model,omitempty"`
	PromptTokens     int    `json:"prompt_tokens,omitempty"`
	CompletionTokens int    `json:"completion_tokens,omitempty"`
	// Stored is when the answer was put, so that a later pruning command
	// can drop old entries without a format change.
	Stored int64 `json:"stored,omitempty"`
}

// DefaultPath is os.UserCacheDir()/brief/llm.db: $XDG_CACHE_HOME or
// ~/.cache on Linux, ~/Library/Caches on macOS, %LocalAppData% on Windows.
func DefaultPath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("response cache: %w", err)
	}
	return filepath.Join(dir, "brief", "llm.db"), nil
}

// Open opens the cache file at path, creating it and its directory when
// missing. If another process holds the file for longer than about a
// second, Open fails with an error saying the cache is in use; callers
// then run without a cache rather than wait.
func Open(path string) (*Cache, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("response cache: %w", err)
	}
	db, err := openDB(path)
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("response cache %s is in use by another brief process (waited %v)", path, lockWait)
	}
	if errors.Is(err, errDamaged) || errors.Is(err, bolterrors.ErrInvalid) ||
		errors.Is(err, bolterrors.ErrVersionMismatch) || errors.Is(err, bolterrors.ErrChecksum) {
		return nil, fmt.Errorf("response cache %s is damaged or not a cache file (%v); delete it to start a new one", path, err)
	}
	if err != nil {
		return nil, fmt.Errorf("response cache %s: %w", path, err)
	}
	return &Cache{db: db}, nil
}

// errDamaged stands for a panic in bbolt, which is how it reports most
// damage to a file past its header (a bad freelist or page). A damaged
// cache must cost a run its cache, never the run itself.
var errDamaged = errors.New("damaged file")

// openDB opens the bbolt file and makes sure it has the bucket, with
// bbolt's panics turned into errDamaged. After a panic openDB closes the
// file bbolt opened, so as not to leak the descriptor, but the memory map
// bbolt made stays, unreachable, until the process exits, and with it the
// file lock (flock belongs to the open file, which the map keeps alive).
// That is harmless: the caller runs uncached, and the file is to be
// deleted, which the lock does not prevent.
func openDB(path string) (db *bolt.DB, err error) {
	var file *os.File
	defer func() {
		if r := recover(); r != nil {
			if file != nil {
				file.Close()
			}
			db, err = nil, fmt.Errorf("%w: %v", errDamaged, r)
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{
		Timeout: lockWait,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		},
	})
	if err != nil {
		return nil, err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucket)
		return err
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// noPanic turns a panic of bbolt's, reading or writing a damaged page, into
// errDamaged in *err.
func noPanic(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: %v", errDamaged, r)
	}
}

// Close releases the file and its lock.
func (c *Cache) Close() error {
	return c.db.Close()
}

// Get returns the answer stored under key. An entry that cannot be read
// (damaged, an unexpected shape, the cache already closed) is a miss: the
// call is then made again, which is always correct.
func (c *Cache) Get(key string) (llm.Answer, bool) {
	e, found, err := c.get(key)
	if err != nil || !found || e.Content == "" {
		return llm.Answer{}, false
	}
	return llm.Answer{
		Content:          e.Content,
		FinishReason:     e.FinishReason,
		Model:            e.Model,
		PromptTokens:     e.PromptTokens,
		CompletionTokens: e.CompletionTokens,
	}, true
}

func (c *Cache) get(key string) (e entry, found bool, err error) {
	defer noPanic(&err)
	err = c.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		if b == nil {
			return nil
		}
		v := b.Get([]byte(key))
		if v == nil {
			return nil
		}
		// Unmarshal copies out of v, which is valid only inside the
		// transaction.
		if err := json.Unmarshal(v, &e); err != nil {
			return err
		}
		found = true
		return nil
	})
	return e, found, err
}

// Put stores a under key, replacing what was there.
func (c *Cache) Put(key string, a llm.Answer) (err error) {
	defer noPanic(&err)
	v, err := json.Marshal(entry{
		Content:          a.Content,
		FinishReason:     a.FinishReason,
		Model:            a.Model,
		PromptTokens:     a.PromptTokens,
		CompletionTokens: a.CompletionTokens,
		Stored:           time.Now().Unix(),
	})
	if err != nil {
		return fmt.Errorf("response cache: %w", err)
	}
	err = c.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucket)
		if err != nil {
			return err
		}
		return b.Put([]byte(key), v)
	})
	if err != nil {
		return fmt.Errorf("response cache: %w", err)
	}
	return nil
}

// Key hashes parts into a cache key: the hex SHA-256 of each part's
// length followed by its bytes. The length prefix keeps the parts apart,
// so ("ab", "c") and ("a", "bc") differ, as do ("a", "") and ("a").
func Key(parts ...string) string {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.BigEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Wrap returns a Client that answers a call from c when it can, with
// Answer.Cached set and no request made, and otherwise asks inner and
// stores its answer. Only whole answers are stored (finish reason "stop"
// or none, and some content), never an error, so a failure or a cut
// answer is retried on the next run.
//
// The key is made of scope and everything in the call that shapes the
// answer: Key(scope, call.SchemaName, string(call.Schema), call.System,
// call.User, strconv.Itoa(call.MaxTokens)). Call.Stage is left out: it
// only labels progress. scope must name everything else that changes the
// answer: the model, the server's base URL, the prompt version and the
// sampling parameters. scope must never contain an API key or other
// secret: the answer does not depend on the key, so a new key would only
// empty the cache, and a file of hashes each made partly from the key is
// one that lets whoever reads it test guesses of the key.
//
// If inner has a Name() string method, so does the returned Client.
func Wrap(inner llm.Client, c *Cache, scope string) llm.Client {
	w := &client{inner: inner, cache: c, scope: scope}
	if n, ok := inner.(interface{ Name() string }); ok {
		return &namedClient{client: w, named: n}
	}
	return w
}

type client struct {
	inner llm.Client
	cache *Cache
	scope string
}

func (w *client) Complete(ctx context.Context, call llm.Call) (llm.Answer, error) {
	key := Key(w.scope, call.SchemaName, string(call.Schema), call.System, call.User, strconv.Itoa(call.MaxTokens))
	if a, ok := w.cache.Get(key); ok {
		a.Cached = true
		return a, nil
	}
	a, err := w.inner.Complete(ctx, call)
	if err != nil {
		return a, err
	}
	if whole(a) {
		// A cache that cannot be written costs the next run a request;
		// failing this run over it would throw away an answer paid for.
		_ = w.cache.Put(key, a)
	}
	return a, nil
}

// whole reports whether a is a complete answer worth keeping: one the
// server finished on its own, not one cut at the token limit or stopped by
// a content filter.
func whole(a llm.Answer) bool {
	return a.Content != "" && (a.FinishReason == "stop" || a.FinishReason == "")
}

// namedClient is the wrapper for an inner client with a name, kept as a
// separate type so that a wrapper around an unnamed client does not
// pretend to have one.
type namedClient struct {
	*client
	named interface{ Name() string }
}

// Name is the wrapped client's name.
func (w *namedClient) Name() string { return w.named.Name() }
