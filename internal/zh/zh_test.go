package zh

import "testing"

func TestNumeral(t *testing.T) {
	for n, want := range map[int]string{1: "一", 4: "四", 9: "九", 10: "十", 11: "十一", 12: "十二", 19: "十九", 20: "二十",
		21: "二十一", 34: "三十四", 99: "九十九", 0: "0", 100: "100"} {
		if got := Numeral(n); got != want {
			t.Errorf("Numeral(%d) = %q, want %q", n, got, want)
		}
	}
	if Count(2) != "两" || Count(3) != "三" {
		t.Errorf("Count(2), Count(3) = %s, %s", Count(2), Count(3))
	}
}

func TestMonth(t *testing.T) {
	for in, want := range map[string]string{"2023-04": "二〇二三年四月", "2020-12": "二〇二〇年十二月", "2031-01": "二〇三一年一月"} {
		got, err := Month(in)
		if err != nil || got != want {
			t.Errorf("Month(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "2023", "2023-13", "April 2023", "2023-4"} {
		if _, err := Month(bad); err == nil {
			t.Errorf("Month(%q): want an error", bad)
		}
	}
}
