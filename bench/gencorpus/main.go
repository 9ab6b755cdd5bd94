// Command gencorpus writes a benchmark corpus of scraped-looking news
// articles with ground-truth labels (see internal/corpusgen).
//
//	go run ./bench/gencorpus -n 10000 -seed 1 -format jsonl -out /tmp/c10k.jsonl -truth /tmp/c10k.truth.jsonl
//
// The defaults make the corpora of bench/corpus.sh and bench/facts.sh:
// stories break over many days (about a dozen a day) and story sizes are
// mildly skewed. bench/daily.sh wants one news day instead:
//
//	go run ./bench/gencorpus -n 100000 -days 1 -story-spread 1.4 ...
//
// puts every story's break on one day (articles follow over the next
// hours, a few days at most) and gives story sizes a heavier tail: many
// stories of a handful of articles, a few with hundreds or more.
//
// Base text is the DUC 2007 data beside the repository when present, else
// the seed corpora in testdata. The DUC data may not be redistributed: it
// is read here at run time and must never be written into the repository,
// so -out and -truth should point outside it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/brieftool/brief/internal/atomicfile"
	"github.com/brieftool/brief/internal/corpusgen"
)

const modulePath = "github.com/brieftool/brief"

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var (
		n         = fl.Int("n", 10000, "number of articles")
		seed      = fl.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
		format    = fl.String("format", "jsonl", "output format: jsonl (one file) or dir (one .txt per article)")
		out       = fl.String("out", "", "output file or directory (\"-\" for stdout with -format jsonl)")
		truth     = fl.String("truth", "", "write ground-truth labels (JSON lines) to this file")
		duc       = fl.String("duc", "", "DUC 2007 clusters (default: ../shared/bench/duc2007/duc2007_main.jsonl from the repository root; \"off\" to use seeds only)")
		seeds     = fl.String("seeds", "testdata/iraq-visit", "comma-separated seed corpus directories used without DUC (relative to the repository root)")
		dupRate   = fl.Float64("dup", corpusgen.DefaultDupRate, "fraction of near-exact duplicates (0 to disable)")
		wireRate  = fl.Float64("wire", corpusgen.DefaultWireRate, "fraction of wire reprints (0 to disable)")
		junkRate  = fl.Float64("junk", corpusgen.DefaultJunkRate, "fraction of articles with page junk (0 to disable)")
		storySize = fl.Int("story-size", corpusgen.DefaultStorySize, "mean articles per story")
		spread    = fl.Float64("story-spread", corpusgen.DefaultStorySpread, "skew of story sizes: sigma of the log-normal story weights (larger: more small stories and a few huge ones)")
		days      = fl.Int("days", 0, "days over which stories break (0: about a dozen new stories a day)")
		meanBytes = fl.Int("bytes", corpusgen.DefaultMeanBytes, "target mean article text size in bytes")
	)
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("-out is required")
	}
	if *format != "jsonl" && *format != "dir" {
		return fmt.Errorf("-format %q: want jsonl or dir", *format)
	}
	if *format == "dir" && *out == "-" {
		return errors.New("-format dir needs a directory for -out")
	}

	root := repoRoot()
	base, what, err := loadBase(root, *duc, *seeds, stderr)
	if err != nil {
		return err
	}
	docs := 0
	for _, c := range base {
		docs += len(c.Docs)
	}
	fmt.Fprintf(stderr, "gencorpus: base text: %s (%d clusters, %d documents)\n", what, len(base), docs)

	// The flags use 0 for "none"; Config uses 0 for "default".
	off := func(v float64) float64 {
		if v == 0 {
			return -1
		}
		return v
	}
	cfg := corpusgen.Config{
		N: *n, Seed: *seed, Base: base,
		DupRate: off(*dupRate), WireRate: off(*wireRate), JunkRate: off(*junkRate),
		StorySize: *storySize, StorySpread: *spread, MeanBytes: *meanBytes, Days: *days,
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	t0 := time.Now()
	arts := corpusgen.Generate(cfg)
	genTime := time.Since(t0)

	t1 := time.Now()
	switch {
	case *format == "dir":
		if err = os.MkdirAll(filepath.Dir(filepath.Clean(*out)), 0o755); err == nil {
			err = corpusgen.WriteDir(*out, arts)
		}
	case *out == "-":
		err = corpusgen.WriteJSONL(stdout, arts)
	default:
		err = writeFileAtomic(*out, func(w io.Writer) error { return corpusgen.WriteJSONL(w, arts) })
	}
	if err != nil {
		return err
	}
	if *truth != "" {
		if err := writeFileAtomic(*truth, func(w io.Writer) error { return corpusgen.WriteTruth(w, arts) }); err != nil {
			return err
		}
	}
	writeTime := time.Since(t1)

	var textBytes int64
	stories := map[int]bool{}
	dups, wire := 0, 0
	wireGroups := map[int]int{}
	for i := range arts {
		textBytes += int64(len(arts[i].Text))
		stories[arts[i].Story] = true
		if arts[i].DuplicateOf != "" {
			dups++
		}
		wireGroups[arts[i].Wire]++
	}
	groups := 0
	for _, c := range wireGroups {
		if c > 1 {
			groups++
			wire += c
		}
	}
	written := "stdout"
	if *out != "-" {
		size, err := diskSize(*out)
		if err != nil {
			return err
		}
		written = fmt.Sprintf("%d bytes (%.1f MB) to %s", size, float64(size)/1e6, *out)
	}
	fmt.Fprintf(stderr, "gencorpus: %d articles, %d stories, %d duplicates, %d wire reprints in %d groups\n",
		len(arts), len(stories), dups, wire, groups)
	fmt.Fprintf(stderr, "gencorpus: text %d bytes (%.1f MB, mean %d per article); wrote %s\n",
		textBytes, float64(textBytes)/1e6, textBytes/int64(max(1, len(arts))), written)
	fmt.Fprintf(stderr, "gencorpus: generate %v, write %v\n", genTime.Round(time.Millisecond), writeTime.Round(time.Millisecond))
	return nil
}

