package doc

// Millimetre in PDF points.
const MM = 72 / 25.4

// Format is the page format: page size, margins and type sizes, in points.
// Every writer reads it from here, so a caller changes it in one place.
type Format struct {
	PageWidth, PageHeight float64 // portrait; landscape pages swap them
	// Margins of a portrait page. A landscape page uses LandscapeMargins.
	Top, Bottom, Left, Right float64
	// Landscape margins: top, bottom, left, right of the turned page.
	LandscapeTop, LandscapeBottom, LandscapeLeft, LandscapeRight float64

	BodySize   float64 // 3号 = 16 pt
	LinePitch  float64 // distance between body baselines
	TitleSize  float64 // 2号 = 22 pt: cover, part titles
	TableTitle float64 // title over an annex table
	TableSize  float64 // table cells, captions and notes
	// TableMinSize is the smallest size a table steps down to when its
	// columns do not fit at TableSize (before it is turned landscape); zero
	// means it never steps down.
	TableMinSize float64
	FooterSize   float64 // 4号 = 14 pt: "— 1 —"
	// FooterGap is the distance from the bottom of the text area to the
	// baseline of the page number (GB/T 9704: 7 mm below the 版心).
	FooterGap float64
}

// GBT9704 is the format of GB/T 9704-2012 《党政机关公文格式》: A4, margins
// 37 / 35 / 28 / 26 mm (top, bottom, left, right), a 156 × 225 mm text area,
// 3号 body text on a 28.9 pt pitch (22 lines a page), 2号 titles and 4号
// page numbers 7 mm below the text area. Tables are set smaller, as published
// budgets do.
func GBT9704() Format {
	return Format{
		PageWidth: 210 * MM, PageHeight: 297 * MM,
		Top: 37 * MM, Bottom: 35 * MM, Left: 28 * MM, Right: 26 * MM,
		LandscapeTop: 28 * MM, LandscapeBottom: 26 * MM, LandscapeLeft: 37 * MM, LandscapeRight: 35 * MM,
		BodySize: 16, LinePitch: 28.9, TitleSize: 22, TableTitle: 18, TableSize: 9, TableMinSize: 8,
		FooterSize: 14, FooterGap: 7 * MM,
	}
}
