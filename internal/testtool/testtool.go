// Package testtool finds the programs from outside Go that some tests check
// the output with (qpdf, pdftotext, pdffonts, soffice). A test that needs one
// skips when it is missing — a fresh machine has only Go — unless the
// environment says BUDGETDOC_REQUIRE_TOOLS=1, as CI does, where a missing
// tool is a failure.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Path returns the path of the program name, or skips the test (fails it
// when BUDGETDOC_REQUIRE_TOOLS=1) if it is not installed.
func Path(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("BUDGETDOC_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is required (BUDGETDOC_REQUIRE_TOOLS=1) but not installed", name)
	}
	t.Skipf("%s is not installed", name)
	return ""
}
