package catalog

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed data
var builtinData embed.FS

// builtinYears are the years shipped in data/, each parsed at most once per process: validation
// looks codes up on every run. A year directory holds either the full files (2023) or a
// changes.tsv that builds the year from its base year.
var builtinYears = map[int]func() (*Catalogue, error){}

func init() {
	entries, _ := fs.ReadDir(builtinData, "data")
	for _, e := range entries {
		y, err := strconv.Atoi(e.Name())
		if err != nil || !e.IsDir() {
			continue
		}
		builtinYears[y] = sync.OnceValues(func() (*Catalogue, error) { return loadBuiltin(y) })
	}
}

// Builtin is the catalogue shipped for year. The files are parsed on first use and the result
// shared; it is read-only. For a year not shipped it fails; ForYear falls back to an earlier year.
func Builtin(year int) (*Catalogue, error) {
	load, ok := builtinYears[year]
	if !ok {
		// The reader is the person whose budget names this year (the
		// validator passes this on), so it is worded in Chinese.
		return nil, fmt.Errorf("没有 %d 年的内置分类目录（内置的年度：%s）：%s", year, strings.Join(BuiltinYears(), "、"), HowToLoad)
	}
	return load()
}

// BuiltinYears is the years shipped, in order.
func BuiltinYears() []string {
	years := make([]string, 0, len(builtinYears))
	for _, y := range sortedYears() {
		years = append(years, strconv.Itoa(y))
	}
	return years
}

func sortedYears() []int {
	years := make([]int, 0, len(builtinYears))
	for y := range builtinYears {
		years = append(years, y)
	}
	slices.Sort(years)
	return years
}

func loadBuiltin(year int) (*Catalogue, error) {
	dir := "data/" + strconv.Itoa(year)
	c, err := loadYear(builtinData, dir, func(base int) (*Catalogue, error) {
		if base >= year {
			return nil, fmt.Errorf("base year %d is not before %d", base, year)
		}
		return Builtin(base)
	})
	if err != nil {
		return nil, fmt.Errorf("built-in catalogue %d is broken: %w", year, err)
	}
	if err := c.Check(); err != nil {
		return nil, fmt.Errorf("built-in catalogue %d is broken: %w", year, err)
	}
	if c.year != year {
		return nil, fmt.Errorf("built-in catalogue %s says year %d", dir, c.year)
	}
	return c, nil
}

// loadYear reads a year directory: its changes.tsv applied to the base year that file names, or,
// without one, the full files.
func loadYear(fsys fs.FS, dir string, base func(int) (*Catalogue, error)) (*Catalogue, error) {
	file := dir + "/" + ChangesFile
	data, err := fs.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return Load(fsys, dir)
	}
	if err != nil {
		return nil, err
	}
	return applyChanges(file, string(data), base)
}

// builtinFS is the shipped files, for tests that corrupt a copy.
func builtinFS() fs.FS { return builtinData }
