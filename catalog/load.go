package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// The files a catalogue directory may hold. Load reads those present; at least one must be.
const (
	FunctionsFile       = "functions.tsv"
	FunctionClassesFile = "function_classes.tsv"
	DeptEconomicFile    = "economic_dept.tsv"
	GovEconomicFile     = "economic_gov.tsv"
	MappingFile         = "mapping.tsv"
	BasicKindsFile      = "basic_kinds.tsv"
)

var catalogueFiles = []string{FunctionsFile, FunctionClassesFile, DeptEconomicFile, GovEconomicFile, MappingFile, BasicKindsFile}

// Pos is a line in a catalogue file, or a cell of a spreadsheet ("Sheet1!B12").
type Pos struct {
	File string
	Line int
	Cell string // set for .xlsx files, with Line the row
}

func (p Pos) String() string {
	if p.Cell != "" {
		return p.File + ":" + p.Cell
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Error is one thing wrong with a catalogue file, at the line it is on.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// maxErrors caps how many problems one Load reports, so a file in the wrong format does not bury
// the first messages under thousands of the same.
const maxErrors = 50

// Load reads the catalogue files present in dir of fsys (see the package doc for their format). It
// checks each line's form, rejects duplicate codes, and checks the references it can among the files
// it read: a 款 or 项 whose parent is missing, a class or mapping row naming an unknown code. Every
// problem found comes back joined in one error, each an *Error that names file:line.
func Load(fsys fs.FS, dir string) (*Catalogue, error) {
	c := newCatalogue()
	p := &parser{c: c}
	found := 0
	for _, name := range catalogueFiles {
		file := path.Join(dir, name)
		data, err := fs.ReadFile(fsys, file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("catalogue: %w", err)
		}
		found++
		p.parse(file, name, string(data))
	}
	if found == 0 {
		return nil, fmt.Errorf("catalogue: %s holds none of %s", dir, strings.Join(catalogueFiles, ", "))
	}
	p.errs = append(p.errs, c.check(false)...)
	if len(p.errs) > 0 {
		return nil, joinErrors(p.errs)
	}
	return c, nil
}

func joinErrors(errs []*Error) error {
	out := make([]error, 0, min(len(errs), maxErrors)+1)
	for i, e := range errs {
		if i == maxErrors {
			out = append(out, fmt.Errorf("… and %d more", len(errs)-maxErrors))
			break
		}
		out = append(out, e)
	}
	return errors.Join(out...)
}

type parser struct {
	c    *Catalogue
	errs []*Error
	// yearPos is where the year was first set, to name it when another file disagrees.
	yearPos Pos
}

func (p *parser) fail(pos Pos, format string, args ...any) {
	p.errs = append(p.errs, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) parse(file, kind, text string) {
	text = strings.TrimPrefix(text, "\uFEFF")
	lines := strings.Split(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, line := range lines {
		pos := Pos{File: file, Line: i + 1}
		line = strings.TrimSuffix(line, "\r")
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case strings.HasPrefix(line, "#"):
			p.directive(pos, line)
			continue
		}
		p.line(pos, kind, strings.Split(line, "\t"))
	}
}

// line reads one entry of a file of the given kind (one of catalogueFiles).
func (p *parser) line(pos Pos, kind string, fields []string) {
	switch kind {
	case FunctionsFile:
		p.codeName(pos, fields, p.c.functions, "functional", 3, 5, 7)
	case DeptEconomicFile:
		p.codeName(pos, fields, p.c.dept, "economic (部门预算)", 3, 5)
	case GovEconomicFile:
		p.codeName(pos, fields, p.c.gov, "economic (政府预算)", 3, 5)
	case FunctionClassesFile:
		p.classLine(pos, fields)
	case MappingFile:
		p.mappingLine(pos, fields)
	case BasicKindsFile:
		p.basicLine(pos, fields)
	}
}

// basicLine reads "prefix<TAB>人员经费|公用经费".
func (p *parser) basicLine(pos Pos, fields []string) {
	if !p.fieldCount(pos, fields, 2, "部门预算经济分类 类 or 款, "+Personnel+" or "+Public) {
		return
	}
	code, kind := fields[0], fields[1]
	ok := p.code(pos, code, "部门预算经济分类", 3, 5)
	if kind != Personnel && kind != Public {
		p.fail(pos, "kind %q is neither %s nor %s", kind, Personnel, Public)
		ok = false
	}
	if !ok {
		return
	}
	if prev, dup := p.c.basic[code]; dup {
		p.fail(pos, "code %s is already given a kind at line %d", code, prev.pos.Line)
		return
	}
	p.c.basic[code] = entry{name: kind, pos: pos}
}

// directive reads "# source: …" and "# year: …"; any other comment is ignored.
func (p *parser) directive(pos Pos, line string) {
	body := strings.TrimSpace(strings.TrimPrefix(line, "#"))
	key, value, ok := strings.Cut(body, ":")
	if !ok {
		return
	}
	value = strings.TrimSpace(value)
	switch strings.TrimSpace(key) {
	case "source":
		if value == "" {
			p.fail(pos, "empty source")
		} else if !slices.Contains(p.c.sources, value) {
			p.c.sources = append(p.c.sources, value)
		}
	case "year":
		year, err := strconv.Atoi(value)
		if err != nil || year < 1900 || year > 9999 {
			p.fail(pos, "year %q is not a four-digit year", value)
			return
		}
		if p.c.year != 0 && p.c.year != year {
			p.fail(pos, "year %d differs from year %d set at %s", year, p.c.year, p.yearPos)
			return
		}
		p.c.year, p.yearPos = year, pos
	}
}

func (p *parser) fieldCount(pos Pos, fields []string, want int, layout string) bool {
	if len(fields) != want {
		p.fail(pos, "want %d TAB-separated fields (%s), found %d", want, layout, len(fields))
		return false
	}
	return true
}

func (p *parser) codeName(pos Pos, fields []string, into map[string]entry, what string, lengths ...int) {
	if !p.fieldCount(pos, fields, 2, "code, name") {
		return
	}
	code, name := fields[0], fields[1]
	okCode := p.code(pos, code, what, lengths...)
	okName := p.name(pos, name, "name")
	if !okCode || !okName {
		return
	}
	if prev, dup := into[code]; dup {
		p.fail(pos, "code %s is already defined at line %d", code, prev.pos.Line)
		return
	}
	into[code] = entry{name: name, pos: pos}
}

func (p *parser) classLine(pos Pos, fields []string) {
	if !p.fieldCount(pos, fields, 4, "serial, 类 code, 表一 name, 表四 name") {
		return
	}
	ok := true
	serial, err := strconv.Atoi(fields[0])
	if err != nil || serial < 1 || serial > 99 || fields[0] != strconv.Itoa(serial) {
		p.fail(pos, "serial %q is not a number from 1 to 99", fields[0])
		ok = false
	}
	ok = p.code(pos, fields[1], "类", 3) && ok
	ok = p.name(pos, fields[2], "表一 name") && ok
	ok = p.name(pos, fields[3], "表四 name") && ok
	if !ok {
		return
	}
	code := fields[1]
	if prev, dup := p.c.classes[code]; dup {
		p.fail(pos, "类 %s is already listed at line %d", code, prev.pos.Line)
		return
	}
	for other, row := range p.c.classes {
		if row.serial == serial {
			p.fail(pos, "serial %d is already given to 类 %s at line %d", serial, other, row.pos.Line)
			return
		}
	}
	p.c.classes[code] = classRow{serial: serial, overview: fields[2], fiscal: fields[3], pos: pos}
}

func (p *parser) mappingLine(pos Pos, fields []string) {
	if !p.fieldCount(pos, fields, 3, "部门 款, 行政 政府 款, 事业 政府 款") {
		return
	}
	ok := p.code(pos, fields[0], "部门预算经济分类 款", 5)
	ok = p.code(pos, fields[1], "政府预算经济分类 款 (行政)", 5) && ok
	ok = p.code(pos, fields[2], "政府预算经济分类 款 (事业)", 5) && ok
	if !ok {
		return
	}
	if prev, dup := p.c.mapping[fields[0]]; dup {
		p.fail(pos, "部门 款 %s is already mapped at line %d", fields[0], prev.pos.Line)
		return
	}
	p.c.mapping[fields[0]] = mappingRow{administrative: fields[1], institution: fields[2], pos: pos}
}

func (p *parser) code(pos Pos, code, what string, lengths ...int) bool {
	if !isDigits(code) {
		p.fail(pos, "%s code %q is not all digits", what, code)
		return false
	}
	for _, n := range lengths {
		if len(code) == n {
			return true
		}
	}
	p.fail(pos, "%s code %s has %d digits, want %s", what, code, len(code), lengthList(lengths))
	return false
}

func (p *parser) name(pos Pos, name, what string) bool {
	switch {
	case name == "":
		p.fail(pos, "%s is empty", what)
	case strings.TrimFunc(name, unicode.IsSpace) != name:
		p.fail(pos, "%s %q starts or ends with a space", what, name)
	default:
		return true
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func lengthList(lengths []int) string {
	parts := make([]string, len(lengths))
	for i, n := range lengths {
		parts[i] = strconv.Itoa(n)
	}
	switch len(parts) {
	case 1:
		return parts[0]
	default:
		return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
	}
}
