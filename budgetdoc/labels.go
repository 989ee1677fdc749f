package budgetdoc

import (
	"strings"

	"github.com/budgetdoc/budgetdoc/budgetdoc/catalog"
)

// classLabeler words the 功能分类 类 rows of tables 一 and 四, which print a
// serial number and a short name: "八、社会保障和就业", "（八）社会保障和就业支出".
type classLabeler interface {
	overall(code, name string) string
	fiscal(code, name string) string
	short(code, name string) string // "一般公共服务", as the narrative names it
}

type catalogueLabels map[string]catalog.Class

func (l catalogueLabels) overall(code, name string) string {
	if c, ok := l[code]; ok {
		return c.Numeral() + "、" + c.OverviewName
	}
	return name
}

func (l catalogueLabels) fiscal(code, name string) string {
	if c, ok := l[code]; ok {
		return "（" + c.Numeral() + "）" + c.FiscalOverviewName
	}
	return name
}

// short is the official name without "支出": the narrative's "住房保障（类）
// 支出" where table 一 prints "住房保障支出" and table 四 "住房保障支出".
func (l catalogueLabels) short(code, name string) string {
	if c, ok := l[code]; ok {
		name = c.Name
	}
	return strings.TrimSuffix(name, "支出")
}

// classLabels reads the class labels from the budget's catalogue.
func (b *Budget) classLabels() (classLabeler, error) {
	c, err := catalog.Builtin(b.Department.Year)
	if err != nil {
		return nil, err
	}
	l := catalogueLabels{}
	for _, cl := range c.FunctionClasses() {
		l[cl.Code] = cl
	}
	return l, nil
}
