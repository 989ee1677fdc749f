package profile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/budgetdoc/budgetdoc/catalog"
)

// DefinitionFile is the file of a definition folder that names the profile
// and its tables; the folder's *.tmpl files are its templates.
const DefinitionFile = "profile.yaml"

// LoadDir reads a definition folder: profile.yaml and the *.tmpl files laid
// over the default templates. Its problems name the file and line, in
// Chinese.
func LoadDir(dir string) (*Profile, error) {
	return Load(os.DirFS(dir), dir)
}

// Load reads a definition from fsys; name names it in messages. A definition
// file looks like this (every key but tables is optional):
//
//	name: 某省部门预算
//	description: 某省部门预算公开
//	title: 部门预算           # the cover prints 2027年度部门预算
//	scope: 部门               # 部门 (a department's budget) or 单位 (one unit's)
//	numbers: {unit: 元, thousands: true}   # unit: 万元 or 元; empty keeps the input's
//	catalogue: [科目.csv]     # 科目 lists laid over the built-in catalogue
//	tables:                  # in the order printed; numbered 一, 二, …
//	  - overall
//	  - {id: income, name: 部门收入总表}
//	  - {id: general, notes: [note.五]}
func Load(fsys fs.FS, name string) (*Profile, error) {
	path := filepath.Join(name, DefinitionFile)
	data, err := fs.ReadFile(fsys, DefinitionFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s：文件夹中没有 %s：文档定义的文件夹要有它，写明附表及其顺序（见 README 的 Document definitions 一节）", name, DefinitionFile)
	}
	if err != nil {
		return nil, fmt.Errorf("%s：无法读取文档定义：%w", path, err)
	}
	var def struct {
		Name        string       `yaml:"name"`
		Description string       `yaml:"description"`
		Title       string       `yaml:"title"`
		Scope       yaml.Node    `yaml:"scope"`
		Numbers     NumberFormat `yaml:"numbers"`
		Tables      []yaml.Node  `yaml:"tables"`
		Catalogue   []string     `yaml:"catalogue"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&def); err != nil {
		return nil, fmt.Errorf("%s：文档定义有误：%s", path, yamlMessage(err))
	}
	p := &Profile{Name: def.Name, Description: def.Description, Title: def.Title, Numbers: def.Numbers}
	if p.Name == "" {
		p.Name = filepath.Base(name)
	}
	var problems []string
	at := func(n *yaml.Node, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s:%d:%d: %s", path, n.Line, n.Column, fmt.Sprintf(format, args...)))
	}
	switch def.Scope.Value {
	case "", "部门", "department":
	case "单位", "unit":
		p.Scope = ScopeUnit
	default:
		at(&def.Scope, "scope 应为 部门 或 单位，而不是“%s”", def.Scope.Value)
	}
	if p.Title == "" {
		p.Title = "部门预算"
		if p.Scope == ScopeUnit {
			p.Title = "单位预算"
		}
	}
	switch p.Numbers.Unit {
	case "", "万元", "元":
	default:
		problems = append(problems, fmt.Sprintf("%s：numbers.unit 应为 万元 或 元，而不是“%s”", path, p.Numbers.Unit))
	}
	if len(def.Tables) == 0 {
		problems = append(problems, path+"：没有列出附表（tables:）：请按印出的顺序列出附表，可用的附表是 "+tableIDs())
	}
	seen := map[string]bool{}
	for i := range def.Tables {
		n := &def.Tables[i]
		var r TableRef
		if n.Kind == yaml.ScalarNode {
			r.ID = n.Value
		} else if err := decodeTableRef(n, &r); err != nil {
			at(n, "附表应写成附表名（如 overall）或 {id: …, name: …, notes: […]}：%s", err)
			continue
		}
		switch _, ok := LookupTable(r.ID); {
		case !ok:
			at(n, "没有名为“%s”的附表：可用的附表是 %s", r.ID, tableIDs())
		case seen[r.ID]:
			at(n, "附表“%s”列出了两次", r.ID)
		}
		seen[r.ID] = true
		p.Tables = append(p.Tables, r)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	for _, file := range def.Catalogue {
		data, err := fs.ReadFile(fsys, file)
		if err == nil {
			var cat *catalog.Catalogue
			if cat, err = catalog.ParseTable(filepath.Join(name, file), data); err == nil {
				if p.Catalogue != nil {
					cat = p.Catalogue.Merge(cat)
				}
				p.Catalogue = cat
				continue
			}
		}
		return nil, fmt.Errorf("%s 列出的分类目录 %s 有误：%w", path, file, err)
	}
	if tmpls, _ := fs.Glob(fsys, "*.tmpl"); len(tmpls) > 0 {
		p.Templates = fsys
	}
	return p, nil
}

// yamlMessage is the YAML library's message without its "yaml: " prefix.
func yamlMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// decodeTableRef reads {id, name, notes}, refusing other keys (Node.Decode
// would ignore them).
func decodeTableRef(n *yaml.Node, r *TableRef) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			switch k := n.Content[i].Value; k {
			case "id", "name", "notes":
			default:
				return fmt.Errorf("不认识的键“%s”", k)
			}
		}
	}
	if err := n.Decode(r); err != nil {
		return fmt.Errorf("%s", yamlMessage(err))
	}
	return nil
}
