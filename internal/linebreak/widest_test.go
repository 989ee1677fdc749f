package linebreak

import "testing"

func TestWidest(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64 // in ems of fixed
	}{
		{"", 0},
		{"单位代码", 1},
		{"3717632.50", 5},               // ten half-width runes, one number
		{"410727230000000009617", 10.5}, // a 21-digit project code
		{"支出2023年合计", 3},                // "2023年": four digits and the unit
		{"E-mail 地址", 3},                // the Latin word with its hyphen; the space hangs
	} {
		if got := Widest(c.text, fixed) / em; got != c.want {
			t.Errorf("Widest(%q) = %v em, want %v", c.text, got, c.want)
		}
	}
}
