// Package llmtest is a fake OpenAI-compatible server for tests: an
// httptest server that speaks the Chat Completions API, so the real
// go-openai client is what tests exercise, and a stand-in model that
// answers brief's prompts from the fact table they carry, as a faithful
// model would.
package llmtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// Request is a chat completion request as the server received it.
type Request struct {
	Model          string          `json:"model"`
	Messages       []Message       `json:"messages"`
	Temperature    *float64        `json:"temperature"`
	MaxTokens      int             `json:"max_tokens"`
	ResponseFormat json.RawMessage `json:"response_format"`
	Header         http.Header     `json:"-"`
}

// Message is one chat message.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// System and User return the request's messages.
func (r Request) System() string { return r.message("system") }
func (r Request) User() string   { return r.message("user") }

func (r Request) message(role string) string {
	for _, m := range r.Messages {
		if m.Role == role {
			return m.Content
		}
	}
	return ""
}

// Reply is what the server sends back for one request.
type Reply struct {
	// Status, when not 0 or 200, sends an OpenAI-shaped error with
	// Content as its message.
	Status  int
	Header  http.Header
	Content string
	// Finish is the finish_reason; default "stop".
	Finish string
	// PromptTokens is reported in usage; default: a count of the prompt's
	// words, as a server would report roughly.
	PromptTokens int
	// Hang keeps the connection open until the client gives up.
	Hang bool
}

// Server is a fake Chat Completions server.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	requests []Request
	respond  func(n int, r Request) Reply
}

// New starts a server that answers request number n (from 0) with
// respond(n, r). It is closed when the test ends.
func New(t testing.TB, respond func(n int, r Request) Reply) *Server {
	s := &Server{respond: respond}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	t.Cleanup(s.Close)
	return s
}

// URL is the API root to give as --base-url.
func (s *Server) BaseURL() string { return s.Server.URL + "/v1" }

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/models") {
		// Like llama.cpp's server: one model.
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"object":"list","data":[{"id":"served-model","object":"model","owned_by":"llamacpp","created":1700000000}]}`)
		return
	}
	if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/chat/completions") {
		http.Error(w, `{"error":{"message":"not found","type":"invalid_request_error"}}`, http.StatusNotFound)
		return
	}
	var req Request
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error":{"message":%q,"type":"invalid_request_error"}}`, err.Error())
		return
	}
	req.Header = r.Header.Clone()
	s.mu.Lock()
	n := len(s.requests)
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	rep := s.respond(n, req)
	for k, vs := range rep.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	if rep.Hang {
		<-r.Context().Done()
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if rep.Status != 0 && rep.Status != http.StatusOK {
		w.WriteHeader(rep.Status)
		msg, _ := json.Marshal(rep.Content)
		fmt.Fprintf(w, `{"error":{"message":%s,"type":"server_error","code":null}}`, msg)
		return
	}
	if rep.Finish == "" {
		rep.Finish = "stop"
	}
	if rep.PromptTokens == 0 {
		rep.PromptTokens = len(strings.Fields(req.System()+" "+req.User())) * 4 / 3
	}
	body := map[string]any{
		"id": fmt.Sprintf("chatcmpl-%d", n), "object": "chat.completion", "created": 1700000000, "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": rep.Finish,
			"message": map[string]any{"role": "assistant", "content": rep.Content}}},
		"usage": map[string]any{"prompt_tokens": rep.PromptTokens, "completion_tokens": len(strings.Fields(rep.Content)),
			"total_tokens": rep.PromptTokens + len(strings.Fields(rep.Content))},
	}
	_ = json.NewEncoder(w).Encode(body)
}

// Answer is the briefing JSON a model returns.
type Answer struct {
	Headline   string    `json:"headline"`
	KeyPoints  []Point   `json:"key_points"`
	Disputes   []Dispute `json:"disputes"`
	Quotes     []Quote   `json:"quotes"`
	Background []Point   `json:"background"`
}

// Point is a key point or background sentence.
type Point struct {
	Text  string   `json:"text"`
	Facts []string `json:"facts"`
}

// Dispute is a reported contradiction.
type Dispute struct {
	Conflict string `json:"conflict"`
	Text     string `json:"text"`
}

