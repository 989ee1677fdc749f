package workbook_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/internal/decode"
	"github.com/budgetdoc/budgetdoc/internal/golden"
	"github.com/budgetdoc/budgetdoc/internal/workbook"
)

// examples are the shipped examples, each with its workbook beside it.
var examples = []string{"../../examples/fengqiu/fengqiu.yaml", "../../examples/shifan/shifan.yaml"}

// workbookOf writes the workbook of a YAML file.
func workbookOf(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	root, err := decode.YAML(data)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := workbook.Write(&b, root); err != nil {
		t.Fatalf("Write(%s): %v", path, err)
	}
	return b.Bytes()
}

// TestExamplesRoundTrip takes each example from YAML to the workbook and
// back: the budget read from the workbook is the budget read from the
// YAML, field for field (amounts to the digit: 85.20 stays 85.20), the
// workbook passes the same checks, and its PDF is the YAML's, byte for byte.
func TestExamplesRoundTrip(t *testing.T) {
	for _, path := range examples {
		t.Run(filepath.Base(path), func(t *testing.T) {
			fromYAML, err := budgetdoc.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			book := workbookOf(t, path)
			fromBook, err := budgetdoc.Parse(strings.TrimSuffix(path, ".yaml")+".xlsx", book)
			if err != nil {
				t.Fatalf("reading the workbook back: %v", err)
			}
			if diff := compare(reflect.ValueOf(*fromYAML), reflect.ValueOf(*fromBook), "Budget"); diff != "" {
				t.Fatalf("the budget changed on the way through the workbook: %s", diff)
			}
			if ps := budgetdoc.Validate(fromBook, nil); len(ps) != len(budgetdoc.Validate(fromYAML, nil)) {
				t.Errorf("the workbook has %d problems, the YAML %d:\n%v", len(ps), len(budgetdoc.Validate(fromYAML, nil)), ps)
			}
			var a, b bytes.Buffer
			if err := writePDF(&a, fromYAML); err != nil {
				t.Fatal(err)
			}
			if err := writePDF(&b, fromBook); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("the PDF made from the workbook differs from the PDF made from the YAML")
			}
		})
	}
}

// TestExampleWorkbooks keeps the workbooks shipped beside the examples in
// step with their YAML (go test -update rewrites them), and checks that
// writing is deterministic.
func TestExampleWorkbooks(t *testing.T) {
	for _, path := range examples {
		got := workbookOf(t, path)
		if again := workbookOf(t, path); !bytes.Equal(got, again) {
			t.Errorf("%s: writing the workbook twice gave different bytes", path)
		}
		shipped := strings.TrimSuffix(path, ".yaml") + ".xlsx"
		if !golden.Bytes(t, shipped, got) {
			t.Errorf("%s is not the workbook of %s: run go test ./internal/workbook -update", shipped, path)
		}
	}
}

// TestConvertAnyDirection goes YAML → workbook → YAML → JSON → workbook:
// the workbooks are the same bytes, and each text reads back to the
// example's budget.
func TestConvertAnyDirection(t *testing.T) {
	for _, path := range examples {
		book := workbookOf(t, path)
		tree, err := workbook.Read(book)
		if err != nil || len(tree.Problems) > 0 {
			t.Fatalf("%s: Read: %v %v", path, err, tree.Problems)
		}
		y, err := workbook.EncodeYAML(tree.Root, "")
		if err != nil {
			t.Fatal(err)
		}
		yroot, err := decode.YAML(y)
		if err != nil {
			t.Fatalf("the YAML written does not parse: %v\n%s", err, y)
		}
		j, err := workbook.EncodeJSON(yroot)
		if err != nil {
			t.Fatal(err)
		}
		jroot, err := decode.JSON(j)
		if err != nil {
			t.Fatalf("the JSON written does not parse: %v\n%s", err, j)
		}
		var again bytes.Buffer
		if err := workbook.Write(&again, jroot); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(book, again.Bytes()) {
			t.Errorf("%s: YAML → workbook → YAML → JSON → workbook changed the workbook", path)
		}
		want, err := budgetdoc.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range map[string][]byte{"x.yaml": y, "x.json": j} {
			got, err := budgetdoc.Parse(name, data)
			if err != nil {
				t.Fatalf("%s as %s: %v", path, name, err)
			}
			if diff := compare(reflect.ValueOf(*want), reflect.ValueOf(*got), "Budget"); diff != "" {
				t.Errorf("%s as %s: %s", path, name, diff)
			}
		}
	}
}

var decimalType = reflect.TypeFor[decimal.Decimal]()

// compare says where a and b differ in their exported fields, "" if
// nowhere: decimals must be the same number written the same way (85.20
// is not 85.2); a nil list or map is the same as an empty one, as YAML's
// "special_transfers: []" is the same as leaving it out.
func compare(a, b reflect.Value, path string) string {
	if a.Type() == decimalType {
		x, y := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal)
		if x.String() != y.String() || x.Exponent() != y.Exponent() {
			return path + ": " + x.StringFixed(-x.Exponent()) + " ≠ " + y.StringFixed(-y.Exponent())
		}
		return ""
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if d := compare(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": one is nil"
			}
			return ""
		}
		return compare(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.Len() != b.Len() {
			return path + ": lengths differ"
		}
		for i := range a.Len() {
			if d := compare(a.Index(i), b.Index(i), path+"["+strconv.Itoa(i)+"]"); d != "" {
				return d
			}
		}
	case reflect.Map:
		if a.Len() != b.Len() {
			return path + ": sizes differ"
		}
		for _, k := range a.MapKeys() {
			if !b.MapIndex(k).IsValid() {
				return path + ": key missing"
			}
			if d := compare(a.MapIndex(k), b.MapIndex(k), path+"."+k.String()); d != "" {
				return d
			}
		}
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return path + ": differs"
		}
	}
	return ""
}

// writePDF renders b as PDF into w.
func writePDF(w io.Writer, b *budget.Budget) error {
	r, err := budgetdoc.Render(context.Background(), b, nil)
	if err != nil {
		return err
	}
	return r.Write(context.Background(), w, budgetdoc.FormatPDF)
}
