package budget

// Code names a kind of problem. Codes are stable: a program may branch on
// them, store them or map them to its own messages, where the Chinese text
// of a Problem may be reworded from one release to the next.
type Code string

// Problems found while reading a file.
const (
	CodeEncoding Code = "encoding" // not UTF-8, UTF-16, too large, empty file
	CodeEmpty    Code = "empty"    // no data in the file
	CodeSyntax   Code = "syntax"   // a YAML or JSON syntax or layout error, or not a mapping at the top
	CodeField    Code = "field"    // a value that cannot be read: unknown key, wrong type, bad amount
	CodeCell     Code = "cell"     // a workbook cell as a clerk typed it: text for a number, a code Excel stripped, a merged cell, a missing sheet
)

// Problems found by validation.
const (
	CodeRequired         Code = "required"           // a value left out or blank
	CodeDuplicate        Code = "duplicate"          // a code or name that must be unique is not
	CodeUnknownValue     Code = "unknown-value"      // a value not among the allowed ones: source, unit kind, project type, …
	CodeUnknownUnit      Code = "unknown-unit"       // a line or project names a unit not in units
	CodeUnknownProject   Code = "unknown-project"    // a line names a project not in projects
	CodeUnusedProject    Code = "unused-project"     // a project no line spends on (a warning)
	CodeProjectName      Code = "project-name"       // a project named one way here and another way there
	CodeFunctionCode     Code = "function-code"      // a 功能分类 code malformed or not in the catalogue
	CodeFunctionName     Code = "function-name"      // a 功能分类 项 named by function_names, not the catalogue (a warning)
	CodeEconomicCode     Code = "economic-code"      // an 经济分类 code malformed or not in the catalogue
	CodeBasicEconomic    Code = "basic-economic"     // an 经济分类 that does not count as the line's 人员经费 or 公用经费
	CodeLineKind         Code = "line-kind"          // a line both 基本支出 and a project's, or neither
	CodeAmount           Code = "amount"             // an amount negative, zero, or with more than two decimals
	CodeBalance          Code = "balance"            // declared income ≠ spending, per source or in total
	CodeTotal            Code = "total"              // a declared total ("三公", 政府采购) ≠ the sum of its parts
	CodeThreePublicLines Code = "three-public-lines" // a "三公" item ≠ the lines on its economic code
	CodeTarget           Code = "target"             // a performance target that cannot be right (a rate above 100%, …)
	CodeYear             Code = "year"               // a fiscal year outside the years the program knows
	CodeCatalogue        Code = "catalogue"          // the year's catalogue is missing, an earlier year's, or incomplete
	CodePublished        Code = "published"          // a publication month malformed or outside the fiscal year
	CodeLevel            Code = "level"              // the 财政 level left out or unusual (a warning that names the guess)
	CodePrior            Code = "prior"              // prior-year figures that contradict this year's or each other
	CodeAssets           Code = "assets"             // an asset count that cannot be right
	CodeUnitFacts        Code = "unit-facts"         // a unit's 单位预算 needs a fact the unit does not state (or a guess for one left out, a warning)
	CodeUnitSum          Code = "unit-sum"           // the facts the units state do not add up to the department's
)

// Problems found when building the document from a valid budget.
const (
	CodeDocument  Code = "document"  // a template or the profile fails on this budget
	CodeCharacter Code = "character" // a character no font of the PDF can draw
	CodeTableFit  Code = "table-fit" // a table too wide for a page at the smallest type size
)