// Quote is a notable quotation.
type Quote struct {
	Speaker string   `json:"speaker"`
	Quote   string   `json:"quote"`
	Sources []string `json:"sources"`
}

// JSON encodes the answer as the model's message content.
func (a Answer) JSON() string {
	for _, l := range []*[]Point{&a.KeyPoints, &a.Background} {
		if *l == nil {
			*l = []Point{}
		}
		for i := range *l {
			if (*l)[i].Facts == nil {
				(*l)[i].Facts = []string{}
			}
		}
	}
	if a.Disputes == nil {
		a.Disputes = []Dispute{}
	}
	if a.Quotes == nil {
		a.Quotes = []Quote{}
	}
	b, _ := json.MarshalIndent(a, "", "  ")
	return string(b)
}

var (
	factLine     = regexp.MustCompile(`^(F\d+) \| `)
	statement    = regexp.MustCompile(`^  ((?:S\d+, )*S\d+): (.+)$`)
	conflictLine = regexp.MustCompile(`^(C\d+) \| [a-z]+ \| ([^|]+)`)
	sideLine     = regexp.MustCompile(`^  "(.*)": ((?:S\d+, )*S\d+)`)
	draftLine    = regexp.MustCompile(`^(key_points|quotes|background) \| (.+)$`)
)

// Faithful answers a prompt the way a careful model would: from the
// fact table, it takes each fact's first statement, word for word, with
// every source that prints it, as a key point (the first five) or
// background; each contradiction becomes a dispute giving both sides with
// their sources; a merge keeps the drafts it is given. It reads nothing
// but the prompt, so it works for any corpus, whole or in parts.
func Faithful(r Request) Answer {
	var a Answer
	lines := strings.Split(r.User(), "\n")
	var fact string
	var cf *Dispute
	var sides []string
	flush := func() {
		if cf != nil && len(sides) >= 2 {
			cf.Text += strings.Join(sides, " against ") + "."
			a.Disputes = append(a.Disputes, *cf)
		}
		cf, sides = nil, nil
	}
	inConflicts := false
	for _, l := range lines {
		if strings.HasPrefix(l, "CONTRADICTIONS") {
			inConflicts = true
			continue
		}
		if strings.HasPrefix(l, "UPDATES") {
			flush()
			inConflicts = false
			continue
		}
		if m := draftLine.FindStringSubmatch(l); m != nil {
			p := Point{Text: m[2]}
			switch m[1] {
			case "key_points":
				if len(a.KeyPoints) < 5 {
					a.KeyPoints = append(a.KeyPoints, p)
				} else {
					a.Background = append(a.Background, p)
				}
			case "background":
				a.Background = append(a.Background, p)
			}
			continue
		}
		if inConflicts {
			if m := conflictLine.FindStringSubmatch(l); m != nil {
				flush()
				cf = &Dispute{Conflict: m[1], Text: strings.TrimSpace(m[2]) + ": "}
				continue
			}
			if m := sideLine.FindStringSubmatch(l); m != nil && cf != nil {
				sides = append(sides, m[1]+" "+markers(m[2]))
			}
			continue
		}
		if m := factLine.FindStringSubmatch(l); m != nil {
			fact = m[1]
			continue
		}
		if m := statement.FindStringSubmatch(l); m != nil && fact != "" {
			p := Point{Text: strings.TrimSpace(m[2]) + " " + markers(m[1]), Facts: []string{fact}}
			if len(a.KeyPoints) < 5 {
				a.KeyPoints = append(a.KeyPoints, p)
			} else if len(a.Background) < 3 {
				a.Background = append(a.Background, p)
			}
			fact = ""
		}
	}
	flush()
	if len(a.Disputes) > 4 {
		a.Disputes = a.Disputes[:4]
	}
	if len(a.KeyPoints) > 0 && !strings.Contains(r.System(), "You get part ") {
		a.Headline = a.KeyPoints[0].Text
	}
	return a
}

func markers(ids string) string {
	var b strings.Builder
	for _, id := range strings.Split(ids, ", ") {
		b.WriteString("[" + id + "]")
	}
	return b.String()
}
