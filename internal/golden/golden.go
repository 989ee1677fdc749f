// Package golden compares test output with files checked in under testdata,
// and rewrites them when the tests run with -update:
//
//	go test ./... -update
//
// Every package with tests imports it (blank import where it has no golden
// files), because go test hands -update to every test binary and a binary
// that does not define the flag fails.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Update is the -update flag: rewrite golden files instead of comparing.
var Update = flag.Bool("update", false, "rewrite the golden files under testdata")

// Text compares got with the golden file at path and, when they differ,
// fails with a line diff of the two.
func Text(t testing.TB, path, got string) {
	t.Helper()
	want, ok := read(t, path, []byte(got))
	if !ok || string(want) == got {
		return
	}
	t.Errorf("%s differs from the output (go test -update rewrites it):\n%s", path, Diff(string(want), got))
}

// Bytes compares got with the golden file at path byte for byte; what
// differs is for the caller to explain (a binary diff says nothing).
func Bytes(t testing.TB, path string, got []byte) bool {
	t.Helper()
	want, ok := read(t, path, got)
	return !ok || bytes.Equal(want, got)
}

// read returns the golden file, or writes got into it under -update (and
// then reports nothing to compare).
func read(t testing.TB, path string, got []byte) ([]byte, bool) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return nil, false
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file: %v (go test -update writes it)", err)
	}
	return want, true
}

// Diff is a line diff of want and got: "-" lines only in want, "+" lines only
// in got, with two lines of context, at most 80 lines of it.
func Diff(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	// Longest common subsequence by dynamic programming: the dumps are a
	// few thousand lines at most.
	n, m := len(a), len(b)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type op struct {
		kind byte
		line string
	}
	var ops []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{' ', a[i]})
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, op{'-', a[i]})
			i++
		default:
			ops = append(ops, op{'+', b[j]})
			j++
		}
	}
	var out []string
	for k, o := range ops {
		near := false
		for d := -2; d <= 2; d++ {
			if k+d >= 0 && k+d < len(ops) && ops[k+d].kind != ' ' {
				near = true
			}
		}
		if near {
			out = append(out, fmt.Sprintf("%c %s", o.kind, o.line))
		}
		if len(out) == 80 {
			out = append(out, "…")
			break
		}
	}
	return strings.Join(out, "\n")
}
