// Package clean strips page junk from scraped article text and detects the
// header metadata (title, outlet, author, date) that pasted pages carry as
// plain lines.
//
// Pages saved as text keep their menus, share buttons, "Read also" teasers,
// view counters, copyright footers and photo captions as lines of their
// own. Cleaning works on units (a line, or a paragraph of hard-wrapped
// lines) in two passes:
//
//  1. Patterns that identify junk wherever it appears: a view counter or a
//     photo credit is junk in the middle of an article as much as at its
//     end.
//  2. Zones. The body runs from the first to the last unit of prose (a
//     sentence-like unit). Short non-prose units before the body are the
//     page header (section labels, title, byline, date, menus); those after
//     it are the footer. Inside the body, short non-prose units are kept
//     unless they are headings or caption labels.
//
// A unit is removed only when it matches a pattern or is non-prose outside
// the body, so a sentence that happens to contain "share" or "search"
// stays. Every removal is reported with its line number and kind, so
// nothing disappears silently.
package clean

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/brieftool/brief/summarize/dates"
)

// Kinds of removed units, as they appear in reports.
const (
	KindNav         = "navigation"
	KindSocial      = "social"
	KindSearch      = "search"
	KindLoading     = "loading"
	KindReadAlso    = "read_also"
	KindMostPopular = "most_popular"
	KindShortLink   = "short_link"
	KindViews       = "view_counter"
	KindCopyright   = "copyright"
	KindCaption     = "caption"
	KindImage       = "image"
	KindLink        = "link"
	KindSection     = "section"
	KindHeading     = "heading"
	KindTitle       = "title"
	KindByline      = "byline"
	KindDateline    = "date"
	KindSourceLine  = "source_line"
	KindOutletLine  = "outlet_line"
	KindFooter      = "footer"
)

// Where a detected field came from, as reported in provenance.
const (
	FromHeader    = "header"
	FromFooter    = "footer"
	FromText      = "text"
	FromSource    = "source line"
	FromCopyright = "copyright"
	FromBrand     = "brand line"
	FromURL       = "page url"
)

// Options tell the cleaner what the input already established.
type Options struct {
	// Title is the headline known from metadata; leading units that repeat
	// it are removed as the title rather than kept as body text.
	Title string
	// Dated says the input declared its publication date, so the body
	// need not be searched for one. Date lines in the header are still
	// recognised and removed.
	Dated bool
}

