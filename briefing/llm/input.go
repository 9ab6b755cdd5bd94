package llm

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/prompts"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
)

// input is the fact table as the model sees it, with the maps that turn
// the ids it cites back into corpus positions.
type input struct {
	corpus *summarize.Corpus
	table  *facts.Table
	data   prompts.Data
	// blocks are the fact ids' positions in data.Facts, ranked.
	source   map[string]int // "S3" -> corpus index
	fact     map[string]int // "F12" -> table index
	conflict map[string]*facts.Conflict
	minConf  float64
	// leftOut are corpus indexes of sources no statement of which reaches
	// the model: the briefing names them.
	leftOut []int
}

// sourceID is the id the model cites source i by. It follows corpus
// order, which is the input order, so it is stable across runs of the
// same inputs and matches `brief sources`.
func sourceID(i int) string { return "S" + strconv.Itoa(i+1) }

// tableID turns a fact-table id ("f12", "c3", "u1") into the upper-case
// form the prompt uses, so the model's ids and brief facts' ids read alike.
func tableID(id string) string { return strings.ToUpper(id) }

func newInput(req briefing.Request) (*input, error) {
	if req.Corpus == nil || len(req.Corpus.Sources) == 0 {
		return nil, fmt.Errorf("no sources to brief")
	}
	if req.Table == nil {
		return nil, fmt.Errorf("no fact table")
	}
	in := &input{corpus: req.Corpus, table: req.Table, minConf: req.MinConfidence, source: map[string]int{}, fact: map[string]int{}, conflict: map[string]*facts.Conflict{}}
	words := req.Words
	if words <= 0 {
		words = briefing.DefaultWords
	}
	in.data = prompts.Data{Words: words, Focus: req.Focus}

	// Facts, most widely reported first: the order in which a staged run
	// takes them, so its first parts hold what most sources agree on.
	order := make([]int, len(req.Table.Facts))
	for i := range order {
		order[i] = i
	}
	fs := req.Table.Facts
	sort.SliceStable(order, func(a, b int) bool {
		x, y := &fs[order[a]], &fs[order[b]]
		if x.Independent != y.Independent {
			return x.Independent > y.Independent
		}
		if x.Support != y.Support {
			return x.Support > y.Support
		}
		return x.Centrality > y.Centrality
	})
	stated := make([]bool, len(req.Corpus.Sources))
	for _, fi := range order {
		f := &fs[fi]
		pf := prompts.Fact{ID: tableID(f.ID), Support: f.Support, Independent: f.Independent}
		at := map[string]int{}
		for _, e := range f.Evidence {
			if e.Source < 0 || e.Source >= len(stated) {
				continue
			}
			stated[e.Source] = true
			text := strings.Join(strings.Fields(e.Text), " ")
			if k, ok := at[text]; ok {
				pf.Statements[k].Sources = append(pf.Statements[k].Sources, sourceID(e.Source))
				continue
			}
			at[text] = len(pf.Statements)
			pf.Statements = append(pf.Statements, prompts.Statement{Sources: []string{sourceID(e.Source)}, Text: text})
		}
		if len(pf.Statements) == 0 {
			continue
		}
		in.fact[pf.ID] = fi
		in.data.Facts = append(in.data.Facts, pf)
	}

	first := map[int]int{} // group -> first source in it
	for i, s := range req.Corpus.Sources {
		in.source[sourceID(i)] = i
		if !stated[i] {
			in.leftOut = append(in.leftOut, i)
			continue
		}
		ps := prompts.Source{ID: sourceID(i), Outlet: sourceOutlet(s), Title: oneLine(s.Title)}
		if !s.Published.IsZero() {
			ps.Published = s.Published.Format(time.DateOnly)
		}
		if f, ok := first[s.Group]; ok {
			ps.CopyOf = sourceID(f)
		} else {
			first[s.Group] = i
		}
		in.data.Sources = append(in.data.Sources, ps)
	}

	conflicts := make([]*facts.Conflict, 0, len(req.Table.Conflicts))
	for i := range req.Table.Conflicts {
		if cf := &req.Table.Conflicts[i]; cf.Confidence >= req.MinConfidence {
			conflicts = append(conflicts, cf)
		}
	}
	sort.SliceStable(conflicts, func(a, b int) bool { return conflicts[a].Confidence > conflicts[b].Confidence })
	for _, cf := range conflicts {
		in.conflict[tableID(cf.ID)] = cf
		in.data.Conflicts = append(in.data.Conflicts, promptConflict(cf, req.Corpus))
	}
	for i := range req.Table.Updates {
		cf := &req.Table.Updates[i]
		if cf.Confidence < req.MinConfidence {
			continue
		}
		in.conflict[tableID(cf.ID)] = cf
		in.data.Updates = append(in.data.Updates, promptConflict(cf, req.Corpus))
	}
	return in, nil
}

func promptConflict(cf *facts.Conflict, c *summarize.Corpus) prompts.Conflict {
	pc := prompts.Conflict{ID: tableID(cf.ID), Kind: string(cf.Kind), Subject: oneLine(cf.Subject), Reason: oneLine(cf.Reason)}
	for _, sd := range cf.Sides {
		ps := prompts.Side{Value: oneLine(sd.Value)}
		for _, s := range sd.Sources {
			ps.Sources = append(ps.Sources, sourceID(s))
		}
		if sd.Published > 0 {
			ps.Published = time.Unix(sd.Published, 0).UTC().Format(time.DateOnly)
		}
		pc.Sides = append(pc.Sides, ps)
	}
	return pc
}

// sourceOutlet names a source's outlet as the source list does.
func sourceOutlet(s *summarize.Source) string {
	return briefing.NewSourceRef(1, s).Outlet
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// sourcesOf returns the ids of the sources a prompt's facts and conflicts
// mention, so a part's prompt lists only the sources it quotes.
func sourcesOf(all []prompts.Source, fs []prompts.Fact, cs ...[]prompts.Conflict) []prompts.Source {
	used := map[string]bool{}
	for _, f := range fs {
		for _, st := range f.Statements {
			for _, s := range st.Sources {
				used[s] = true
			}
		}
	}
	for _, list := range cs {
		for _, c := range list {
			for _, sd := range c.Sides {
				for _, s := range sd.Sources {
					used[s] = true
				}
			}
		}
	}
	var out []prompts.Source
	for _, s := range all {
		if used[s.ID] {
			out = append(out, s)
		}
	}
	return out
}
