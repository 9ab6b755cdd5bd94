package corpusgen

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// decorate lays the paragraphs in w.body out as a scraped page and
// returns the text and the length of its page header (see
// Article.headEnd). Pages without junk are just the paragraphs. Pages with
// junk get a random selection of the debris real scrapes show, each kind
// in varied spellings and in the place sites put it: navigation and
// "Loading..." above the headline; captions near the lede; teasers and
// advertisements between paragraphs; sharing, view counts, short links,
// copyright and "Most Popular" lists below the article.
func (g *gen) decorate(w *worker, o *outlet, when time.Time, junk bool) (string, int) {
	rng := w.rng
	sep := "\n\n"
	if o.singleNL {
		sep = "\n"
	}
	out := w.out[:0]
	para := func(i int) []byte {
		start := 0
		if i > 0 {
			start = w.ends[i-1]
		}
		return w.body[start:w.ends[i]]
	}
	np := len(w.ends)
	if !junk {
		for i := range np {
			if i > 0 {
				out = append(out, sep...)
			}
			out = append(out, para(i)...)
		}
		w.out = out
		return string(out), 0
	}

	items := 0
	// Header, above where the headline goes.
	if rng.Float64() < 0.25 {
		out = appendLine(out, pick(rng, loadingLines))
		items++
	}
	if rng.Float64() < 0.55 {
		n := 2 + rng.IntN(8)
		for range n {
			out = appendLine(out, pick(rng, navItems))
			if rng.IntN(5) == 0 {
				out = append(out, '\n')
			}
		}
		items++
	}
	if rng.Float64() < 0.3 {
		out = appendLine(out, pick(rng, sectionLabels))
		items++
	}
	headEnd := 0
	if len(out) > 0 {
		out = append(out, '\n')
		headEnd = len(out)
	}

	// Around the lede.
	if rng.Float64() < 0.1 {
		// A standfirst that repeats the lede, as in many CMS templates.
		out = append(out, para(0)...)
		out = append(out, sep...)
		items++
	}
	if rng.Float64() < 0.12 {
		out = append(out, "https://media."...)
		out = append(out, o.domain...)
		out = append(out, "/wp-content/uploads/"...)
		out = strconv.AppendInt(out, int64(when.Year()), 10)
		out = append(out, '/')
		out = append(out, when.Format("01")...)
		out = append(out, '/')
		out = append(out, slugify(string(para(0)), 3)...)
		out = append(out, ".jpg\n\n"...)
		out = g.appendCaption(out, rng, when)
		out = append(out, sep...)
		items++
	}
	out = append(out, para(0)...)
	if rng.Float64() < 0.35 {
		out = append(out, sep...)
		out = g.appendCaption(out, rng, when)
		items++
	}

	// Between paragraphs.
	teaserAt, teaserAt2, adAt := -1, -1, -1
	if np > 2 {
		switch r := rng.Float64(); {
		case r < 0.15:
			teaserAt2 = 1 + rng.IntN(np-1)
			fallthrough
		case r < 0.5:
			teaserAt = 1 + rng.IntN(np-1)
		}
		if rng.Float64() < 0.25 {
			adAt = 1 + rng.IntN(np-1)
		}
	}
	for i := 1; i < np; i++ {
		out = append(out, sep...)
		if i == teaserAt || i == teaserAt2 {
			out = append(out, pick(rng, readAlsoLabels)...)
			if rng.IntN(3) == 0 {
				out = append(out, ' ')
			} else {
				out = append(out, "\n\n"...)
			}
			out = append(out, g.teaser(rng)...)
			out = append(out, sep...)
			items++
		}
		if i == adAt {
			out = append(out, pick(rng, adLines)...)
			out = append(out, sep...)
			items++
		}
		out = append(out, para(i)...)
	}

	// Footer: a random subset in random order.
	var footer [9]int
	nf := 0
	for k, p := range [...]float64{0.15, 0.3, 0.35, 0.3, 0.4, 0.45, 0.3, 0.2, 0.15} {
		if rng.Float64() < p {
			footer[nf] = k
			nf++
		}
	}
	if items == 0 && nf == 0 {
		footer[0] = 5 // a junk page has at least a copyright line
		nf = 1
	}
	rng.Shuffle(nf, func(i, j int) { footer[i], footer[j] = footer[j], footer[i] })
	for _, k := range footer[:nf] {
		out = append(out, sep...)
		out = g.appendFooterItem(out, rng, k, o, when, para(0))
	}
	w.out = out
	return string(out), headEnd
}

func pick(rng *rand.Rand, s []string) string { return s[rng.IntN(len(s))] }

func appendLine(b []byte, s string) []byte {
	b = append(b, s...)
	return append(b, '\n')
}