// loadBase returns the base clusters and a description of where they came
// from. A missing default DUC file is the normal case in CI and falls back
// to the seeds; a DUC path given explicitly must exist.
func loadBase(root, duc, seeds string, stderr io.Writer) ([]corpusgen.BaseCluster, string, error) {
	if duc != "off" {
		path := duc
		if path == "" {
			path = filepath.Join(root, "..", "shared", "bench", "duc2007", "duc2007_main.jsonl")
		}
		base, err := corpusgen.LoadDUC(path)
		switch {
		case err == nil:
			return base, "DUC 2007 " + path, nil
		case duc != "" || !errors.Is(err, fs.ErrNotExist):
			return nil, "", err
		}
		fmt.Fprintf(stderr, "gencorpus: no DUC data at %s; using seed corpora\n", path)
	}
	var base []corpusgen.BaseCluster
	var dirs []string
	for _, d := range strings.Split(seeds, ",") {
		if d = strings.TrimSpace(d); d == "" {
			continue
		}
		if !filepath.IsAbs(d) {
			d = filepath.Join(root, d)
		}
		c, err := corpusgen.LoadSeedDir(d)
		if err != nil {
			return nil, "", err
		}
		base = append(base, c)
		dirs = append(dirs, d)
	}
	if len(base) == 0 {
		return nil, "", errors.New("no base text: no DUC data and no -seeds")
	}
	return base, "seeds " + strings.Join(dirs, ", "), nil
}

// repoRoot finds the module root by walking up from the working
// directory, so default paths work from any subdirectory.
func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := wd; ; {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if strings.TrimSpace(line) == "module "+modulePath {
					return d
				}
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return wd
		}
		d = parent
	}
}

// writeFileAtomic writes path through atomicfile.Write, creating its
// directory first: -out and -truth may name a folder not made yet.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(path, write)
}

func diskSize(path string) (int64, error) {
	var total int64
	err := filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			total += fi.Size()
		}
		return nil
	})
	return total, err
}