// Removal is one unit taken out of the text.
type Removal struct {
	Line int    `json:"line"` // 1-based line of the input where the unit starts
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// Result is the cleaned article.
type Result struct {
	Paragraphs []string
	Removed    []Removal

	Title, Outlet, Author, Section string
	Agencies                       []string
	Published                      time.Time
	HasTime                        bool
	// TitleFrom, OutletFrom and DateFrom say where each detected field was
	// found (FromHeader, FromCopyright, ...); empty when not detected.
	TitleFrom, OutletFrom, DateFrom string
}

// Cleaner holds the compiled patterns. It is immutable and safe for
// concurrent use; build one and share it.
type Cleaner struct {
	dates *dates.Finder
	re    patterns
}

type patterns struct {
	views, copyright, reproduce, readAlso, mostPopular, shortLink, loading,
	search, imageLabel, imageURL, bareURL, sourceLine, byline, captionStart,
	captionCredit, captionAgency, notPictured, domain,
	agencyDateline, agencyReports, social, langCode, years, holderJunk, linkTo *regexp.Regexp
}

// New compiles the cleaner's patterns.
func New() *Cleaner {
	agencies := `(?:AFP|Reuters|AP|Associated Press|Agence France-Presse|EPA|Getty Images|Anadolu(?: Agency)?|Xinhua|dpa|ANSA|EFE|Bloomberg|TASS|UPI|IANS|PTI|ANI|Sipa|Kyodo|Yonhap)`
	return &Cleaner{
		dates: dates.NewFinder(),
		re: patterns{
			views:       regexp.MustCompile(`(?i)^(?:views?|viewed|reads?|seen|hits)\s*[:\-]?\s*[\d][\d,.\s]*[km]?$|^[\d][\d,.]*[km]?\s+(?:views?|reads?)$`),
			copyright:   regexp.MustCompile(`(?i)©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b`),
			reproduce:   regexp.MustCompile(`(?i)\b(?:use of (?:the )?materials?|reproduction|republication|reprinting)\b.*\b(?:allowed|permitted|prohibited|forbidden|hyperlink|link)\b`),
			readAlso:    regexp.MustCompile(`(?i)^(?:read|see)\s+(?:also|more|next)\b|^also\s+read\b|^related(?:\s+(?:stories|articles|news|content|coverage))?\s*:?\s*$|^recommended(?:\s+for you)?\s*:?$|^you (?:may|might) also (?:like|be interested)|^more (?:stories|news|from|on this)\b.*:?$`),
			mostPopular: regexp.MustCompile(`(?i)^(?:most\s+(?:popular|read|viewed|shared|commented)|trending(?:\s+now)?|top stories|latest news|editor'?s picks?|popular (?:news|now|stories))\s*[.:]?$`),
			shortLink:   regexp.MustCompile(`(?i)^short\s*(?:link|url)\s*:?\s*\S*$`),
			loading:     regexp.MustCompile(`(?i)^(?:loading|please wait)\s*(?:\.{2,}|…)?$`),
			search:      regexp.MustCompile(`(?i)^(?:search|search for|type to search|enter (?:your )?(?:keywords?|search terms?)|what are you (?:looking|searching) for)\s*[:?.…]*$`),
			imageLabel:  regexp.MustCompile(`(?i)^(?:representative|representational|file|archive|illustrative|featured|main)?\s*(?:image|photo|picture|pic|illustration|photograph|video)s?\s*\.?$`),
			imageURL:    regexp.MustCompile(`(?i)^https?://\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?$`),
			bareURL:     regexp.MustCompile(`(?i)^(?:https?://|www\.)\S+$`),
			sourceLine:  regexp.MustCompile(`(?i)^(?:source|sources|via|courtesy)\s*:\s*(\S.{0,80})$`),
			byline:      regexp.MustCompile(`(?i)^by\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|al|el|bin|and|&))*)`),
			// A caption is recognised by its credit, not its wording: captions
			// describe scenes in the present tense like any sentence.
			captionStart:   regexp.MustCompile(`(?i)^\(?\s*(?:file\s+|archive\s+)?(?:photo|image|picture|pic|photograph|illustration|video)s?(?:\s+credits?)?\s*(?::|/|-\s|by\s)`),
			captionCredit:  regexp.MustCompile(`(?i)\(\s*(?:(?:photo|image|picture|video)\s*)?(?:credits?|courtesy|source)\s*:[^()]*\)\s*$|\(\s*(?:photo|image|picture)\s*(?::|by)[^()]*\)\s*$`),
			captionAgency:  regexp.MustCompile(`\p{L}\s*/\s*` + agencies + `(?:\s+(?:photo|via Getty Images))?\s*\)?\s*$`),
			notPictured:    regexp.MustCompile(`(?i)\(\s*(?:not pictured|centre|center|left|right|second (?:left|right)|top|bottom)\s*\)`),
			domain:         regexp.MustCompile(`(?i)^(?:www\.)?([\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|net|org|az|co|info|news|uk|ru|am|ge|tr|de|fr|in|io|tv|me|us|eu|ae|qa|lb|iq|ir|il|pk|ng|za|au|ca|nz|ie|it|es|pt|nl|be|ch|at|se|no|dk|fi|pl|cz|ua|kz|uz|kg|tj|tm|by|md|ro|bg|gr|cy|eg|sa|kw|bh|om|jo|sy|ye|ly|tn|dz|ma|ke|gh|cn|jp|kr|tw|hk|sg|my|id|ph|th|vn|bd|lk|np|af|mx|br|ar|cl|pe|ve))\.?$`),
			agencyDateline: regexp.MustCompile(`\((` + agencies + `)\)\s*(?:-|–|—|--)`),
			agencyReports:  regexp.MustCompile(`\b(` + agencies + `) (?:reports|reported)\.?\s*$`),
			social:         regexp.MustCompile(`(?i)^[\W\d]*(?:share|follow|like|liked|subscribe|join|tweet|email|print|copy)[\w-]*\b.*\b(?:social|facebook|twitter|telegram|whatsapp|youtube|instagram|linkedin|tiktok|x\.com|vk|media|story|article|us|page|link|channel|newsletter)\b`),
			langCode:       regexp.MustCompile(`^(?:[a-z]{2,3}|[A-Z]{2,3})$`),
			years:          regexp.MustCompile(`\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b`),
			holderJunk:     regexp.MustCompile(`(?i)©|\(c\)|\bcopyright\b|\ball rights reserved\b|\bInc\b\.?$`),
			linkTo:         regexp.MustCompile(`(?i)\b(?:hyperlink|link|reference)\s+to\s+(?:the\s+)?(?:website\s+|site\s+)?([\p{L}\d][\p{L}\d.-]*[\p{L}\d])`),
		},
	}
}

// navWords are whole-line menu and widget labels seen on news pages.
var navWords = map[string]bool{
	"twitter": true, "x": true, "facebook": true, "instagram": true, "youtube": true, "telegram": true,
	"whatsapp": true, "linkedin": true, "tiktok": true, "vk": true, "pinterest": true, "reddit": true,
	"threads": true, "bluesky": true, "rss": true, "email": true, "e-mail": true, "print": true,
	"copy link": true, "copy": true, "share": true, "tweet": true, "apple store": true, "app store": true,
	"google play": true, "play market": true, "menu": true, "home": true, "subscribe": true,
	"sign in": true, "sign up": true, "log in": true, "login": true, "register": true, "newsletter": true,
	"advertisement": true, "advertising": true, "sponsored": true, "close": true, "skip to content": true,
	"skip to main content": true, "a+": true, "a-": true, "a": true, "back to top": true, "next": true,
	"previous": true, "more": true, "comments": true, "comment": true, "link copied": true,
	"follow us": true, "listen": true, "listen to this article": true, "save": true, "bookmark": true,
	"contact us": true, "about us": true, "privacy policy": true, "terms of use": true, "cookies": true,
	"accept": true, "continue reading": true, "show more": true, "load more": true, "top": true,
	"video": true, "photos": true, "gallery": true, "live": true, "watch": true, "opinion": true,
}

// unit is a line, or a paragraph of hard-wrapped lines.
type unit struct {
	line  int
	text  string
	kind  string // "" while kept
	words int
	prose bool
	// pattern is set when a junk pattern matched, as opposed to a removal
	// decided by the unit's position relative to the body.
	pattern bool
}

// Clean removes junk from text and detects header metadata.
func (c *Cleaner) Clean(text string, opts Options) Result {
	units := split(normalize(text))
	for i := range units {
		u := &units[i]
		u.words = countWords(u.text)
		u.prose = isProse(u.text, u.words)
	}
	var res Result
	var outlets outletCandidates
	c.patternPass(units, &res, &outlets)
	for i := range units {
		units[i].pattern = units[i].kind != ""
	}
	c.zonePass(units, &res, &outlets, opts)
	keepShortText(units)

	for _, u := range units {
		if u.kind == "" {
			res.Paragraphs = append(res.Paragraphs, u.text)
			continue
		}
		res.Removed = append(res.Removed, Removal{Line: u.line, Kind: u.kind, Text: u.text})
	}
	if res.Published.IsZero() && !opts.Dated {
		// No header or footer date: fall back to the first full date the
		// page mentions, captions included (a caption dates its photo,
		// usually the event). Marked as found in text so users can weigh it.
		for _, u := range units {
			if u.kind == KindCaption && strings.Contains(strings.ToLower(u.text), "file") {
				continue
			}
			if m, ok := c.dates.First(u.text); ok {
				res.Published, res.HasTime, res.DateFrom = m.Time, m.HasTime, FromText
				break
			}
		}
	}
	if o, from := outlets.best(); o != "" {
		res.Outlet, res.OutletFrom = o, from
	}
	for _, p := range res.Paragraphs {
		// Datelines open a paragraph ("BAGHDAD (Reuters) -"); "Reuters
		// reports." closes one.
		head, tail := p, p
		if len(p) > 120 {
			head, tail = p[:120], p[len(p)-60:]
		}
		if strings.Contains(head, "(") {
			if m := c.re.agencyDateline.FindStringSubmatch(head); m != nil {
				res.Agencies = addAgency(res.Agencies, m[1])
			}
		}
		if strings.Contains(tail, "report") {
			if m := c.re.agencyReports.FindStringSubmatch(tail); m != nil {
				res.Agencies = addAgency(res.Agencies, m[1])
			}
		}
	}
	return res
}

// keepShortText handles texts too short to have a body, such as a feed
// teaser of two short sentences: position alone says nothing there, so
// units removed only for their position (title, heading, footer) are kept
// when nothing else would be. What a pattern matched stays removed, and
// the title stays detected.
func keepShortText(units []unit) {
	for _, u := range units {
		if u.kind == "" {
			return
		}
	}
	for i := range units {
		u := &units[i]
		switch u.kind {
		case KindTitle, KindHeading, KindFooter, KindSection, KindNav:
			if !u.pattern {
				u.kind = ""
			}
		}
	}
}

// patternPass marks units that are junk wherever they appear. Each pattern
// is guarded by a cheap test (length, a keyword) because most units are
// prose that no pattern matches, and regexps are the cost of cleaning.
func (c *Cleaner) patternPass(units []unit, res *Result, outlets *outletCandidates) {
	re := &c.re
	for i := range units {
		u := &units[i]
		t := u.text
		if u.words > 30 {
			// Junk lines are short; a long unit can still be a caption.
			if isCaption(re, t) {
				u.kind = KindCaption
			}
			continue
		}
		lower := strings.ToLower(t)
		trimmed := strings.TrimRight(lower, " :.!?…»›>|")
		switch {
		case navWords[trimmed] || (u.words <= 4 && navWords[strings.TrimSpace(strings.Trim(trimmed, "•·|-–—"))]):
			u.kind = KindNav
		case u.words <= 6 && re.loading.MatchString(t):
			u.kind = KindLoading
		case u.words <= 6 && re.search.MatchString(t):
			u.kind = KindSearch
		case u.words <= 15 && containsAny(lower, "share", "follow", "like", "subscribe", "join", "tweet", "email", "print", "copy") && re.social.MatchString(t):
			u.kind = KindSocial
		case u.words <= 4 && strings.ContainsAny(t, "0123456789") && re.views.MatchString(t):
			u.kind = KindViews
		case containsAny(lower, "©", "(c)", "copyright", "rights reserved") ||
			containsAny(lower, "material", "reproduc", "republica", "reprint") && re.reproduce.MatchString(t):
			u.kind = KindCopyright
			c.fromCopyright(outlets, t)
		case u.words <= 20 && hasAnyPrefix(lower, "read", "see", "also", "related", "recommended", "you ", "more ") && re.readAlso.MatchString(t):
			u.kind = KindReadAlso
		case u.words <= 4 && re.mostPopular.MatchString(t):
			u.kind = KindMostPopular
		case strings.HasPrefix(lower, "short") && re.shortLink.MatchString(t):
			u.kind = KindShortLink
		case hasAnyPrefix(lower, "http", "www.") && re.imageURL.MatchString(t):
			u.kind = KindImage
			outlets.add(hostOutlet(t), FromURL)
		case hasAnyPrefix(lower, "http", "www.") && re.bareURL.MatchString(t):
			u.kind = KindLink
		case u.words <= 4 && re.imageLabel.MatchString(t):
			u.kind = KindImage
		case u.words <= 12 && strings.Contains(t, ":") && re.sourceLine.MatchString(t):
			u.kind = KindSourceLine
			v := strings.TrimSpace(re.sourceLine.FindStringSubmatch(t)[1])
			if ags := agencyList(v); ags != nil {
				for _, a := range ags {
					res.Agencies = addAgency(res.Agencies, a)
				}
			} else {
				outlets.add(strings.TrimRight(v, "."), FromSource)
			}
		case isCaption(re, t):
			u.kind = KindCaption
		}
	}
}

// creditTrailer spots a caption ending in its agency credit after the
// last sentence: "... at the entrance of the market. AFP".
func creditTrailer(t string) bool {
	t = strings.TrimSuffix(strings.TrimSpace(t), ")")
	for _, n := range []int{1, 2} {
		cut := len(t)
		for k := 0; k < n && cut > 0; k++ {
			cut = strings.LastIndexByte(t[:cut], ' ')
		}
		if cut <= 0 {
			return false
		}
		last := strings.TrimSuffix(strings.TrimSpace(t[cut:]), " photo")
		if agencyName(last) == "" {
			continue
		}
		before := strings.TrimRight(t[:cut], "\"”’ ")
		if strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?") {
			return true
		}
	}
	return false
}

