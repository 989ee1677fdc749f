package budgetdoc

import "github.com/budgetdoc/budgetdoc/catalog"

// SetCatalogue makes Validate, Check and Figures classify codes with c
// instead of the built-in catalogue of Department.Year: for a year the
// package does not ship, or to add 项 codes (catalog.Load a fuller list and
// catalog.Merge it over catalog.Builtin). nil restores the built-in one.
func (b *Budget) SetCatalogue(c *catalog.Catalogue) { b.catalogue = c }

// classifier is the catalogue in use: the caller's, else the built-in one
// for the budget's year; nil when there is none.
func (b *Budget) classifier() *catalog.Catalogue {
	if b.catalogue != nil {
		return b.catalogue
	}
	c, err := catalog.Builtin(b.Department.Year)
	if err != nil {
		return nil
	}
	return c
}
