// Package budgetdoc turns one Chinese government department's budget data
// into its 部门预算 disclosure: PDF with embedded Chinese fonts, Word (.docx)
// and Excel (.xlsx), every figure computed from one dataset.
//
// Data flows one way, a package a stage:
//
//	input file ──budget.Load──▶ budget.Budget ──Validate──▶ problems
//	                                  │
//	                        figures.Compute ──▶ figures.Figures
//	                                  │
//	                 profile.Profile.Build ──▶ doc.Document ──▶ PDF, DOCX, XLSX writers
//
// This package is the front door: Load and Parse read a budget, Validate
// checks it as Render would, Build makes its document (which a caller may
// change before writing: add a table, drop a section, replace the cover),
// and Render and Rendered.Write write it in any of the Formats. Options pick
// the document definition (profile), the classification catalogue, the
// templates, the fonts and the page format, and reach every writer.
//
// # Goroutines
//
// Nothing here keeps hidden state. A Budget is only read by Validate, Build
// and Render, so one Budget may be validated and rendered from many
// goroutines at once; so may one Rendered be written in several formats at
// once (it lays its pages out once, on first need). A Budget must not be
// changed while another goroutine reads it.
package budgetdoc
