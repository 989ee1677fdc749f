package budgetdoc

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/budget"
)

// FuzzRender holds Validate to its promise: an input it passes renders in
// every format. Bad input must come back as problems, never as a panic.
func FuzzRender(f *testing.F) {
	data, err := os.ReadFile("examples/fengqiu/fengqiu.yaml")
	if err != nil {
		f.Fatal(err)
	}
	text := string(data)
	f.Add(text)
	f.Add(strings.Replace(text, "封丘县政务服务和大数据管理局", "宿州市埇桥区某局", 1))
	f.Add(strings.Replace(text, "75.66", "75000000.66", 1))
	f.Add(strings.Replace(text, "name: 工作经费（含22年16.75万）", "name: "+strings.Repeat("很长的项目名称", 100), 1))
	if shifan, err := os.ReadFile("examples/shifan/shifan.yaml"); err == nil {
		f.Add(string(shifan))
	}
	f.Fuzz(func(t *testing.T, text string) {
		b, err := Parse("fuzz.yaml", []byte(text))
		if err != nil {
			return
		}
		renders(t, b)
		for _, u := range b.Units { // and each unit's 单位预算
			if ub, err := b.Unit(u.Code); err == nil {
				renders(t, ub)
			}
		}
	})
}

// renders fails unless a budget Validate passes renders in every format.
func renders(t *testing.T, b *budget.Budget) {
	t.Helper()
	if Validate(b, nil).Err() != nil {
		return
	}
	r, err := Render(context.Background(), b, nil)
	if err != nil {
		t.Fatalf("Validate passed, Render failed: %v", err)
	}
	for _, format := range Formats() {
		if err := r.Write(context.Background(), io.Discard, format); err != nil {
			t.Fatalf("Validate passed, writing %s failed: %v", format, err)
		}
	}
}
