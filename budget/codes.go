package budget

// Code names a kind of problem. Codes are stable: a program may branch on
// them, store them or map them to its own messages, where the Chinese text
// of a Problem may be reworded from one release to the next.
type Code string

// Problems found while reading a file.
const (
	CodeEncoding Code = "encoding" // not UTF-8, UTF-16, too large, empty file
	CodeEmpty    Code = "empty"    // no data in the file
	CodeSyntax   Code = "syntax"   // a YAML or JSON syntax error, or not a mapping at the top
	CodeField    Code = "field"    // a value that cannot be read: unknown key, wrong type, bad amount
	CodeCell     Code = "cell"     // a workbook cell as a clerk typed it: text for a number, a code Excel stripped, a merged cell, a missing sheet
)

// Problems found by validation.
const (
	CodeInvalid Code = "invalid" // any other validation problem
)

// Problems found when building the document from a valid budget.
const (
	CodeDocument  Code = "document"  // a template or the profile fails on this budget
	CodeCharacter Code = "character" // a character no font of the PDF can draw
)
