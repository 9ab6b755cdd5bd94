package eval

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/brieftool/brief/briefing/rouge"
)

// meanWords is the average summary length over scored clusters: next to
// the word limit it shows whether a summarizer used its budget.
func (r *Report) meanWords() int {
	if r.Scored == 0 {
		return 0
	}
	total := 0
	for _, c := range r.Clusters {
		if c.Status == StatusScored {
			total += c.Words
		}
	}
	return int(math.Round(float64(total) / float64(r.Scored)))
}

// counts is the summary line shared by the text output and tests; the
// wording for skipped clusters says why, since "skipped" alone reads like
// a failure.
func (r *Report) counts() string {
	limit := "no word limit"
	if r.Words > 0 {
		limit = fmt.Sprintf("word limit %d", r.Words)
	}
	stem := "not stemmed"
	if r.Stem {
		stem = "stemmed"
	}
	return fmt.Sprintf("%d scored, %d skipped: no references, %d failed (%s, %s; scores in percent)",
		r.Scored, r.Skipped, r.Failed, limit, stem)
}

// WriteText writes an aligned table with recall, precision and F of
// ROUGE-1, ROUGE-2 and ROUGE-L in percent, a MEAN row and a line of
// counts.
func (r *Report) WriteText(w io.Writer) error {
	idWidth := len("cluster")
	for _, c := range r.Clusters {
		idWidth = max(idWidth, len(c.ID))
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%-*s  %5s", idWidth, "cluster", "words")
	for _, m := range []string{"R1", "R2", "RL"} {
		for _, k := range []string{"R", "P", "F"} {
			fmt.Fprintf(bw, "  %6s", m+"-"+k)
		}
	}
	bw.WriteString("\n")
	row := func(id string, words string, res rouge.Result) {
		fmt.Fprintf(bw, "%-*s  %5s", idWidth, id, words)
		for _, s := range []rouge.Score{res.R1, res.R2, res.RL} {
			fmt.Fprintf(bw, "  %6.2f  %6.2f  %6.2f", 100*s.Recall, 100*s.Precision, 100*s.F1)
		}
		bw.WriteString("\n")
	}
	for _, c := range r.Clusters {
		switch c.Status {
		case StatusScored:
			row(c.ID, strconv.Itoa(c.Words), c.Scores)
		case StatusSkipped:
			words := "-"
			if c.Words > 0 {
				words = strconv.Itoa(c.Words)
			}
			fmt.Fprintf(bw, "%-*s  %5s  skipped: no references\n", idWidth, c.ID, words)
		default:
			fmt.Fprintf(bw, "%-*s  %5s  failed: %s\n", idWidth, c.ID, "-", oneLine(c.Err))
		}
	}
	row("MEAN", strconv.Itoa(r.meanWords()), r.Mean)
	bw.WriteString(r.counts() + "\n")
	return bw.Flush()
}

func oneLine(err error) string {
	if err == nil {
		return "unknown error"
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}

// fixed5 prints a score with five decimals, the precision ROUGE-1.5.5
// prints, so JSON output stays stable when the last bits of a float
// computation change.
type fixed5 float64

func (f fixed5) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(f), 'f', 5, 64), nil
}

type fixed3 float64

func (f fixed3) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(f), 'f', 3, 64), nil
}

type jsonScore struct {
	Recall    fixed5 `json:"recall"`
	Precision fixed5 `json:"precision"`
	F1        fixed5 `json:"f1"`
}

type jsonResult struct {
	Rouge1 jsonScore `json:"rouge1"`
	Rouge2 jsonScore `json:"rouge2"`
	RougeL jsonScore `json:"rougeL"`
}

func toJSONResult(r rouge.Result) *jsonResult {
	conv := func(s rouge.Score) jsonScore {
		return jsonScore{fixed5(s.Recall), fixed5(s.Precision), fixed5(s.F1)}
	}
	return &jsonResult{conv(r.R1), conv(r.R2), conv(r.RL)}
}

type jsonCluster struct {
	ID      string `json:"id"`
	Status  Status `json:"status"`
	Words   int    `json:"words"`
	Seconds fixed3 `json:"seconds"`
	*jsonResult
	Error string `json:"error,omitempty"`
}

type jsonReport struct {
	Words    int           `json:"words"`
	Stem     bool          `json:"stem"`
	Clusters []jsonCluster `json:"clusters"`
	Mean     *jsonResult   `json:"mean"`
	Scored   int           `json:"scored"`
	Skipped  int           `json:"skipped"`
	Failed   int           `json:"failed"`
}

// WriteJSON writes the report for scripts. Scores are fractions in [0, 1]
// with five decimals; a cluster carries rouge1, rouge2 and rougeL only
// when it was scored, and error only when it failed.
func (r *Report) WriteJSON(w io.Writer) error {
	out := jsonReport{
		Words: r.Words, Stem: r.Stem,
		Clusters: make([]jsonCluster, 0, len(r.Clusters)),
		Mean:     toJSONResult(r.Mean),
		Scored:   r.Scored, Skipped: r.Skipped, Failed: r.Failed,
	}
	for _, c := range r.Clusters {
		jc := jsonCluster{ID: c.ID, Status: c.Status, Words: c.Words, Seconds: fixed3(c.Elapsed.Seconds())}
		if c.Status == StatusScored {
			jc.jsonResult = toJSONResult(c.Scores)
		}
		if c.Err != nil {
			jc.Error = c.Err.Error()
		}
		out.Clusters = append(out.Clusters, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// WriteCSV writes one row per cluster and a last row, status "mean", with
// the means. Scores are fractions with five decimals, as in WriteJSON;
// cells a cluster has no value for are empty.
func (r *Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	header := []string{"cluster", "status", "words", "seconds"}
	for _, m := range []string{"r1", "r2", "rl"} {
		header = append(header, m+"_recall", m+"_precision", m+"_f1")
	}
	header = append(header, "error")
	if err := cw.Write(header); err != nil {
		return err
	}
	scores := func(res rouge.Result) []string {
		var out []string
		for _, s := range []rouge.Score{res.R1, res.R2, res.RL} {
			for _, v := range []float64{s.Recall, s.Precision, s.F1} {
				out = append(out, strconv.FormatFloat(v, 'f', 5, 64))
			}
		}
		return out
	}
	for _, c := range r.Clusters {
		rec := []string{c.ID, string(c.Status), strconv.Itoa(c.Words), strconv.FormatFloat(c.Elapsed.Seconds(), 'f', 3, 64)}
		if c.Status == StatusScored {
			rec = append(rec, scores(c.Scores)...)
		} else {
			rec = append(rec, make([]string, 9)...)
		}
		errText := ""
		if c.Err != nil {
			errText = oneLine(c.Err)
		}
		if err := cw.Write(append(rec, errText)); err != nil {
			return err
		}
	}
	rec := append([]string{"MEAN", "mean", strconv.Itoa(r.meanWords()), ""}, scores(r.Mean)...)
	if err := cw.Write(append(rec, "")); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
