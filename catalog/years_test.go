package catalog

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func builtin(t testing.TB, year int) *Catalogue {
	t.Helper()
	c, err := Builtin(year)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEveryBuiltinYearLoadsAndHoldsTogether(t *testing.T) {
	want := []string{"2023", "2024", "2025", "2026", "2027"}
	if got := strings.Join(BuiltinYears(), ","); got != strings.Join(want, ",") {
		t.Fatalf("BuiltinYears = %s, want %v", got, want)
	}
	for _, y := range []int{2023, 2024, 2025, 2026, 2027} {
		c := builtin(t, y)
		if c.Year() != y {
			t.Errorf("Builtin(%d).Year() = %d", y, c.Year())
		}
		if err := c.Check(); err != nil {
			t.Errorf("%d: %v", y, err)
		}
		if y > 2023 && !strings.Contains(c.Source(), "《"+itoa(y)+"年政府收支分类科目》") {
			t.Errorf("%d: source %q does not name its edition", y, c.Source())
		}
	}
}

func itoa(y int) string { return strconv.Itoa(y) }

// TestSourcedChanges is each year's sourced change, and that a year holds the one before.
func TestSourcedChanges(t *testing.T) {
	for _, tc := range []struct {
		year       int
		code, name string
	}{
		{2024, "22006", "耕地保护考核奖惩基金支出"},
		{2025, "2170404", "中央金融机构注资特别国债支出"},
		{2025, "22911", "中央金融机构注资特别国债财务基金支出"},
		{2025, "23107", "中央金融机构注资特别国债还本支出"},
	} {
		if _, ok := builtin(t, tc.year-1).Function(tc.code); ok {
			t.Errorf("%s is already in %d", tc.code, tc.year-1)
		}
		for y := tc.year; y <= 2027; y++ {
			if got, ok := builtin(t, y).Function(tc.code); !ok || got != tc.name {
				t.Errorf("%d: Function(%s) = %q, %v; want %q", y, tc.code, got, ok, tc.name)
			}
		}
	}
	prev := builtin(t, 2023)
	for y := 2024; y <= 2027; y++ {
		c := builtin(t, y)
		for _, code := range prev.FunctionCodes() {
			if _, ok := c.Function(code); !ok {
				t.Errorf("%d dropped %s without a remove line", y, code)
			}
		}
		if c.Counts().Mapping != prev.Counts().Mapping || c.Counts().BasicKinds != prev.Counts().BasicKinds {
			t.Errorf("%d: counts %+v, %d had %+v", y, c.Counts(), y-1, prev.Counts())
		}
		prev = c
	}
	if n := builtin(t, 2027).Counts().Functions - builtin(t, 2023).Counts().Functions; n != 4 {
		t.Errorf("2027 has %d functional codes more than 2023, want the 4 sourced ones", n)
	}
}

func TestForYear(t *testing.T) {
	for _, tc := range []struct {
		year, used int
		exact      bool
	}{
		{2023, 2023, true}, {2025, 2025, true}, {2027, 2027, true}, {2028, 2027, false}, {2035, 2027, false},
	} {
		ch, err := ForYear(tc.year)
		if err != nil {
			t.Fatalf("ForYear(%d): %v", tc.year, err)
		}
		if ch.Year != tc.used || ch.Exact != tc.exact || ch.Requested != tc.year || ch.Catalogue != builtin(t, tc.used) {
			t.Errorf("ForYear(%d) = %d exact %v; want %d exact %v", tc.year, ch.Year, ch.Exact, tc.used, tc.exact)
		}
	}
	_, err := ForYear(2022)
	if err == nil || !strings.Contains(err.Error(), "没有 2022 年或更早的内置分类目录") || !strings.Contains(err.Error(), "--catalogue") {
		t.Errorf("ForYear(2022): %v", err)
	}
}

func TestWarning(t *testing.T) {
	warn := func(year int) string {
		ch, err := ForYear(year)
		if err != nil {
			t.Fatal(err)
		}
		return ch.Warning()
	}
	if w := warn(2023); w != "" {
		t.Errorf("2023 is transcribed, yet warns: %s", w)
	}
	w := warn(2028)
	for _, want := range []string{"没有 2028 年的内置分类目录", "已按 2027 年的分类目录", "--catalogue"} {
		if !strings.Contains(w, want) {
			t.Errorf("2028 warning lacks %q: %s", want, w)
		}
	}
	w = warn(2025)
	for _, want := range []string{"2025 年分类目录沿用 2023 年的科目", "财预〔2024〕22号、财预〔2025〕41号", "《2024年政府收支分类科目》《2025年政府收支分类科目》", "--catalogue"} {
		if !strings.Contains(w, want) {
			t.Errorf("2025 warning lacks %q: %s", want, w)
		}
	}
	for _, y := range []int{2023, 2025, 2028} {
		if w := warn(y); strings.Contains(w, "catalog.") || strings.Contains(w, "Load") {
			t.Errorf("%d: the warning names Go: %s", y, w)
		}
	}
	// With the region's list merged over, the list decides: no warning.
	ch, _ := ForYear(2028)
	region, err := ParseTable("本地科目.tsv", []byte("编码\t名称\n2010301\t行政运行\n"))
	if err != nil {
		t.Fatal(err)
	}
	ch = ch.WithRegional(region)
	if w := ch.Warning(); w != "" {
		t.Errorf("with a regional list: %s", w)
	}
	if err := ch.Catalogue.Check(); err != nil {
		t.Error(err)
	}
	if !strings.Contains(ch.Catalogue.Source(), "本地区科目表 本地科目.tsv") {
		t.Errorf("source %q", ch.Catalogue.Source())
	}
}

// yearsFS is a 2023 base with a later year built by changes.
func yearsFS(changes string) fstest.MapFS {
	fsys := good()
	fsys["my/functions.tsv"] = &fstest.MapFile{Data: []byte("# year: 2023\n201\t一般公共服务支出\n20103\t政府办公厅（室）及相关机构事务\n2010301\t行政运行\n2010350\t事业运行\n208\t社会保障和就业支出\n")}
	fsys["next/changes.tsv"] = &fstest.MapFile{Data: []byte(changes)}
	return fsys
}

func loadNext(fsys fs.FS) (*Catalogue, error) {
	return loadYear(fsys, "next", func(year int) (*Catalogue, error) {
		if year != 2023 {
			return nil, errors.New("no such base")
		}
		return Load(fsys, "my")
	})
}

func TestChangesAddRenameRemove(t *testing.T) {
	fsys := yearsFS("# year: 2024\n# base: 2023\n# source: test edition\n# amendment: 测试〔2024〕1号\n" +
		"add\tfunctions.tsv\t2010302\t一般行政管理事务\n" +
		"rename\tfunctions.tsv\t2010301\t行政运行（新）\n" +
		"remove\tfunctions.tsv\t2010350\n" +
		"add\tbasic_kinds.tsv\t30101\t公用经费\n")
	c, err := loadNext(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if c.Year() != 2024 || !strings.Contains(c.Source(), "test edition") {
		t.Errorf("year %d source %q", c.Year(), c.Source())
	}
	if n, _ := c.Function("2010302"); n != "一般行政管理事务" {
		t.Errorf("added: %q", n)
	}
	if n, _ := c.Function("2010301"); n != "行政运行（新）" {
		t.Errorf("renamed: %q", n)
	}
	if _, ok := c.Function("2010350"); ok {
		t.Error("removed code still current")
	}
	// Prior-year figures may carry the removed code: it is found, with the last year that had it.
	if n, last, ok := c.PriorFunction("2010350"); !ok || n != "事业运行" || last != 2023 {
		t.Errorf("PriorFunction(2010350) = %q, %d, %v", n, last, ok)
	}
	if n, last, ok := c.PriorFunction("2010301"); !ok || n != "行政运行（新）" || last != 0 {
		t.Errorf("PriorFunction of a current code = %q, %d, %v", n, last, ok)
	}
	if _, _, ok := c.PriorFunction("2010399"); ok {
		t.Error("PriorFunction found a code no year had")
	}
	if k, _ := c.BasicKind("30101"); k != Public {
		t.Errorf("changed basic kind: %q", k)
	}
	// The removed code stays retired through a Merge (a regional list laid over).
	if _, _, ok := c.Merge(nil).PriorFunction("2010350"); !ok {
		t.Error("Merge lost the retired codes")
	}
}

func TestChangesErrors(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"add existing", "add\tfunctions.tsv\t2010301\tx\n", "add: functions.tsv 2010301 is already in 2023 (use rename)"},
		{"rename missing", "rename\tfunctions.tsv\t2010399\tx\n", "rename: functions.tsv 2010399 is not in 2023"},
		{"remove missing", "remove\tfunctions.tsv\t2010399\n", "remove: functions.tsv 2010399 is not in 2023"},
		{"bad op", "drop\tfunctions.tsv\t2010301\n", "op \"drop\""},
		{"bad file", "add\tfoo.tsv\t201\tx\n", "file \"foo.tsv\""},
		{"bad code", "add\tfunctions.tsv\t20103x\tx\n", "not all digits"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadNext(yearsFS("# year: 2024\n# base: 2023\n" + tc.body))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "next/changes.tsv:3") {
				t.Errorf("got %v; want next/changes.tsv:3 …%s", err, tc.want)
			}
		})
	}
	if _, err := loadNext(yearsFS("# year: 2024\n")); err == nil || !strings.Contains(err.Error(), "# base:") {
		t.Errorf("no base: %v", err)
	}
}
