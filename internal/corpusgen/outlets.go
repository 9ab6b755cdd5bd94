package corpusgen

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// NumOutlets is the size of the invented outlet pool.
const NumOutlets = 200

type outlet struct {
	name, domain string
	// urlStyle and singleNL are house styles: one site always builds its
	// URLs one way and some sites' scrapes separate paragraphs with single
	// newlines, as the seed pages do.
	urlStyle uint8
	singleNL bool
}

// makeOutlets builds the outlet pool. It uses its own fixed seed so that
// outlet names do not change with Config.Seed: corpora built with
// different seeds share publishers, as real feeds do.
func makeOutlets() []outlet {
	rng := rand.New(rand.NewPCG(0x6f75746c, 0x657473))
	combos := make([]int, len(outletPrefixes)*len(outletSuffixes))
	for i := range combos {
		combos[i] = i
	}
	rng.Shuffle(len(combos), func(i, j int) { combos[i], combos[j] = combos[j], combos[i] })
	out := make([]outlet, 0, NumOutlets)
	seen := map[string]bool{}
	for _, c := range combos {
		p, s := outletPrefixes[c/len(outletSuffixes)], outletSuffixes[c%len(outletSuffixes)]
		name := p + " " + s
		if rng.IntN(6) == 0 {
			name = "The " + name
		}
		slug := strings.ToLower(strings.ReplaceAll(p+s, " ", ""))
		if rng.IntN(4) == 0 {
			slug = strings.ToLower(strings.ReplaceAll(p, " ", "")) + "-" + strings.ToLower(s)
		}
		domain := slug + outletTLDs[rng.IntN(len(outletTLDs))]
		if seen[domain] {
			continue
		}
		seen[domain] = true
		out = append(out, outlet{
			name:     name,
			domain:   domain,
			urlStyle: uint8(rng.IntN(4)),
			singleNL: rng.IntN(7) == 0,
		})
		if len(out) == NumOutlets {
			break
		}
	}
	return out
}

// articleURL is the page address in the outlet's house style. The numeric
// article id keeps it unique even when two articles share a headline.
func articleURL(o *outlet, title string, t time.Time, num int) string {
	slug := slugify(title, 9)
	sec := urlSections[(num+int(o.urlStyle))%len(urlSections)]
	switch o.urlStyle {
	case 0:
		return fmt.Sprintf("https://www.%s/%s/%04d/%02d/%02d/%s-%d", o.domain, sec, t.Year(), int(t.Month()), t.Day(), slug, num)
	case 1:
		return fmt.Sprintf("https://%s/news/%d-%s", o.domain, num, slug)
	case 2:
		return fmt.Sprintf("https://www.%s/%s/%s-%d.html", o.domain, sec, slug, num)
	default:
		return fmt.Sprintf("https://%s/%s/%d/%s", o.domain, sec, num, slug)
	}
}

func slugify(s string, maxWords int) string {
	var b strings.Builder
	words := 0
	inWord := false
	for _, r := range strings.ToLower(s) {
		if r >= 128 || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			inWord = false
			continue
		}
		if !inWord {
			if words == maxWords {
				break
			}
			if words > 0 {
				b.WriteByte('-')
			}
			words++
			inWord = true
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "article"
	}
	return b.String()
}

func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// Byline renders the dateline a scraped page shows under its headline.
// The form is chosen by the outlet (a site always uses the same one) and
// the author by the article ID, so the line is a pure function of the
// article and WriteDir needs no extra state.
func Byline(a *Article) string {
	t := a.Published
	oh := hashString(a.Outlet)
	ah := hashString(a.ID)
	author := firstNames[ah%uint64(len(firstNames))] + " " + lastNames[(ah>>8)%uint64(len(lastNames))]
	if (ah>>16)%3 == 0 {
		author = deskNames[(ah>>20)%uint64(len(deskNames))]
	}
	switch oh % 8 {
	case 0:
		return fmt.Sprintf("By %s - %s %02d %d", author, t.Month(), t.Day(), t.Year())
	case 1:
		return fmt.Sprintf("%s, %02d %s %d", a.Outlet, t.Day(), t.Month(), t.Year())
	case 2:
		return t.Format("Jan 02, 2006")
	case 3:
		return t.Format("02 January 2006 15:04")
	case 4:
		return fmt.Sprintf("%s , %s %d %s %d", a.Outlet, t.Weekday(), t.Day(), t.Format("Jan"), t.Year())
	case 5:
		return fmt.Sprintf("By %s | %s | %s", author, a.Outlet, t.Format("January 2, 2006 3:04 PM"))
	case 6:
		return "Published: " + t.Format("2006-01-02 15:04") + " UTC"
	default:
		return t.Format("Monday, January 2, 2006") + " | Updated " + strconv.Itoa(1+int(ah%11)) + " hours ago"
	}
}
