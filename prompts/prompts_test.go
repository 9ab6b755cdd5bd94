package prompts

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brieftool/brief/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func example() Data {
	return Data{
		Words: 120,
		Focus: "flood defences",
		Sources: []Source{
			{ID: "S1", Outlet: "Rhine Post", Published: "2024-05-12", Title: "Barrier opened as river rises"},
			{ID: "S2", Outlet: "Delta Courier", Published: "2024-05-14", Title: "City opens flood barrier"},
			{ID: "S3", Outlet: "Valley News", Published: "2024-05-14", Title: "City opens flood barrier", CopyOf: "S2"},
		},
		Facts: []Fact{
			{ID: "F1", Support: 3, Independent: 2, Statements: []Statement{
				{Sources: []string{"S1"}, Text: "The city opened its flood barrier on 12 May as the river rose."},
				{Sources: []string{"S2", "S3"}, Text: "The flood barrier was opened on 14 May, mayor Anna Berg said."},
			}},
			{ID: "F2", Support: 1, Independent: 1, Statements: []Statement{
				{Sources: []string{"S2"}, Text: "\"We will protect every house,\" Berg said."},
			}},
		},
		Conflicts: []Conflict{{ID: "C1", Kind: "date", Subject: "when the flood barrier opened", Reason: "different days",
			Sides: []Side{{Value: "12 May", Sources: []string{"S1"}}, {Value: "14 May", Sources: []string{"S2", "S3"}}}}},
		Updates: []Conflict{{ID: "U1", Kind: "number", Subject: "homes flooded",
			Sides: []Side{{Value: "40", Sources: []string{"S1"}, Published: "2024-05-12"}, {Value: "120", Sources: []string{"S2"}, Published: "2024-05-14"}}}},
		Drafts: []Draft{{Section: "key_points", Text: "The city opened its flood barrier [S1][S2]."}},
		Part:   2, Parts: 3,
	}
}

func TestRenderGolden(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{Briefing, Stage, Merge, Repair} {
		t.Run(name, func(t *testing.T) {
			var data any = example()
			if name == Repair {
				data = RepairData{Answer: `{"headline": "Barrier opened [S1]",`, Problem: "the JSON object is not closed"}
			}
			p, err := s.Render(name, data)
			if err != nil {
				t.Fatal(err)
			}
			if p.Version != Version || p.Name != name {
				t.Errorf("prompt %s %s", p.Name, p.Version)
			}
			got := "=== system ===\n" + p.System + "=== user ===\n" + p.User
			golden.Check(t, filepath.Join("testdata", "golden", name+"."+Version+".txt"), []byte(got), *update)
		})
	}
}

// What the model must be told, whichever prompt it gets: a rule lost in
// an edit is a briefing nobody can audit.
func TestPromptsCarryTheRules(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{Briefing, Stage, Merge} {
		p, err := s.Render(name, example())
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{
			"citation markers", "[S2]", // every sentence cites
			"Cite only source ids listed", // no made-up sources
			"character for character",     // quotes are verbatim
			"exactly as the cited source", // numbers, dates, names
			"wire copy",                   // syndication is not confirmation
			"JSON object",
		} {
			if !strings.Contains(p.System, want) {
				t.Errorf("%s system prompt lacks %q", name, want)
			}
		}
		if strings.Contains(p.User, "{{") || strings.Contains(p.System, "<no value>") || strings.Contains(p.User, "<no value>") {
			t.Errorf("%s prompt has unrendered template text", name)
		}
	}
	p, _ := s.Render(Briefing, example())
	for _, want := range []string{"S3 | Valley News | 2024-05-14 | City opens flood barrier | wire copy of S2's story",
		"F1 | 3 sources, 2 independent", "  S2, S3: The flood barrier was opened on 14 May", "C1 | date | when the flood barrier opened",
		`  "12 May": S1`, "U1 | homes flooded", "about 120 words", "focused on this question or topic: flood defences"} {
		if !strings.Contains(p.User, want) {
			t.Errorf("briefing prompt lacks %q", want)
		}
	}
}

func TestRenderUnknown(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Render("summary", example()); err == nil {
		t.Error("no error for an unknown prompt")
	}
}

// OpenAI's strict structured output takes a schema only when every
// object lists all its properties as required and allows no others.
func TestAnswerSchemaIsStrict(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(AnswerSchema(), &schema); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	var check func(path string, v map[string]any)
	check = func(path string, v map[string]any) {
		switch v["type"] {
		case "object":
			if v["additionalProperties"] != false {
				t.Errorf("%s: additionalProperties must be false", path)
			}
			props, _ := v["properties"].(map[string]any)
			req := map[string]bool{}
			for _, r := range v["required"].([]any) {
				req[r.(string)] = true
			}
			for name, p := range props {
				if !req[name] {
					t.Errorf("%s.%s is not required", path, name)
				}
				check(path+"."+name, p.(map[string]any))
			}
		case "array":
			check(path+"[]", v["items"].(map[string]any))
		case "string":
		default:
			t.Errorf("%s: unexpected type %v", path, v["type"])
		}
	}
	check("answer", schema)
	// The example answer the prompt shows has the schema's fields.
	for _, f := range []string{"headline", "key_points", "disputes", "quotes", "background"} {
		if !strings.Contains(string(AnswerSchema()), `"`+f+`"`) {
			t.Errorf("schema lacks %s", f)
		}
	}
}

// The fingerprint of the embedded files is pinned in a golden file: an
// edit of a template must come with a new Version (and a new pin), so
// that cached answers and saved runs never pass for the new wording.
func TestVersionPinned(t *testing.T) {
	path := filepath.Join("testdata", "golden", "fingerprint.txt")
	if *update {
		if err := os.WriteFile(path, []byte(Fingerprint()+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pin := strings.TrimSpace(string(b))
	if !strings.HasPrefix(pin, Version+"-") {
		t.Fatalf("the pin %q is not for version %s", pin, Version)
	}
	if got := Fingerprint(); got != pin {
		t.Errorf("the prompt files changed (fingerprint %s, pinned %s): give the changed templates a new version, "+
			"set Version, and run go test ./prompts -update", got, pin)
	}
}
