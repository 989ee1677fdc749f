package budgetdoc

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/catalog"
	"github.com/budgetdoc/budgetdoc/profile"
)

// The test definition counts 30227 委托业务费 as 人员经费 (as Guangxi does):
// a line so filed is an error under the Henan rule and valid under it, and
// its amount goes into 人员经费.
func TestDefinitionCounts30227AsPersonnel(t *testing.T) {
	data, err := os.ReadFile("examples/shifan/shifan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Replace(string(data), `economic: "30201", basic: 公用经费`, `economic: "30227", basic: 人员经费`, 1)
	b, err := Parse("shifan.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if ps := Validate(b, nil).Errors(); len(ps) != 1 || ps[0].Path.String() != "lines[8].economic" || !strings.Contains(ps[0].Message, "不属于人员经费") {
		t.Errorf("Henan: %v", ps)
	}
	p, err := profile.LoadDir("testdata/profiles/test-province")
	if err != nil {
		t.Fatal(err)
	}
	o := &Options{Profile: p}
	if ps := Validate(b, o); ps.Err() != nil {
		t.Fatalf("test definition: %v", ps)
	}
	if _, err := Build(context.Background(), b, o); err != nil {
		t.Fatal(err)
	}
	// The caller's own list goes over the profile's: 30227 back to 公用经费.
	own, err := catalog.ParseTable("own.csv", []byte("科目编码,科目名称,基本支出\n30227,委托业务费,公用经费\n"))
	if err != nil {
		t.Fatal(err)
	}
	o.Catalogue = own
	if ps := Validate(b, o).Errors(); len(ps) != 1 {
		t.Errorf("the caller's catalogue is not laid over the profile's: %v", ps)
	}
}
