package load

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestExpandLists(t *testing.T) {
	dir := t.TempDir()
	home := t.TempDir()
	t.Setenv("HOME", home)
	// Entries relative to the working directory are found from there.
	t.Chdir(dir)
	write := func(name, body string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	in := func(p ...string) []string { return p }
	const rss = "https://example.org/rss"
	feed := write("feeds/local.xml", "<rss></rss>")
	spaced := write("feeds/My Feeds/tech.xml", "<rss></rss>")
	homeFeed := filepath.Join(home, "news", "world.xml")
	if err := os.MkdirAll(filepath.Dir(homeFeed), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(homeFeed, []byte("<rss></rss>"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "today")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	list := write("feeds.txt", "# morning feeds\n"+rss+"\n\nfeeds/local.xml\n"+folder+"\n")
	article := write("article.txt", "The river rose overnight.\nhttps://example.org/story\n")

	cases := []struct {
		name string
		in   []string
		want []string
	}{
		{"list", in(list), in(rss, feed, folder)},
		{"article", in(article), in(article)},
		{"list in a list", in(write("all.list", "feeds.txt\n"), article), in(rss, feed, folder, article)},
		{"URL and stdin pass", in(rss, "-"), in(rss, "-")},
		{"missing input is not a list", in(filepath.Join(dir, "nothing.txt")), in(filepath.Join(dir, "nothing.txt"))},

		// An almost valid list is a list, and its missing entries are
		// kept, so that the loader names them.
		{"missing entry", in(write("broken.txt", rss+"\nno/such/file.xml\n")),
			in(rss, filepath.Join(dir, "no/such/file.xml"))},
		{"missing entries without slash, or absolute", in(write("missing.lst", "gone.rss\n/nowhere/feed.atom\nold/\n")),
			in(filepath.Join(dir, "gone.rss"), "/nowhere/feed.atom", filepath.Join(dir, "old"))},
		{"byte order mark", in(write("bom.txt", "\uFEFF"+rss+"\r\nfeeds/local.xml\r\n")), in(rss, feed)},
		{"byte order mark before a comment", in(write("bomc.txt", "\uFEFF# mine\n"+rss+"\n")), in(rss)},
		{"trailing comments", in(write("comments.txt", rss+"  # the wire\nfeeds/local.xml\t# ours\nhttps://example.org/page#top\n")),
			in(rss, feed, "https://example.org/page#top")},
		{"bullets", in(write("bullets.feeds", "- "+rss+"\n-   feeds/local.xml # ours\n")), in(rss, feed)},
		{"home paths", in(write("home.txt", "~/news/world.xml\n~/news/later.xml\n")),
			in(homeFeed, filepath.Join(home, "news", "later.xml"))},
		{"file URLs", in(write("fileurls", "file://"+feed+"\nfile://localhost"+feed+"\nfile://"+strings.ReplaceAll(spaced, " ", "%20")+"\n")),
			in(feed, feed, spaced)},
		{"existing path with a space", in(write("spaced.txt", "feeds/My Feeds/tech.xml\n")), in(spaced)},
		{"relative to the working directory", in(write("lists/cwd.txt", "feeds/local.xml\narticle.txt\n")),
			in("feeds/local.xml", "article.txt")},
		{"relative to the list first", in(write("other/first.txt", "feeds/local.xml\n"), write("other/feeds/local.xml", "<rss/>")),
			in(filepath.Join(dir, "other/feeds/local.xml"), filepath.Join(dir, "other/feeds/local.xml"))},

		// Not lists: read as they are.
		{"sentences", in(write("story.txt", "Rain fell on Tuesday.\nThe river rose.\n")), in(filepath.Join(dir, "story.txt"))},
		{"a sentence among entries", in(write("mixed.txt", rss+"\nThe river rose overnight in the valley.\nfeeds/local.xml\n")),
			in(filepath.Join(dir, "mixed.txt"))},
		{"bulleted sentences", in(write("notes.txt", "# Notes\n- The river rose.\n- Roads closed # for now\n")), in(filepath.Join(dir, "notes.txt"))},
		{"a word", in(write("word.txt", rss+"\nHeadlines\n")), in(filepath.Join(dir, "word.txt"))},
		{"a sentence with a slash", in(write("slash.txt", rss+"\nThe 24/7 service closed.\n")), in(filepath.Join(dir, "slash.txt"))},
		{"dot alone", in(write("dot.txt", rss+"\n.\n")), in(filepath.Join(dir, "dot.txt"))},
		{"slash alone", in(write("root.txt", rss+"\n/\n")), in(filepath.Join(dir, "root.txt"))},
		{"remote file URL", in(write("remote.txt", "file://server/feeds/a.xml\n")), in(filepath.Join(dir, "remote.txt"))},
		{"other extension", in(write("feeds.csv", rss+"\n")), in(filepath.Join(dir, "feeds.csv"))},
		{"only comments", in(write("empty.txt", "# nothing yet\n\n")), in(filepath.Join(dir, "empty.txt"))},
		{"not text", in(write("binary", "feeds/local.xml\n\x00\x01\n")), in(filepath.Join(dir, "binary"))},
		{"not UTF-8", in(write("latin1.txt", "caf\xe9.xml\n")), in(filepath.Join(dir, "latin1.txt"))},
		{"too big", in(write("big.txt", strings.Repeat(rss+"\n", maxListBytes/len(rss)))), in(filepath.Join(dir, "big.txt"))},

		// Lists in lists: three levels deep, and no loops.
		{"three deep", in(write("d1.txt", "d2.txt\n"), write("d2.txt", "d3.txt\n"), write("d3.txt", rss+"\n")), in(rss, rss, rss)},
		{"four deep", in(write("e1.txt", "e2.txt\n"), write("e2.txt", "e3.txt\n"), write("e3.txt", "e4.txt\n"), write("e4.txt", rss+"\n")),
			in(filepath.Join(dir, "e4.txt"), rss, rss, rss)},
		{"a list naming itself", in(write("self.txt", rss+"\nself.txt\n")), in(rss)},
		{"lists naming each other", in(write("a.list", "b.list\nfeeds/local.xml\n"), write("b.list", "a.list\n"+rss+"\n")),
			in(rss, feed, feed, rss)},
	}
	for _, tc := range cases {
		if got := ExpandLists(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: ExpandLists(%q)\n got %q\nwant %q", tc.name, tc.in, got, tc.want)
		}
	}
}
