// Command factscore measures how well brief merges sentences into facts,
// against the DUC 2007 pyramid annotations: sentences that human
// annotators linked to the same summary content unit (SCU) state the same
// fact. It reports pairwise precision and recall of "these two sentences
// (from different documents) state the same fact".
//
//	go run ./bench/factscore [-data ../shared/bench/duc2007/duc2007_main_scu_marked_docs.jsonl]
//
// The DUC data may not be redistributed; it is read from ../shared when
// present and the command exits cleanly when it is absent.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
)

type cluster struct {
	ID   string `json:"id"`
	Docs []struct {
		DocID     string `json:"doc_id"`
		Sentences []struct {
			Text string `json:"text"`
			SCUs []struct {
				UID string `json:"uid"`
			} `json:"scus"`
		} `json:"sentences"`
	} `json:"docs"`
}

func main() {
	data := flag.String("data", "../shared/bench/duc2007/duc2007_main_scu_marked_docs.jsonl", "DUC SCU-marked documents (JSON lines)")
	link := flag.Float64("link", 0, "override Params.Link")
	join := flag.Float64("join", 0, "override Params.Join")
	contain := flag.Float64("contain", 0, "override Params.Contain")
	verbose := flag.Bool("v", false, "print per-cluster figures")
	flag.Parse()
	if err := run(*data, *link, *join, *contain, *verbose); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(os.Stderr, "factscore: %v: DUC data not present, skipping\n", err)
			return
		}
		fmt.Fprintln(os.Stderr, "factscore:", err)
		os.Exit(1)
	}
}

func run(path string, link, join, contain float64, verbose bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	dir, err := os.MkdirTemp("", "factscore")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	params := facts.DefaultParams()
	if link > 0 {
		params.Link = link
	}
	if join > 0 {
		params.Join = join
	}
	if contain > 0 {
		params.Contain = contain
	}
	pipe, err := summarize.NewPipeline()
	if err != nil {
		return err
	}
	ex := facts.NewExtractor()
	var tp, fp, fn, unmapped, labeled, nfacts, nsent int
	var elapsed time.Duration
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	for sc.Scan() {
		var cl cluster
		if err := json.Unmarshal(sc.Bytes(), &cl); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		in := filepath.Join(dir, cl.ID+".jsonl")
		if err := writeCluster(in, &cl); err != nil {
			return err
		}
		start := time.Now()
		c, err := pipe.Build(context.Background(), []string{in}, summarize.Options{})
		if err != nil {
			return fmt.Errorf("%s: %w", cl.ID, err)
		}
		t, err := ex.Build(context.Background(), c, facts.Options{Params: params})
		if err != nil {
			return fmt.Errorf("%s: %w", cl.ID, err)
		}
		elapsed += time.Since(start)
		nfacts += len(t.Facts)
		byID := map[string]*summarize.Source{}
		for _, s := range c.Sources {
			byID[s.ID] = s
			nsent += len(s.Sentences)
		}

		// Each labelled DUC sentence is found in its source's cleaned
		// text and mapped to the facts of the sentences it overlaps.
		type item struct {
			doc   int
			scus  map[string]bool
			facts map[int]bool
		}
		var items []item
		for d, doc := range cl.Docs {
			src := byID[docID(cl.ID, doc.DocID)]
			for _, s := range doc.Sentences {
				if len(s.SCUs) == 0 {
					continue
				}
				labeled++
				it := item{doc: d, scus: map[string]bool{}, facts: map[int]bool{}}
				for _, u := range s.SCUs {
					it.scus[u.UID] = true
				}
				if src != nil {
					if at := strings.Index(src.Text, strings.TrimSpace(s.Text)); at >= 0 {
						end := at + len(strings.TrimSpace(s.Text))
						for k, cs := range src.Sentences {
							if cs.Start < end && cs.End > at {
								for _, fi := range t.Claims[src.Index][k].Facts {
									it.facts[fi] = true
								}
							}
						}
					}
				}
				if len(it.facts) == 0 {
					unmapped++
				}
				items = append(items, it)
			}
		}
		var ctp, cfp, cfn int
		for i := range items {
			for j := i + 1; j < len(items); j++ {
				a, b := items[i], items[j]
				if a.doc == b.doc {
					continue
				}
				gold := intersects(a.scus, b.scus)
				pred := false
				for fi := range a.facts {
					if b.facts[fi] {
						pred = true
					}
				}
				switch {
				case gold && pred:
					ctp++
				case pred:
					cfp++
				case gold:
					cfn++
				}
			}
		}
		tp, fp, fn = tp+ctp, fp+cfp, fn+cfn
		if verbose {
			fmt.Printf("%s  sources %3d  facts %4d  tp %4d fp %4d fn %4d\n", cl.ID, len(c.Sources), len(t.Facts), ctp, cfp, cfn)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	fmt.Printf("params: link %.2f join %.2f contain %.2f\n", params.Link, params.Join, params.Contain)
	fmt.Printf("sentences %d, labelled %d (unmapped %d), facts %d\n", nsent, labeled, unmapped, nfacts)
	fmt.Printf("same-fact pairs: precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)\n", p, r, f1, tp, fp, fn)
	fmt.Printf("time in corpus+facts: %s\n", elapsed.Round(time.Millisecond))
	return nil
}

func docID(cluster, doc string) string { return doc }

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func writeCluster(path string, cl *cluster) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, d := range cl.Docs {
		var b strings.Builder
		for i, s := range d.Sentences {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(strings.TrimSpace(s.Text))
		}
		if err := enc.Encode(map[string]string{"id": d.DocID, "text": b.String()}); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
