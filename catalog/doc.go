// Package catalog holds the 政府收支分类科目 (government revenue and expenditure classification) as
// data: the 支出功能分类科目 (functional classification, 类/款/项 codes of 3, 5 and 7 digits), the
// order in which the 收支总体情况表 print the 类, the 部门预算支出经济分类科目 and the 政府预算支出
// 经济分类科目 (economic classifications, 类/款 codes of 3 and 5 digits), the correspondence that
// takes a department's economic 款 to the government one, for 行政 and for 事业 units, and which
// economic codes count as 人员经费 and which as 公用经费 (basic_kinds.tsv).
//
// The names printed in the budget tables come from here, and validation rejects codes not found here.
//
// # Years
//
// Built in are 2023 to 2027. ForYear picks the catalogue of a budget year: that year's, or for a later
// year the latest built-in one, saying so (Choice.Exact, Choice.Warning).
//
// 2023 is a full transcription of 财政部《2023年政府收支分类科目》(财预〔2022〕107号), with the
// economic classifications set by 财预〔2017〕98号. No official machine-readable list exists: the
// shipped 2023 files (data/2023) are a transcription made by hand on 2026-11-25, not an official
// publication. They list only codes the transcriber was sure of: 类 and 款 are complete but for the
// gaps each file's header names, 项 are a selection (every one a department budget commonly uses).
//
// Each later year is the year before plus a list of changes (data/YYYY/changes.tsv), and nothing
// else: the classification is revised, not rewritten, each year (财政部 amends the previous edition;
// the codes a department budget uses carry over), so carrying the earlier codes forward is right for
// almost every code, and a list of changes shows exactly what was sourced. Only changes whose code
// and name were found in a published text are listed, each with its notice: 2024 adds 22006
// 耕地保护考核奖惩基金支出 (财预〔2024〕22号), 2025 adds 2170404, 22911 and 23107 (财预〔2025〕41号). The
// editions' own changes from the year before (《2024年…》 to 《2027年…》) could not be sourced code by
// code and are not applied; each changes.tsv says so, and Choice.Warning tells the reader, so a
// region loads its own list (LoadFile) and Merges it over the built-in one. A wrong code would be
// worse than a missing one: nothing here is guessed.
//
// # File formats
//
// A built-in year directory, or a directory a caller loads with Load, holds UTF-8 text, one entry a
// line, fields separated by one TAB; blank lines and lines that start with "#" are ignored, except
// "# source: …" and "# year: …", which set Source and Year.
//
//	functions.tsv        code<TAB>name                        3, 5 or 7 digits
//	function_classes.tsv serial<TAB>code<TAB>表一 name<TAB>表四 name
//	economic_dept.tsv    code<TAB>name                        3 or 5 digits
//	economic_gov.tsv     code<TAB>name                        3 or 5 digits
//	mapping.tsv          dept 款<TAB>行政 gov 款<TAB>事业 gov 款
//	basic_kinds.tsv      dept 类 or 款<TAB>人员经费|公用经费    longest prefix wins
//
// A later year's directory holds only changes.tsv: "# year:", "# base:" (the year it builds on),
// "# source:" lines, "# amendment:" (a notice applied, named in the warning), "# edition: not
// transcribed" (the edition's own changes are missing), then one change a line:
//
//	add<TAB>file<TAB>fields of that file      a code new this year
//	rename<TAB>file<TAB>fields of that file   a code kept under a new name
//	remove<TAB>file<TAB>code                  a code dropped this year
//
// A removed code stays known to PriorFunction and its kin: prior-year figures may carry it.
//
// The 科目 list a finance clerk supplies (LoadFile, ParseTable: TSV, CSV or .xlsx with code and name
// columns) is described in the module's README.md, section 分类目录文件.
//
// Lookups are by code only: several codes share a name (30901 and 31001 are both 房屋建筑物购建).
// A Catalogue never changes once built, so one may be shared between goroutines.
package catalog
