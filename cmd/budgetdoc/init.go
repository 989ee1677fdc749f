package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// skeleton is the budget file init writes: every field, with Chinese
// comments saying what goes there, the allowed values and the units.
//
//go:embed skeleton.yaml
var skeleton []byte

const initUsage = `Usage:
  budgetdoc init -o NEW.yaml [--force]

Writes a new budget file to fill in: every field the disclosure needs, each
explained in a comment (what it is, the allowed values, the unit). Fill in
the blanks ("" and 0), then check the file with budgetdoc validate.
An existing file is never replaced unless --force is given.

Options:
  -o FILE    the file to write (.yaml or .yml)
  --force    replace FILE if it exists

Example:
  budgetdoc init -o 2023预算.yaml
`

func runInit(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("init")
	var out string
	var force bool
	flags.StringVar(&out, "o", "", "")
	flags.BoolVar(&force, "force", false, "")
	positional, status, ok := parseCommand(flags, initUsage, args, stdout, stderr)
	if !ok {
		return status
	}
	fail := func(format string, args ...any) int {
		return usageError(stderr, "init", initUsage, format, args...)
	}
	switch {
	case len(positional) > 0:
		return fail("unexpected %s: give the file to write with -o", strings.Join(positional, " "))
	case out == "":
		return fail("say where to write the new file with -o, for example -o 2023预算.yaml")
	}
	if ext := strings.ToLower(filepath.Ext(out)); ext != ".yaml" && ext != ".yml" {
		return fail("%s: name the file .yaml (the new file is YAML, with comments)", out)
	}
	if err := checkFolder(filepath.Dir(out)); err != nil {
		fmt.Fprintf(stderr, "budgetdoc init: cannot write %s: %v\n", out, err)
		return exitFailed
	}
	if !force {
		if _, err := os.Lstat(out); err == nil {
			fmt.Fprintf(stderr, "budgetdoc init: %s already exists; it was left as it is (add --force to replace it)\n", out)
			return exitFailed
		} else if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "budgetdoc init: %v\n", writeError(out, err))
			return exitFailed
		}
	}
	if err := writeAll(map[string][]byte{out: skeleton}, []string{out}); err != nil {
		fmt.Fprintf(stderr, "budgetdoc init: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stdout, "wrote %s: fill in the blanks, then run: budgetdoc validate %s\n", out, out)
	return exitOK
}
