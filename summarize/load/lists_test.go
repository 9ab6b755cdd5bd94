package load

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestExpandLists(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	feed := write("feeds/local.xml", "<rss></rss>")
	folder := filepath.Join(dir, "today")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	list := write("feeds.txt", "# morning feeds\nhttps://example.org/rss\n\nfeeds/local.xml\n"+folder+"\n")
	article := write("article.txt", "The river rose overnight.\nhttps://example.org/story\n")
	nested := write("all.list", "feeds.txt\n")
	cases := []struct {
		in   []string
		want []string
	}{
		{[]string{list}, []string{"https://example.org/rss", feed, folder}},
		{[]string{article}, []string{article}},
		{[]string{nested, article}, []string{"https://example.org/rss", feed, folder, article}},
		{[]string{"https://example.org/rss", "-"}, []string{"https://example.org/rss", "-"}},
		{[]string{write("broken.txt", "https://example.org/rss\nno/such/file.xml\n")}, []string{filepath.Join(dir, "broken.txt")}},
	}
	for _, tc := range cases {
		if got := ExpandLists(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ExpandLists(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
