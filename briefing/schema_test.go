package briefing

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/brieftool/brief/summarize"
)

// TestWriteDocumentMatchesEncoding: the streamed document is byte for byte
// the encoding of the whole document.
func TestWriteDocumentMatchesEncoding(t *testing.T) {
	for _, dir := range []string{"iraq-visit", "wire-copies"} {
		c, err := summarize.Build(context.Background(), []string{filepath.Join("..", "testdata", dir)}, summarize.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var streamed, whole bytes.Buffer
		if err := WriteDocument(&streamed, c, "brief test"); err != nil {
			t.Fatal(err)
		}
		if err := WriteJSON(&whole, NewDocument(c, "brief test")); err != nil {
			t.Fatal(err)
		}
		if streamed.String() != whole.String() {
			t.Errorf("%s: streamed document differs from the encoded document", dir)
		}
	}
}
