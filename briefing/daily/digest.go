// Package daily makes the daily digest: a day's articles, streamed from
// feeds, folders and JSON lines, clustered into stories by event, ranked
// by independent coverage and recency, and each top story briefed under
// the same citation check as a one-page briefing.
package daily

import "github.com/brieftool/brief/briefing"

// Digest is the day's stories, most important first. The renderers read
// nothing else, so a digest saved as JSON can be re-rendered.
type Digest struct {
	// Backend names what wrote the stories' sentences: "extractive" or
	// "openai:MODEL" (a story whose model call failed says so itself).
	Backend string `json:"backend"`
	// Since and Until are the --since/--until window, RFC 3339, "" when
	// open.
	Since string `json:"since,omitempty"`
	Until string `json:"until,omitempty"`
	// From and To are the earliest and latest publication times of the
	// articles read (RFC 3339), "" when none is dated.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Articles counts the articles clustered; Skipped those left out by
	// the time window (undated articles are skipped when a window is
	// set); Failed the inputs and articles that could not be read.
	Articles int `json:"articles"`
	Skipped  int `json:"skipped"`
	Failed   int `json:"failed"`
	// Stories counts every story found; Shown are the top --stories.
	Stories int     `json:"stories"`
	Shown   []Story `json:"shown"`
	// Notes say what the reader should know about how the digest was
	// made.
	Notes []string `json:"notes,omitempty"`
}

// Story is one story of the digest.
type Story struct {
	Rank int `json:"rank"`
	// ID is stable across runs of the same inputs: the id of the story's
	// first article.
	ID string `json:"id"`
	// Score is what the story is ranked by: independent coverage,
	// discounted by age (see Rank).
	Score float64 `json:"score"`
	// Articles counts the story's articles; Independent its syndication
	// groups (wire copies of one report count once); Outlets its distinct
	// outlets.
	Articles    int `json:"articles"`
	Independent int `json:"independent"`
	Outlets     int `json:"outlets"`
	// Briefed counts the articles the story's sentences were chosen from:
	// all of them, or for a very large story the most independent ones
	// (the digest says so in a note).
	Briefed int `json:"briefed"`
	// First and Last are the story's earliest and latest publication
	// times (RFC 3339).
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Headline, Sentences (2 or 3 cited sentences) and Disputes (the
	// contradictions between the story's sources, one line each, in the
	// briefing's dispute form) come from the story's briefing; their
	// citations number into Sources.
	Headline  briefing.Item        `json:"headline"`
	Sentences []briefing.Item      `json:"sentences"`
	Disputes  []briefing.Item      `json:"disputes,omitempty"`
	Sources   []briefing.SourceRef `json:"sources"`
	// Conflicts counts the story's contradictions above the confidence
	// bar, shown or not.
	Conflicts    int                   `json:"conflicts"`
	Verification briefing.Verification `json:"verification"`
	Backend      string                `json:"backend"`
	// Notes are the story's briefing notes (a model fallback, dropped
	// sentences).
	Notes []string `json:"notes,omitempty"`
	// Details is the path of the story's full briefing under --details,
	// relative to that directory.
	Details string `json:"details,omitempty"`
}
