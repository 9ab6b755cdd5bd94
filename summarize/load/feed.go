package load

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

// readFeed turns each feed item into a document. data has no BOM.
func (l *loader) readFeed(ctx context.Context, src source, data []byte, warn, feedURL, ctype string) []item {
	if !utf8.Valid(data) {
		data, warn = toUTF8(data, kindFeed, ctype)
	}
	// The bytes are UTF-8 now whatever the declaration said; left alone, the
	// XML parser would decode them a second time.
	data = declareUTF8(data)
	// Checked on the bytes the parser will read: before conversion, a
	// feed declared as Latin-1 stopped the check's tokenizer at its first
	// accented letter.
	if err := l.checkDepth(kindFeed, data); err != nil {
		return []item{errItem(src.name, err)}
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return []item{errItem(src.name, fmt.Errorf("not a valid RSS, Atom or JSON feed: %s", oneLine(err.Error())))}
	}
	if len(feed.Items) == 0 {
		return []item{errItem(src.name, errors.New("feed has no items"))}
	}
	base := feedURL
	if base == "" {
		base = feed.Link
	}
	outlet := oneLine(fragmentLine(feed.Title))
	if outlet == "" {
		outlet = hostname(base)
	}

	docs := make([]Document, len(feed.Items))
	fetch := make([]bool, len(docs))
	skip := make([]error, len(docs))
	for i, it := range feed.Items {
		d := &docs[i]
		link := resolveLink(base, it.Link)
		d.Input = src.input
		d.URL = link
		d.Format = FormatFeed
		d.ID = link
		if d.ID == "" {
			d.ID = strings.TrimSpace(it.GUID)
		}
		if d.ID == "" {
			d.ID = fmt.Sprintf("%s#%d", src.id, i+1)
		}
		d.Origin = link
		if d.Origin == "" {
			d.Origin = fmt.Sprintf("%s#%d", src.name, i+1)
		}
		d.Meta = Meta{
			Title:    oneLine(fragmentLine(it.Title)),
			Outlet:   outlet,
			Author:   itemAuthors(it),
			Language: feed.Language,
		}
		switch {
		case it.PublishedParsed != nil:
			d.Meta.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			d.Meta.Published = *it.UpdatedParsed
		}
		limit := htmlDepthLimit(l.opts.MaxDepth)
		if err := cmp.Or(checkHTML([]byte(it.Content), limit, "item's HTML"), checkHTML([]byte(it.Description), limit, "item's HTML")); err != nil {
			skip[i] = err
			continue
		}
		if strings.TrimSpace(it.Content) != "" {
			d.Text = feedText(it.Content)
			d.Meta.Description = oneLine(feedText(it.Description))
		} else {
			d.Text = feedText(it.Description)
		}
		if warn != "" {
			d.Warnings = []string{warn}
		}
		// Any link with a scheme is tried, so that one brief will not
		// follow (ftp:, javascript:) is named in a warning, not ignored.
		_, linked := urlScheme(link)
		fetch[i] = !l.opts.NoFetchLinked && wordCount(d.Text) < l.opts.TeaserWords && linked
	}

	// Linked pages are fetched in parallel, then merged in item order.
	failures := make([]error, len(docs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, l.opts.Workers)
	for i := range docs {
		if !fetch[i] {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			failures[i] = l.useLinkedPage(ctx, &docs[i])
		}()
	}
	wg.Wait()

	items := make([]item, len(docs))
	for i, d := range docs {
		if d.Text != "" {
			items[i] = docItem(d)
			continue
		}
		where := fmt.Sprintf("%s#%d", src.name, i+1)
		if skip[i] != nil {
			items[i] = errItem(where, skip[i])
			continue
		}
		if failures[i] != nil {
			items[i] = errItem(where, fmt.Errorf("feed item has no text, and its linked page could not be used: %w", failures[i]))
		} else {
			items[i] = errItem(where, errors.New("feed item has no text"))
		}
	}
	return items
}

// useLinkedPage replaces a teaser by the page it links to when the page
// has more to say. When the page cannot be had, the teaser stays and a
// warning says why; the error is returned for items with no teaser at all.
//
// The link is the feed's word, not the user's: it may not lead to a
// private address unless it is on the host of the feed URL the user gave.
func (l *loader) useLinkedPage(ctx context.Context, d *Document) error {
	pol := &policy{allowPrivate: l.opts.AllowPrivate, link: true}
	if isURL(d.Input) {
		pol.home, _ = url.Parse(d.Input)
	}
	resp, err := l.fetch(ctx, d.URL, pol)
	if err != nil {
		if ctx.Err() == nil {
			d.Warnings = append(d.Warnings, fmt.Sprintf("linked page not fetched (%v): using the feed's teaser", err))
		}
		return err
	}
	var p page
	var warn string
	if err = checkHTML(resp.body, htmlDepthLimit(l.opts.MaxDepth), "linked page's HTML"); err == nil {
		p, warn, err = pageFromResponse(resp)
	}
	if err != nil {
		d.Warnings = append(d.Warnings, fmt.Sprintf("linked page not usable (%v): using the feed's teaser", err))
		return err
	}
	if wordCount(p.text) <= wordCount(d.Text) {
		return nil
	}
	d.Text = p.text
	d.Format = FormatHTML
	fillMeta(&d.Meta, p.meta)
	if warn != "" {
		d.Warnings = append(d.Warnings, warn)
	}
	return nil
}

// pageFromResponse extracts an article from a fetched page, which must be
// HTML (or plain text) to be of any use in place of a teaser.
func pageFromResponse(resp response) (page, string, error) {
	data, warn := stripBOM(resp.body)
	head := data[:min(len(data), sniffLen)]
	if name, bin := binaryKind(head); bin {
		return page{}, "", binaryError(name)
	}
	k := kindByContentType(resp.ctype)
	if k == kindUnknown || k == kindFeed {
		k = sniffKind(head)
	}
	if k != kindHTML && k != kindText {
		return page{}, "", errors.New("not an HTML page")
	}
	data, w := toUTF8(data, k, resp.ctype)
	if w != "" {
		warn = w
	}
	if k == kindText {
		return page{text: plainText(string(data)), url: resp.final}, warn, nil
	}
	p, err := extractHTML(data, resp.final)
	return p, warn, err
}

func itemAuthors(it *gofeed.Item) string {
	var names []string
	for _, a := range it.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			names = append(names, strings.TrimSpace(a.Name))
		}
	}
	if len(names) == 0 && it.Author != nil {
		names = append(names, strings.TrimSpace(it.Author.Name))
	}
	return oneLine(strings.Join(names, ", "))
}

// feedText reads an item's content or description, which feeds carry as
// HTML or, less often, as plain text.
func feedText(s string) string {
	if strings.Contains(s, "<") {
		return htmlFragmentText(s)
	}
	return plainText(s)
}

// fragmentLine reads a title that may hold markup.
func fragmentLine(s string) string {
	if strings.Contains(s, "<") {
		return htmlFragmentText(s)
	}
	return s
}

func resolveLink(base, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	if u.IsAbs() {
		return link
	}
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() {
		return link
	}
	return b.ResolveReference(u).String()
}
