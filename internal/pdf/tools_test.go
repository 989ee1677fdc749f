package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeTemp writes pdf into the test's temporary directory.
func writeTemp(t *testing.T, pdf []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pageText is pdftotext's text of page n (1-based), whitespace removed.
func pageText(t *testing.T, pdftotext, file string, n int) string {
	t.Helper()
	out, err := exec.Command(pdftotext, "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext page %d: %v", n, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}
