package catalog

import (
	"slices"
	"strconv"
	"strings"
)

// ChangesFile builds a year from an earlier one: the earlier year's catalogue with the listed
// changes applied. See the package doc for its format.
const ChangesFile = "changes.tsv"

// Change operations of changes.tsv.
const (
	opAdd    = "add"
	opRename = "rename"
	opRemove = "remove"
)

// changeFiles are the files a change line may name, and what its key (first field) is looked up in.
var changeFiles = []string{FunctionsFile, FunctionClassesFile, DeptEconomicFile, GovEconomicFile, MappingFile, BasicKindsFile}

// applyChanges reads a changes.tsv and applies it to the catalogue its "# base:" names.
func applyChanges(file, text string, loadBase func(int) (*Catalogue, error)) (*Catalogue, error) {
	delta := newCatalogue()
	p := &parser{c: delta}
	var (
		baseYear, year   int
		untranscribed    bool
		removes, renames []change
		adds             []change
	)
	lines := strings.Split(strings.TrimPrefix(text, "\uFEFF"), "\n")
	for i, line := range lines {
		pos := Pos{File: file, Line: i + 1}
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			key, value, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "#")), ":")
			value = strings.TrimSpace(value)
			switch strings.TrimSpace(key) {
			case "base":
				y, err := strconv.Atoi(value)
				if err != nil {
					p.fail(pos, "base %q is not a year", value)
				}
				baseYear = y
			case "amendment":
				delta.amendments = append(delta.amendments, value)
			case "edition":
				untranscribed = value == "not transcribed"
			default:
				p.directive(pos, line)
			}
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			p.fail(pos, "want op<TAB>file<TAB>fields…, found %d fields", len(fields))
			continue
		}
		ch := change{pos: pos, op: fields[0], file: fields[1], key: fields[2]}
		if !slices.Contains(changeFiles, ch.file) {
			p.fail(pos, "file %q is not one of %s", ch.file, strings.Join(changeFiles, ", "))
			continue
		}
		switch ch.op {
		case opAdd, opRename:
			p.line(pos, ch.file, fields[2:])
			if ch.op == opAdd {
				adds = append(adds, ch)
			} else {
				renames = append(renames, ch)
			}
		case opRemove:
			if len(fields) != 3 {
				p.fail(pos, "remove takes one code, found %d fields after the file", len(fields)-2)
				continue
			}
			removes = append(removes, ch)
		default:
			p.fail(pos, "op %q is not %s, %s or %s", ch.op, opAdd, opRename, opRemove)
		}
	}
	year = delta.year
	if year == 0 || baseYear == 0 {
		p.fail(Pos{File: file, Line: 1}, "a changes file needs \"# year:\" and \"# base:\"")
	}
	if len(p.errs) > 0 {
		return nil, joinErrors(p.errs)
	}
	base, err := loadBase(baseYear)
	if err != nil {
		return nil, err
	}
	for _, ch := range adds {
		if base.has(ch.file, ch.key) {
			p.fail(ch.pos, "add: %s %s is already in %d (use rename)", ch.file, ch.key, baseYear)
		}
	}
	for _, ch := range renames {
		if !base.has(ch.file, ch.key) {
			p.fail(ch.pos, "rename: %s %s is not in %d (use add)", ch.file, ch.key, baseYear)
		}
	}
	out := base.Merge(delta)
	out.year = year
	for _, ch := range removes {
		if !base.has(ch.file, ch.key) {
			p.fail(ch.pos, "remove: %s %s is not in %d", ch.file, ch.key, baseYear)
			continue
		}
		out.remove(ch.file, ch.key, baseYear)
	}
	if untranscribed {
		out.untranscribed = append(out.untranscribed, year)
	}
	if len(p.errs) > 0 {
		return nil, joinErrors(p.errs)
	}
	return out, nil
}

type change struct {
	pos           Pos
	op, file, key string
}

// has reports whether the file's table holds key.
func (c *Catalogue) has(file, key string) bool {
	switch file {
	case FunctionsFile:
		_, ok := c.functions[key]
		return ok
	case FunctionClassesFile:
		_, ok := c.classes[key]
		return ok
	case DeptEconomicFile:
		_, ok := c.dept[key]
		return ok
	case GovEconomicFile:
		_, ok := c.gov[key]
		return ok
	case MappingFile:
		_, ok := c.mapping[key]
		return ok
	case BasicKindsFile:
		_, ok := c.basic[key]
		return ok
	}
	return false
}

// remove drops key from the file's table of c (a fresh copy), remembering a code as retired after
// lastYear so that prior-year figures may still carry it.
func (c *Catalogue) remove(file, key string, lastYear int) {
	var m map[string]entry
	switch file {
	case FunctionsFile:
		m = c.functions
	case DeptEconomicFile:
		m = c.dept
	case GovEconomicFile:
		m = c.gov
	case FunctionClassesFile:
		delete(c.classes, key)
		return
	case MappingFile:
		delete(c.mapping, key)
		return
	case BasicKindsFile:
		delete(c.basic, key)
		return
	}
	if c.retired[file] == nil {
		c.retired[file] = map[string]retiredCode{}
	}
	c.retired[file][key] = retiredCode{name: m[key].name, lastYear: lastYear}
	delete(m, key)
}
