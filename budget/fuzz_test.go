package budget

import (
	"os"
	"strings"
	"testing"
)

// FuzzLoadValidate feeds any bytes through Parse, Check and Validate, and
// each unit's budget through Unit, Check and InUnit: bad input must come
// back as Problems, never as a panic.
func FuzzLoadValidate(f *testing.F) {
	text := fengqiuText(f)
	f.Add([]byte(text))
	if shifan, err := os.ReadFile(shifanPath); err == nil {
		f.Add(shifan)
	}
	f.Add([]byte(strings.Replace(text, "75.66", "-75.655", 1)))
	f.Add([]byte(strings.Replace(text, `function: "2010301"`, `function: "20"`, 1)))
	f.Add([]byte(strings.Replace(text, "basic: 人员经费", `project: "x"`, 1)))
	f.Add([]byte("lines: [{amount: 1}]\n"))
	f.Add([]byte("department: {year: 2023}\nprior: {projects: [{code: a}, {code: a}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		ps := b.Check(nil)
		verr := b.Validate(nil)
		if (verr == nil) != (len(ps.Errors()) == 0) {
			t.Fatalf("Validate %v disagrees with Check %v", verr, ps)
		}
		for _, u := range b.Units {
			ub, err := b.Unit(u.Code)
			if _, ok := AsProblems(err); err != nil && !ok {
				t.Fatalf("Unit(%q): %v is not Problems", u.Code, err)
			}
			if err == nil {
				ub.Check(nil)
				ub.InUnit("元")
			}
		}
	})
}
