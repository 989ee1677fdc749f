package catalog

import (
	"embed"
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
// looks codes up on every run.
var builtinYears = map[int]func() (*Catalogue, error){
	2023: sync.OnceValues(func() (*Catalogue, error) { return loadBuiltin(2023) }),
}

// Builtin is the catalogue shipped for year. The files are parsed on first use and the result
// shared; it is read-only.
func Builtin(year int) (*Catalogue, error) {
	load, ok := builtinYears[year]
	if !ok {
		// The reader is the person whose budget names this year (the
		// validator passes this on), so it is worded in Chinese.
		return nil, fmt.Errorf("没有 %d 年的内置分类目录（内置的年度：%s）；其他年度请按同样格式编写目录文件（%s），用 catalog.Load 读取",
			year, strings.Join(BuiltinYears(), "、"), strings.Join(catalogueFiles, "、"))
	}
	return load()
}

// BuiltinYears is the years shipped, in order.
func BuiltinYears() []string {
	years := make([]string, 0, len(builtinYears))
	for y := range builtinYears {
		years = append(years, strconv.Itoa(y))
	}
	slices.Sort(years)
	return years
}

func loadBuiltin(year int) (*Catalogue, error) {
	dir := "data/" + strconv.Itoa(year)
	c, err := Load(builtinData, dir)
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

// builtinFS is the shipped files, for tests that corrupt a copy.
func builtinFS() fs.FS { return builtinData }
