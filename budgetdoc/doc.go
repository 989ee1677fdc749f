// Package budgetdoc turns one Chinese government department's budget data
// into its 部门预算 disclosure document: PDF, Word and Excel, every figure
// computed from one dataset.
//
// Data flows one way: input (Load) → model (Budget) → figures (Figures) →
// document (internal/doc) → writers (WritePDF, WriteDOCX, WriteXLSX).
package budgetdoc
