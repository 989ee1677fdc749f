package catalog

// go test ./... -update hands -update to every test binary; golden defines it.
import _ "github.com/budgetdoc/budgetdoc/internal/golden"