func (g *gen) appendFooterItem(b []byte, rng *rand.Rand, k int, o *outlet, when time.Time, lede []byte) []byte {
	year := int64(when.Year())
	switch k {
	case 0: // the lede again, as "related" widgets and print views do
		return append(b, lede...)
	case 1:
		b = append(b, "Source: "...)
		if rng.IntN(2) == 0 {
			return append(b, o.name...)
		}
		return append(b, wireAgencies[rng.IntN(len(wireAgencies))].name...)
	case 2:
		n := int64(rng.IntN(4000) + 3)
		switch rng.IntN(4) {
		case 0:
			b = append(b, "Views: "...)
			return strconv.AppendInt(b, n, 10)
		case 1:
			b = strconv.AppendInt(b, n, 10)
			return append(b, " views"...)
		case 2:
			b = append(b, o.name...)
			b = append(b, "\nViews: "...)
			return strconv.AppendInt(b, n, 10)
		default:
			b = append(b, "Read "...)
			b = strconv.AppendInt(b, n, 10)
			return append(b, " times"...)
		}
	case 3:
		switch rng.IntN(3) {
		case 0:
			return append(b, "Short link:"...)
		case 1:
			b = append(b, "Short link: https://"...)
			b = append(b, o.domain...)
			b = append(b, "/s/"...)
			return strconv.AppendInt(b, int64(rng.IntN(900000)+100000), 36)
		default:
			b = append(b, "Short URL: "...)
			b = append(b, o.domain...)
			b = append(b, "/?p="...)
			return strconv.AppendInt(b, int64(rng.IntN(900000)+100000), 10)
		}
	case 4:
		return append(b, pick(rng, shareLines)...)
	case 5:
		switch rng.IntN(5) {
		case 0:
			b = append(b, o.domain...)
			b = append(b, " © "...)
			return strconv.AppendInt(b, year, 10)
		case 1:
			b = append(b, "© "...)
			b = strconv.AppendInt(b, year, 10)
			b = append(b, ' ')
			b = append(b, o.name...)
			return append(b, ". All rights reserved."...)
		case 2:
			b = append(b, "Copyright "...)
			b = strconv.AppendInt(b, year, 10)
			b = append(b, ' ')
			b = append(b, o.name...)
			return append(b, " Media Group"...)
		case 3:
			b = append(b, "Any use of materials is allowed only if there is a hyperlink to "...)
			b = append(b, o.domain...)
			b = append(b, '\n')
			b = append(b, o.domain...)
			b = append(b, " © "...)
			b = strconv.AppendInt(b, year, 10)
			return append(b, ". ."...)
		default:
			b = append(b, "All rights reserved © "...)
			b = append(b, o.name...)
			b = append(b, ' ')
			return strconv.AppendInt(b, year, 10)
		}
	case 6:
		b = append(b, pick(rng, mostPopularLabels)...)
		for range rng.IntN(5) {
			b = append(b, '\n')
			b = append(b, g.teaser(rng)...)
		}
		return b
	case 7:
		return append(b, pick(rng, followLines)...)
	default:
		b = append(b, "Tags: "...)
		pool := g.m.pool[1]
		for i := range 2 + rng.IntN(4) {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, pool[rng.IntN(len(pool))]...)
		}
		return b
	}
}

// appendCaption writes a photo caption with a credit, in one of the forms
// sites use.
func (g *gen) appendCaption(b []byte, rng *rand.Rand, when time.Time) []byte {
	photographer := pick(rng, firstNames) + " " + pick(rng, lastNames)
	agency := pick(rng, photoAgencies)
	switch rng.IntN(5) {
	case 0:
		return append(b, "Representative image"...)
	case 1:
		b = append(b, "File photo: "...)
		b = append(b, pick(rng, captionScenes)...)
		b = append(b, ". "...)
		return append(b, agency...)
	}
	b = append(b, pick(rng, captionScenes)...)
	b = append(b, " in "...)
	b = append(b, pick(rng, g.m.pool[1])...)
	b = append(b, " on "...)
	b = append(b, when.Format("January 2, 2006")...)
	switch rng.IntN(3) {
	case 0:
		b = append(b, ". (Photo credit: "...)
	case 1:
		b = append(b, ". (Credit: "...)
	default:
		b = append(b, ". (Photo: "...)
	}
	b = append(b, photographer...)
	b = append(b, '/')
	b = append(b, agency...)
	return append(b, ')')
}

// teaser is the headline of another story, as "Read also" boxes show.
func (g *gen) teaser(rng *rand.Rand) string {
	st := &g.stories[rng.IntN(len(g.stories))]
	if len(g.m.titled) == 0 {
		cc := &g.m.clusters[rng.IntN(len(g.m.clusters))]
		return ledeTitle(g.appendText(nil, &cc.docs[0].paras[0], st, nil, 0))
	}
	ref := g.m.titled[rng.IntN(len(g.m.titled))]
	return string(g.appendText(nil, &g.m.clusters[ref[0]].docs[ref[1]].title, st, nil, 0))
}
