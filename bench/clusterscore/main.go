// Command clusterscore scores a story clustering of a generated corpus
// against the generator's truth: purity, the adjusted Rand index and
// B-cubed precision, recall and F1 (see internal/clusterscore).
//
//	brief daily --clusters clusters.jsonl corpus.jsonl
//	go run ./bench/clusterscore -truth corpus.truth.jsonl clusters.jsonl
//
// CLUSTERS has one JSON object a line, {"id": ARTICLE, "story": STORY},
// the story a string or a number; other fields (a rank, say) are ignored.
// Every article of the truth is scored. One that CLUSTERS leaves out
// (skipped or failed) is counted as missing and scored as a story of its
// own, so leaving articles out costs recall, not nothing. Articles that
// are not in the truth are counted and ignored.
//
// The output is one "name value" pair a line, for people and for awk.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/brieftool/brief/internal/clusterscore"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "clusterscore:", err)
		}
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("clusterscore", flag.ContinueOnError)
	fl.SetOutput(stderr)
	truthPath := fl.String("truth", "", "truth JSON lines written by gencorpus -truth")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: clusterscore -truth TRUTH.jsonl CLUSTERS.jsonl")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *truthPath == "" || fl.NArg() != 1 {
		fl.Usage()
		return errors.New("want -truth and one clusters file")
	}
	ids, truth, err := readTruth(*truthPath)
	if err != nil {
		return err
	}
	clusters, err := readClusters(fl.Arg(0))
	if err != nil {
		return err
	}
	r, err := score(ids, truth, clusters)
	if err != nil {
		return fmt.Errorf("%s: %w", fl.Arg(0), err)
	}
	r.write(stdout)
	return nil
}

type result struct {
	clusterscore.Scores
	missing, unknown, found int
}

// score lines the clustering up with the truth, article by article in
// truth order. Missing articles get a story each.
func score(ids []string, truth []int, clusters map[string]string) (result, error) {
	var r result
	index := make(map[string]bool, len(ids))
	for _, id := range ids {
		index[id] = true
	}
	for id := range clusters {
		if !index[id] {
			r.unknown++
		}
	}
	if len(clusters) > 0 && r.unknown == len(clusters) {
		return r, errors.New("no article is in the truth (wrong truth file?)")
	}
	label := map[string]int{}
	pred := make([]int, len(ids))
	for i, id := range ids {
		s, ok := clusters[id]
		if !ok {
			r.missing++
			pred[i] = -1 - i // a story of its own
			continue
		}
		l, ok := label[s]
		if !ok {
			l = len(label)
			label[s] = l
		}
		pred[i] = l
	}
	r.found = len(label)
	sc, err := clusterscore.Score(truth, pred)
	r.Scores = sc
	return r, err
}

func (r result) write(w io.Writer) {
	fmt.Fprintf(w, "articles %d\n", r.Items)
	fmt.Fprintf(w, "missing %d (left out of the clusters; scored as one-article stories)\n", r.missing)
	if r.unknown > 0 {
		fmt.Fprintf(w, "unknown %d (not in the truth; ignored)\n", r.unknown)
	}
	fmt.Fprintf(w, "true_stories %d\n", r.TrueClusters)
	fmt.Fprintf(w, "found_stories %d\n", r.found)
	for _, kv := range []struct {
		k string
		v float64
	}{
		{"purity", r.Purity}, {"ari", r.ARI},
		{"bcubed_p", r.BCubedP}, {"bcubed_r", r.BCubedR}, {"bcubed_f1", r.BCubedF1},
	} {
		fmt.Fprintf(w, "%s %.3f\n", kv.k, kv.v)
	}
}

// readTruth returns the article ids in file order and their stories.
func readTruth(path string) ([]string, []int, error) {
	var ids []string
	var stories []int
	seen := map[string]bool{}
	err := eachLine(path, func(line []byte) error {
		var t struct {
			ID    string `json:"id"`
			Story *int   `json:"story"`
		}
		if err := json.Unmarshal(line, &t); err != nil {
			return err
		}
		switch {
		case t.ID == "":
			return errors.New("no id")
		case t.Story == nil:
			return fmt.Errorf("%s: no story", t.ID)
		case seen[t.ID]:
			return fmt.Errorf("%s: listed twice", t.ID)
		}
		seen[t.ID] = true
		ids = append(ids, t.ID)
		stories = append(stories, *t.Story)
		return nil
	})
	if err == nil && len(ids) == 0 {
		err = fmt.Errorf("%s: no articles", path)
	}
	return ids, stories, err
}

// readClusters returns each article's story. The story may be a string
// or a number; an article listed twice must keep its story.
func readClusters(path string) (map[string]string, error) {
	out := map[string]string{}
	err := eachLine(path, func(line []byte) error {
		var c struct {
			ID    string          `json:"id"`
			Story json.RawMessage `json:"story"`
		}
		if err := json.Unmarshal(line, &c); err != nil {
			return err
		}
		if c.ID == "" {
			return errors.New("no id")
		}
		var story string
		switch raw := bytes.TrimSpace(c.Story); {
		case len(raw) == 0 || string(raw) == "null":
			return fmt.Errorf("%s: no story", c.ID)
		case raw[0] == '"':
			if err := json.Unmarshal(raw, &story); err != nil {
				return fmt.Errorf("%s: story: %w", c.ID, err)
			}
		case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
			story = string(raw)
		default:
			return fmt.Errorf("%s: story %s is neither a string nor a number", c.ID, raw)
		}
		if prev, ok := out[c.ID]; ok && prev != story {
			return fmt.Errorf("%s: in stories %s and %s", c.ID, prev, story)
		}
		out[c.ID] = story
		return nil
	})
	return out, err
}

// eachLine calls f with every non-blank line of path, however long.
func eachLine(path string, f func([]byte) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	br := bufio.NewReaderSize(file, 1<<20)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if t := bytes.TrimSpace(line); len(t) > 0 {
			if ferr := f(t); ferr != nil {
				return fmt.Errorf("%s:%d: %w", path, n, ferr)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
