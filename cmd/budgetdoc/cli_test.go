package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Example inputs, relative to this package's folder.
var (
	fengqiu = filepath.Join("..", "..", "examples", "fengqiu", "fengqiu.yaml")
	shifan  = filepath.Join("..", "..", "examples", "shifan", "shifan.yaml")
)

// result is what a run of the command printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

// runCmd runs the command in-process.
func runCmd(t *testing.T, args ...string) result {
	t.Helper()
	return runCmdContext(t, context.Background(), args...)
}

func runCmdContext(t *testing.T, ctx context.Context, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := runContext(ctx, args, &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// lines splits output into its non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// noTemporaryFiles fails if dir holds a temporary file the command made
// (or one named as the command used to name them), or if any is still
// recorded.
func noTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasSuffix(e.Name(), ".old") || strings.HasPrefix(e.Name(), ".budgetdoc") {
			t.Errorf("temporary file left behind: %s", filepath.Join(dir, e.Name()))
		}
	}
	temporary.Lock()
	n := len(temporary.files)
	temporary.Unlock()
	if n != 0 {
		t.Errorf("%d temporary files still recorded", n)
	}
}

func TestNoArgumentsPrintsUsage(t *testing.T) {
	r := runCmd(t)
	if r.code != exitUsage || !strings.Contains(r.stderr, "命令：") {
		t.Errorf("no arguments: exit %d, stderr %q; want exit 2 and the usage", r.code, r.stderr)
	}
}

func TestUnknownCommandAndFlag(t *testing.T) {
	for _, args := range [][]string{
		{"publish", "x.yaml"},
		{"--verbose"},
		{"render", fengqiu, "-o", "x.pdf", "--colour"},
		{"validate", "--strict", fengqiu},
		{"init", "-x"},
		{"batch", ".", "-o", "out", "-j", "many"},
	} {
		r := runCmd(t, args...)
		if r.code != exitUsage {
			t.Errorf("%q: exit %d, want 2", args, r.code)
		}
		if !strings.Contains(r.stderr, "用法：") || !strings.Contains(r.stderr, "budgetdoc") {
			t.Errorf("%q: stderr lacks the usage:\n%s", args, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("%q: wrote to stdout: %q", args, r.stdout)
		}
	}
}

// Every command has --help with an example, printed on stdout with exit
// status 0, and the help mentions every flag the command accepts.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		r := runCmd(t, args...)
		if r.code != exitOK || !strings.Contains(r.stdout, "示例：") {
			t.Errorf("%q: exit %d, stdout %q", args, r.code, r.stdout)
		}
	}
	flagSets := map[string]func() *flag.FlagSet{
		"render":   func() *flag.FlagSet { return defineRenderFlagsForTest() },
		"batch":    func() *flag.FlagSet { return defineBatchFlagsForTest() },
		"init":     nil,
		"validate": nil,
	}
	for cmd := range flagSets {
		for _, args := range [][]string{{cmd, "--help"}, {cmd, "-h"}, {"help", cmd}} {
			r := runCmd(t, args...)
			if r.code != exitOK {
				t.Errorf("%q: exit %d, want 0", args, r.code)
			}
			if !strings.Contains(r.stdout, "示例：") || !strings.Contains(r.stdout, "budgetdoc "+cmd) {
				t.Errorf("%q: help lacks an example:\n%s", args, r.stdout)
			}
		}
	}
	for cmd, define := range flagSets {
		if define == nil {
			continue
		}
		define().VisitAll(func(f *flag.Flag) {
			dash := "--"
			if len(f.Name) == 1 {
				dash = "-"
			}
			if !strings.Contains(commandUsage[cmd], dash+f.Name+" ") {
				t.Errorf("%s --help does not explain %s%s", cmd, dash, f.Name)
			}
		})
	}
}

func defineRenderFlagsForTest() *flag.FlagSet {
	fs := newFlagSet("render")
	var rf renderFlags
	var s stringList
	var f string
	fs.Var(&s, "o", "")
	fs.StringVar(&f, "format", "", "")
	rf.define(fs)
	return fs
}

func defineBatchFlagsForTest() *flag.FlagSet {
	fs := newFlagSet("batch")
	var rf renderFlags
	var s string
	var j int
	fs.StringVar(&s, "o", "", "")
	fs.StringVar(&s, "format", "", "")
	fs.IntVar(&j, "j", 0, "")
	rf.define(fs)
	return fs
}

func TestParseArgsInterleaved(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		positional []string
		outs       []string
	}{
		{[]string{"in.yaml", "-o", "a.pdf", "-o", "b.xlsx"}, []string{"in.yaml"}, []string{"a.pdf", "b.xlsx"}},
		{[]string{"-o", "a.pdf", "in.yaml", "--o=b.docx"}, []string{"in.yaml"}, []string{"a.pdf", "b.docx"}},
		{[]string{"a.yaml", "b.yaml"}, []string{"a.yaml", "b.yaml"}, nil},
		{[]string{"-o", "a.pdf", "--", "-odd.yaml", "-o"}, []string{"-odd.yaml", "-o"}, []string{"a.pdf"}},
	} {
		fs := newFlagSet("t")
		var outs stringList
		fs.Var(&outs, "o", "")
		got, err := parseArgs(fs, tc.args)
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.positional) || !reflect.DeepEqual([]string(outs), tc.outs) {
			t.Errorf("%q: positional %q, -o %q; want %q, %q", tc.args, got, outs, tc.positional, tc.outs)
		}
	}
}
