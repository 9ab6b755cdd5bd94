package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Four articles, two true stories: a and b in story 1, c and d in 2.
const truth4 = `{"id":"a","story":1,"wire":0,"duplicate_of":""}
{"id":"b","story":1,"wire":1,"duplicate_of":"a"}
{"id":"c","story":2,"wire":2,"duplicate_of":""}
{"id":"d","story":2,"wire":3,"duplicate_of":""}
`

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name, truth, clusters string
		want                  []string // lines of the output
		err                   string   // a part of the error, when one is wanted
	}{
		{
			name:  "perfect",
			truth: truth4,
			clusters: `{"id":"a","story":"a","rank":1}
{"id":"b","story":"a","rank":1}
{"id":"c","story":"c","rank":2}
{"id":"d","story":"c","rank":2}`,
			want: []string{"articles 4", "missing 0", "true_stories 2", "found_stories 2",
				"purity 1.000", "ari 1.000", "bcubed_p 1.000", "bcubed_r 1.000", "bcubed_f1 1.000"},
		},
		{
			// Numeric stories, any order, a blank line and a Windows line end.
			name:     "numbers",
			truth:    truth4,
			clusters: "{\"id\":\"d\",\"story\":7}\r\n\n{\"id\":\"c\",\"story\":7}\n{\"id\":\"b\",\"story\":-1}\n{\"id\":\"a\",\"story\":-1}\n",
			want:     []string{"found_stories 2", "purity 1.000", "ari 1.000", "bcubed_f1 1.000"},
		},
		{
			// a, b, c together: purity 3/4, B-cubed P (4/3+1/3+1)/4,
			// R (2+1/2+1/2)/4, and no better than chance.
			name:  "merged",
			truth: truth4,
			clusters: `{"id":"a","story":"x"}
{"id":"b","story":"x"}
{"id":"c","story":"x"}
{"id":"d","story":"y"}`,
			want: []string{"found_stories 2", "purity 0.750", "ari 0.000",
				"bcubed_p 0.667", "bcubed_r 0.750", "bcubed_f1 0.706"},
		},
		{
			name:     "all in one",
			truth:    truth4,
			clusters: `{"id":"a","story":"x"}` + "\n" + `{"id":"b","story":"x"}` + "\n" + `{"id":"c","story":"x"}` + "\n" + `{"id":"d","story":"x"}`,
			want:     []string{"found_stories 1", "purity 0.500", "bcubed_p 0.500", "bcubed_r 1.000"},
		},
		{
			// b, c and d are left out: each is scored as a story of its own.
			name:     "missing",
			truth:    truth4,
			clusters: `{"id":"a","story":"x"}`,
			want: []string{"articles 4", "missing 3 (left out of the clusters; scored as one-article stories)",
				"found_stories 1", "purity 1.000", "bcubed_p 1.000", "bcubed_r 0.500"},
		},
		{
			name:     "nothing clustered",
			truth:    truth4,
			clusters: "",
			want:     []string{"missing 4 (left out of the clusters; scored as one-article stories)", "found_stories 0", "bcubed_r 0.500"},
		},
		{
			name:  "unknown",
			truth: truth4,
			clusters: `{"id":"a","story":"x"}
{"id":"b","story":"x"}
{"id":"c","story":"y"}
{"id":"d","story":"y"}
{"id":"zz","story":"y"}`,
			want: []string{"unknown 1 (not in the truth; ignored)", "found_stories 2", "purity 1.000"},
		},
		{
			name:     "listed twice, same story",
			truth:    truth4,
			clusters: `{"id":"a","story":"x"}` + "\n" + `{"id":"a","story":"x"}`,
			want:     []string{"missing 3", "found_stories 1"},
		},
		{name: "listed twice, two stories", truth: truth4, clusters: `{"id":"a","story":"x"}` + "\n" + `{"id":"a","story":"y"}`, err: "a: in stories x and y"},
		{name: "wrong truth", truth: truth4, clusters: `{"id":"p","story":"x"}`, err: "no article is in the truth"},
		{name: "no story", truth: truth4, clusters: `{"id":"a"}`, err: "clusters.jsonl:1: a: no story"},
		{name: "bad story", truth: truth4, clusters: `{"id":"a","story":[1]}`, err: "neither a string nor a number"},
		{name: "no id", truth: truth4, clusters: "\n" + `{"story":"x"}`, err: "clusters.jsonl:2: no id"},
		{name: "bad json", truth: truth4, clusters: `{"id":`, err: "clusters.jsonl:1"},
		{name: "empty truth", truth: "", clusters: `{"id":"a","story":"x"}`, err: "no articles"},
		{name: "truth twice", truth: truth4 + `{"id":"a","story":3}`, clusters: "", err: "truth.jsonl:5: a: listed twice"},
		{name: "truth without story", truth: `{"id":"a"}`, clusters: "", err: "a: no story"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			truth := filepath.Join(dir, "truth.jsonl")
			clusters := filepath.Join(dir, "clusters.jsonl")
			if err := os.WriteFile(truth, []byte(tc.truth), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(clusters, []byte(tc.clusters), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			err := run([]string{"-truth", truth, clusters}, &stdout, &stderr)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(stdout.String(), "\n")
			for _, w := range tc.want {
				found := false
				for _, l := range lines {
					found = found || l == w || strings.HasPrefix(l, w+" (")
				}
				if !found {
					t.Errorf("output lacks %q:\n%s", w, stdout.String())
				}
			}
		})
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"x.jsonl"}, {"-truth", "t.jsonl"}, {"-truth", "t.jsonl", "a", "b"}} {
		var stdout, stderr bytes.Buffer
		if err := run(args, &stdout, &stderr); err == nil {
			t.Errorf("run(%q) = nil, want a usage error", args)
		}
		if !strings.Contains(stderr.String(), "usage: clusterscore") {
			t.Errorf("run(%q) printed no usage:\n%s", args, stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-truth", "missing.jsonl", "also-missing.jsonl"}, &stdout, &stderr); err == nil {
		t.Error("a missing truth file must fail")
	}
}
