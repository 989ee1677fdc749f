// Package catalog holds the 政府收支分类科目 (government revenue and expenditure classification) as
// data: the 支出功能分类科目 (functional classification, 类/款/项 codes of 3, 5 and 7 digits), the
// order in which the 收支总体情况表 print the 类, the 部门预算支出经济分类科目 and the 政府预算支出
// 经济分类科目 (economic classifications, 类/款 codes of 3 and 5 digits) and the correspondence that
// takes a department's economic 款 to the government one, for 行政 and for 事业 units.
//
// The names printed in the budget tables come from here, and validation rejects codes not found here.
//
// Source: 财政部《2023年政府收支分类科目》(财预〔2022〕107号), with the economic classifications set by
// 财预〔2017〕98号. No official machine-readable list exists: the shipped 2023 files (data/2023) are a
// transcription made by hand on 2026-11-25, not an official publication. They list only codes the
// transcriber was sure of: 类 and 款 are complete but for the gaps each file's header names, 项 are a
// selection (every one a department budget commonly uses). A caller with a fuller list loads it with
// Load and lays it over the shipped one with Merge.
//
// File format: UTF-8 text, one entry a line, fields separated by one TAB; blank lines and lines that
// start with "#" are ignored, except "# source: …" and "# year: …", which set Source and Year.
//
//	functions.tsv        code<TAB>name                        3, 5 or 7 digits
//	function_classes.tsv serial<TAB>code<TAB>表一 name<TAB>表四 name
//	economic_dept.tsv    code<TAB>name                        3 or 5 digits
//	economic_gov.tsv     code<TAB>name                        3 or 5 digits
//	mapping.tsv          dept 款<TAB>行政 gov 款<TAB>事业 gov 款
//
// Lookups are by code only: several codes share a name (30901 and 31001 are both 房屋建筑物购建).
// A Catalogue never changes once built, so one may be shared between goroutines.
package catalog
