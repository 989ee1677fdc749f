package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"github.com/signintech/gopdf"
)

// outlinesObject is the object number of gopdf's outline root: gopdf adds
// the catalog, the page tree and the outlines first, in that order.
const outlinesObject = 3

// outline builds the PDF bookmarks: one item per table-of-contents heading,
// nested by Level. gopdf adds an item on the current page only and chains
// them flat; link nests them afterwards and patchRoot mends the two fields
// of the root that gopdf sets from the flat chain.
type outline struct {
	items  []*outlineItem
	byPage map[int][]*outlineItem
	top    []*outlineItem // items with no parent
}

type outlineItem struct {
	placedHeading
	level    int
	parent   *outlineItem
	children []*outlineItem
	obj      *gopdf.OutlineObj
}

func newOutline(headings []placedHeading) *outline {
	o := &outline{byPage: map[int][]*outlineItem{}}
	var stack []*outlineItem
	for _, h := range headings {
		it := &outlineItem{placedHeading: h, level: max(h.h.Level, 1)}
		for len(stack) > 0 && stack[len(stack)-1].level >= it.level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			it.parent = stack[len(stack)-1]
			it.parent.children = append(it.parent.children, it)
		} else {
			o.top = append(o.top, it)
		}
		stack = append(stack, it)
		o.items = append(o.items, it)
		o.byPage[h.page] = append(o.byPage[h.page], it)
	}
	return o
}

// on lists the items whose heading is on page index p.
func (o *outline) on(p int) []*outlineItem { return o.byPage[p] }

// link sets parent, first, last, previous and next of every item.
func (o *outline) link() {
	chain(o.top, outlinesObject)
	for _, it := range o.items {
		if len(it.children) > 0 {
			it.obj.SetFirst(it.children[0].obj.GetIndex())
			it.obj.SetLast(it.children[len(it.children)-1].obj.GetIndex())
			chain(it.children, it.obj.GetIndex())
		}
	}
}

// chain links siblings to each other and to their parent.
func chain(siblings []*outlineItem, parent int) {
	for i, it := range siblings {
		it.obj.SetParent(parent)
		it.obj.SetPrev(-1)
		it.obj.SetNext(-1)
		if i > 0 {
			it.obj.SetPrev(siblings[i-1].obj.GetIndex())
		}
		if i+1 < len(siblings) {
			it.obj.SetNext(siblings[i+1].obj.GetIndex())
		}
	}
}

var outlinesRoot = regexp.MustCompile(`\n` + strconv.Itoa(outlinesObject) +
	` 0 obj\n<<\n\t/Type /Outlines\n\t/Count (\d+)\n\t/First (\d+) 0 R\n\t/Last (\d+) 0 R\n(>>)`)

// patchRoot rewrites the root's /Count (gopdf counts every item; the items
// shown with the tree closed are the top-level ones) and /Last (gopdf names
// the last item added, which may be nested) in place. The new numbers are
// never longer than the old, and the rest is padded with spaces, so every
// byte offset in the cross-reference table stays right.
func (o *outline) patchRoot(pdf []byte) ([]byte, error) {
	if len(o.top) == 0 {
		return pdf, nil
	}
	m := outlinesRoot.FindSubmatchIndex(pdf)
	if m == nil {
		return nil, fmt.Errorf("pdf: the outline root is not object %d as expected", outlinesObject)
	}
	start, end := m[2], m[8] // from the /Count value to ">>"
	old := pdf[start:end]
	repl := fmt.Appendf(nil, "%d\n\t/First %d 0 R\n\t/Last %d 0 R\n", len(o.top), o.top[0].obj.GetIndex(), o.top[len(o.top)-1].obj.GetIndex())
	if len(repl) > len(old) {
		return nil, fmt.Errorf("pdf: cannot patch the outline root in place")
	}
	repl = append(repl, bytes.Repeat([]byte(" "), len(old)-len(repl))...)
	copy(pdf[start:end], repl)
	return pdf, nil
}
