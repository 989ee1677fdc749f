package workbook_test

import (
	"bytes"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/decode"
	"github.com/budgetdoc/budgetdoc/internal/workbook"
)

// FuzzRead reads arbitrary bytes as a workbook: never a panic, and a tree
// that reads (with no errors) writes back and reads again to the same
// tree. The seeds are small workbooks: the template, the README's small
// example and the 示范 example (units stating their own facts), and a few
// broken zips.
func FuzzRead(f *testing.F) {
	var tmpl bytes.Buffer
	if err := workbook.Template(&tmpl); err != nil {
		f.Fatal(err)
	}
	f.Add(tmpl.Bytes())
	root, err := decode.YAML([]byte(small))
	if err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	if err := workbook.Write(&b, root); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add(b.Bytes()[:len(b.Bytes())/2])
	f.Add(workbookOf(f, examples[1])) // units with facts of their own
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		tree, err := workbook.Read(data)
		if err != nil || tree.Problems.HasErrors() {
			return
		}
		var out bytes.Buffer
		if err := workbook.Write(&out, tree.Root); err != nil {
			t.Fatalf("a tree Read gave does not write: %v", err)
		}
		again, err := workbook.Read(out.Bytes())
		if err != nil || again.Problems.HasErrors() {
			t.Fatalf("the workbook written does not read back: %v %v", err, again.Problems)
		}
		y1, _ := workbook.EncodeYAML(tree.Root, "")
		y2, _ := workbook.EncodeYAML(again.Root, "")
		if !bytes.Equal(y1, y2) {
			t.Fatalf("the tree changed on the way through the workbook:\n%s\n----\n%s", y1, y2)
		}
	})
}