// countWords counts space-separated words without allocating; units are
// already normalised to single spaces.
func countWords(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func isCaption(re *patterns, t string) bool {
	if re.captionStart.MatchString(t) {
		return true
	}
	// Credits sit at the end of a caption. Matching only the tail keeps
	// the end-anchored patterns from being tried at every position of a
	// long paragraph.
	tail := t
	if len(tail) > 160 {
		tail = tail[len(tail)-160:]
	}
	if strings.Contains(tail, ")") && re.captionCredit.MatchString(tail) {
		return true
	}
	if strings.Contains(tail, "/") && re.captionAgency.MatchString(tail) {
		return true
	}
	if creditTrailer(tail) {
		return true
	}
	return strings.Contains(t, "(") && re.notPictured.MatchString(t)
}

// zonePass classifies what patterns left, by position relative to the body.
func (c *Cleaner) zonePass(units []unit, res *Result, outlets *outletCandidates, opts Options) {
	first, last := -1, -1
	for i, u := range units {
		if u.kind == "" && u.prose {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		// No prose at all (a list, a teaser): everything is header. What
		// that removes only for its position, keepShortText restores when
		// nothing else is left.
		first, last = len(units), len(units)-1
	}

	c.header(units[:first], res, outlets, opts)

	// A short label right before or after a caption belongs to it ("US in
	// Iraq" above "File photo: ..."). Marked before headings are, since a
	// label looks like one.
	for i := range units {
		if units[i].kind != KindCaption {
			continue
		}
		for _, j := range []int{prevKept(units, i), nextKept(units, i)} {
			if j >= 0 && !units[j].prose && units[j].words <= 8 && !isBullet(units[j].text) {
				units[j].kind = KindCaption
			}
		}
	}

	// A "Read also" marker takes the teaser headline after it; a footer
	// marker ("Most Popular", "Short link:") takes the non-prose lines
	// that follow it.
	footerMarker := false
	for i := first; i < len(units); i++ {
		u := &units[i]
		switch u.kind {
		case KindReadAlso:
			if j := nextKept(units, i); j >= 0 && !units[j].prose && units[j].words <= 25 {
				units[j].kind = KindReadAlso
			}
			continue
		case KindMostPopular, KindShortLink:
			footerMarker = true
			continue
		}
		if u.kind != "" || u.prose {
			continue
		}
		switch {
		case i > last:
			c.footerUnit(u, res, outlets)
		case footerMarker:
			u.kind = KindFooter
		case isHeading(u):
			u.kind = KindHeading
		}
	}
}

// header classifies the units before the first prose unit.
func (c *Cleaner) header(units []unit, res *Result, outlets *outletCandidates, opts Options) {
	knownTitle := foldSpace(opts.Title)
	for i := range units {
		u := &units[i]
		if u.kind != "" {
			continue
		}
		t := u.text
		if knownTitle != "" && foldSpace(t) == knownTitle {
			u.kind = KindTitle
			if res.Title == "" {
				res.Title, res.TitleFrom = t, FromHeader
			}
			continue
		}
		if m, ok := c.firstDate(t, res); ok {
			rest := strings.TrimSpace(t[:m.Start] + " " + t[m.End:])
			if restWords := len(strings.Fields(rest)); restWords <= 8 {
				u.kind = KindDateline
				res.Published, res.HasTime, res.DateFrom = m.Time, m.HasTime, FromHeader
				c.credit(rest, res)
				continue
			}
		}
		if m := c.re.byline.FindStringSubmatch(t); m != nil && u.words <= 12 {
			u.kind = KindByline
			c.credit(t, res)
			continue
		}
		if parts := strings.Split(t, " | "); len(parts) > 1 && u.words <= 30 {
			// "Metro Wire | News" is a banner; "Headline | Site" a page
			// title with the site's name appended.
			last := strings.TrimSpace(parts[len(parts)-1])
			head := strings.TrimSpace(strings.Join(parts[:len(parts)-1], " | "))
			switch {
			case u.words <= 6:
				u.kind = KindOutletLine
				outlets.add(strings.TrimSpace(parts[0]), FromBrand)
				continue
			case res.Title == "" && knownTitle == "" && len(strings.Fields(last)) <= 4 && len(strings.Fields(head)) >= 3:
				u.kind = KindTitle
				res.Title, res.TitleFrom = head, FromHeader
				outlets.add(last, FromBrand)
				continue
			}
		}
		if res.Title == "" && knownTitle == "" && isTitle(u) {
			u.kind = KindTitle
			res.Title, res.TitleFrom = t, FromHeader
			continue
		}
		switch {
		case c.re.langCode.MatchString(t):
			// Language switchers ("ru", "arm", "EN").
			u.kind = KindNav
		case res.Title == "" && isSectionLabel(u) && !sections[strings.ToLower(t)] && isBrandLike(t):
			// "Valley Tribune" above the headline: a masthead, not a
			// section.
			u.kind = KindOutletLine
			outlets.add(t, FromBrand)
		case res.Title == "" && isSectionLabel(u):
			// The label nearest the headline names the section; earlier
			// ones are menu entries.
			u.kind = KindSection
			res.Section = titleCase(t)
		case u.words >= 6 && hasLower(t):
			// A standfirst (dek) between the title and the body: the
			// outlet's own summary, kept as text.
		default:
			if o := c.brand(t); o != "" {
				u.kind = KindOutletLine
				outlets.add(o, FromBrand)
				continue
			}
			u.kind = KindNav
		}
	}
}

// firstDate looks for a date only while none has been found.
func (c *Cleaner) firstDate(t string, res *Result) (dates.Match, bool) {
	if !res.Published.IsZero() {
		return dates.Match{}, false
	}
	return c.dates.First(t)
}

// footerUnit classifies a non-prose unit after the body.
func (c *Cleaner) footerUnit(u *unit, res *Result, outlets *outletCandidates) {
	if o := c.brand(u.text); o != "" {
		u.kind = KindOutletLine
		outlets.add(o, FromBrand)
		return
	}
	if m, ok := c.firstDate(u.text, res); ok && u.words <= 12 {
		u.kind = KindDateline
		res.Published, res.HasTime, res.DateFrom = m.Time, m.HasTime, FromFooter
		return
	}
	u.kind = KindFooter
}

// credit reads a byline or the rest of a dateline: "By News Desk -",
// "AFP , AP ,".
func (c *Cleaner) credit(s string, res *Result) {
	s = strings.Trim(s, " ,;|-–—·•")
	if s == "" {
		return
	}
	if ags := agencyList(s); ags != nil {
		for _, a := range ags {
			res.Agencies = addAgency(res.Agencies, a)
		}
		return
	}
	if m := c.re.byline.FindStringSubmatch(s); m != nil && res.Author == "" {
		name := strings.Trim(m[1], " ,;-–—")
		// "By Jane Doe, AFP": split the agency off the author.
		parts := strings.FieldsFunc(s[len("by "):], func(r rune) bool { return r == ',' || r == '|' })
		for _, p := range parts[min(1, len(parts)):] {
			if a := agencyName(strings.TrimSpace(p)); a != "" {
				res.Agencies = addAgency(res.Agencies, a)
			}
		}
		res.Author = name
	}
}

// brand recognises a footer line that is only the outlet's name as a
// domain ("Caliber.Az").
func (c *Cleaner) brand(s string) string {
	if len(strings.Fields(s)) > 2 {
		return ""
	}
	if m := c.re.domain.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		return strings.TrimSuffix(strings.TrimSpace(s), ".")
	}
	return ""
}

// sections are common section labels; a short capitalised line above the
// headline that is not one of these is taken for the outlet's masthead.
var sections = map[string]bool{
	"world": true, "news": true, "politics": true, "business": true, "economy": true, "markets": true,
	"middle east": true, "europe": true, "asia": true, "africa": true, "americas": true, "latin america": true,
	"us": true, "uk": true, "us news": true, "uk news": true, "world news": true, "national": true,
	"international": true, "local": true, "region": true, "regions": true, "opinion": true, "analysis": true,
	"sport": true, "sports": true, "technology": true, "tech": true, "science": true, "health": true,
	"culture": true, "entertainment": true, "lifestyle": true, "travel": true, "climate": true,
	"environment": true, "defense": true, "defence": true, "security": true, "diplomacy": true, "society": true,
	"top stories": true, "latest": true, "breaking news": true, "asia pacific": true, "north america": true,
}

// isBrandLike: two to four words, each capitalised but not shouted.
func isBrandLike(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 || !hasLower(s) {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isTitle(u *unit) bool {
	if u.words < 3 || u.words > 30 || !hasLetter(u.text) {
		return false
	}
	if !hasLower(u.text) && u.words < 4 {
		return false
	}
	return !isBullet(u.text)
}

func isSectionLabel(u *unit) bool {
	if u.words > 3 || strings.ContainsAny(u.text, "0123456789.,;:!?") {
		return false
	}
	return hasLetter(u.text)
}

// isHeading: a short line in the body that is neither a sentence, a list
// item nor a table row ("Name | Votes", as HTML tables are extracted).
func isHeading(u *unit) bool {
	return u.words <= 12 && !endsSentence(u.text) && !isBullet(u.text) && hasLetter(u.text) && !strings.Contains(u.text, " | ")
}

func isBullet(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '•', '·', '–', '—', '▪', '►':
		return true
	}
	if unicode.IsDigit(r) {
		rest := strings.TrimLeftFunc(s[size:], unicode.IsDigit)
		return strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, ")")
	}
	return false
}

// isProse says whether a unit reads as running text: long, or a complete
// sentence of several words.
func isProse(s string, words int) bool {
	if words >= 20 {
		return true
	}
	return words >= 6 && hasLower(s) && endsSentence(s)
}

func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]`, r)
	})
	if strings.HasSuffix(s, "...") {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func hasLower(s string) bool  { return strings.IndexFunc(s, unicode.IsLower) >= 0 }
func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

func foldSpace(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

func nextKept(units []unit, i int) int {
	if i+1 < len(units) && units[i+1].kind == "" {
		return i + 1
	}
	return -1
}

func prevKept(units []unit, i int) int {
	if i > 0 && units[i-1].kind == "" {
		return i - 1
	}
	return -1
}
