// Command dedupscore scores brief's duplicate and wire-copy detection on a
// generated corpus against the generator's truth file.
//
//	brief sources -f json -o out.json corpus.jsonl
//	go run ./bench/dedupscore -truth corpus.truth.jsonl out.json
//
// Near duplicates: recall is the share of true copies that brief marks as
// duplicate_of an article of the same copy family; precision the share of
// brief's duplicate_of marks that join two copies of one text: the same
// copy family, or two reprints of one wire story (a reprint that adds or
// cuts little is a near duplicate of its sibling). Wire copies:
// recall is the share of true wire pairs (two reprints of one agency text)
// that brief puts in one group. Wire precision is not scored: the
// generator builds independent articles of a story from shared base
// paragraphs, so they do share passages and grouping them is not wrong.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
)

type truthRow struct {
	ID          string `json:"id"`
	Story       int    `json:"story"`
	Wire        int    `json:"wire"`
	DuplicateOf string `json:"duplicate_of"`
}

type briefDoc struct {
	Sources []struct {
		ID          string `json:"id"`
		DuplicateOf string `json:"duplicate_of"`
		Group       int    `json:"group"`
	} `json:"sources"`
}

func main() {
	truthPath := flag.String("truth", "", "truth JSON lines written by gencorpus -truth")
	flag.Parse()
	if *truthPath == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: dedupscore -truth TRUTH.jsonl BRIEF.json")
		os.Exit(2)
	}
	if err := run(*truthPath, flag.Arg(0), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "dedupscore:", err)
		os.Exit(1)
	}
}

func run(truthPath, briefPath string, out io.Writer) error {
	truth, err := readTruth(truthPath)
	if err != nil {
		return err
	}
	f, err := os.Open(briefPath)
	if err != nil {
		return err
	}
	defer f.Close()
	var doc briefDoc
	if err := json.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&doc); err != nil {
		return fmt.Errorf("%s: %w", briefPath, err)
	}

	// A copy family is an original and every copy of it (copies of copies
	// included).
	root := func(id string) string {
		for i := 0; i < 100; i++ {
			t, ok := truth[id]
			if !ok || t.DuplicateOf == "" {
				return id
			}
			id = t.DuplicateOf
		}
		return id
	}
	group := map[string]int{}
	pred := map[string]string{}
	for _, s := range doc.Sources {
		group[s.ID] = s.Group
		pred[s.ID] = s.DuplicateOf
	}

	var copies, found, marks, right int
	for id, t := range truth {
		if t.DuplicateOf != "" {
			copies++
			if p := pred[id]; p != "" && root(p) == root(id) {
				found++
			}
		}
	}
	for id, p := range pred {
		if p == "" {
			continue
		}
		marks++
		if root(p) == root(id) || truth[p].Wire == truth[id].Wire {
			right++
		}
	}

	wires := map[int][]string{}
	for id, t := range truth {
		wires[t.Wire] = append(wires[t.Wire], id)
	}
	var pairs, together int
	for _, ids := range wires {
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				pairs++
				if gi, ok := group[ids[i]]; ok && gi == group[ids[j]] {
					together++
				}
			}
		}
	}
	groups := map[int]bool{}
	for _, g := range group {
		groups[g] = true
	}
	fmt.Fprintf(out, "articles %d, brief groups %d\n", len(doc.Sources), len(groups))
	fmt.Fprintf(out, "near duplicates: recall %s (%d/%d), precision %s (%d/%d)\n", pct(found, copies), found, copies, pct(right, marks), right, marks)
	fmt.Fprintf(out, "wire pairs grouped: recall %s (%d/%d)\n", pct(together, pairs), together, pairs)
	return nil
}

func pct(a, b int) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

func readTruth(path string) (map[string]truthRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	truth := map[string]truthRow{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var t truthRow
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		truth[t.ID] = t
	}
	return truth, sc.Err()
}
