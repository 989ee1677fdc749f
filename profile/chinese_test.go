package profile

import "testing"

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 4: "四", 10: "十", 11: "十一", 12: "十二", 20: "二十", 34: "三十四", 99: "九十九", 100: "100"} {
		if got := chineseNumber(n); got != want {
			t.Errorf("chineseNumber(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestChineseMonth(t *testing.T) {
	for in, want := range map[string]string{"2023-04": "二〇二三年四月", "2020-12": "二〇二〇年十二月", "2031-01": "二〇三一年一月"} {
		got, err := chineseMonth(in)
		if err != nil || got != want {
			t.Errorf("chineseMonth(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "2023", "2023-13", "April 2023", "2023-4"} {
		if _, err := chineseMonth(bad); err == nil {
			t.Errorf("chineseMonth(%q): want an error", bad)
		}
	}
}
