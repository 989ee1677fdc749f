package fonts

import (
	_ "embed"
	"fmt"
)

// The embedded subsets; build.sh makes them and README.md says where they come from. The
// GB2312 faces are what nearly every document uses; the Tongyong faces add the rest of
// 《通用规范汉字表》 (in 楷 from LXGW WenKai, renamed as its licence asks), the serif Rest face everything else Noto Serif SC has and the sans Rest face
// the 10 hanzi Noto Sans SC has beyond that. Embedding costs no memory
// until a face is parsed, and a face is parsed only when a chain reaches it.
var (
	//go:embed NotoSerifSC-Regular.ttf
	serifRegularTTF []byte
	//go:embed NotoSerifSC-Bold.ttf
	serifBoldTTF []byte
	//go:embed NotoSansSC-Regular.ttf
	sansRegularTTF []byte
	//go:embed ARPLKaitiMGB.ttf
	kaiRegularTTF []byte
	//go:embed NotoSerifSC-Regular-Tongyong.ttf
	serifTongyongTTF []byte
	//go:embed NotoSerifSC-Bold-Tongyong.ttf
	serifBoldTongyongTTF []byte
	//go:embed NotoSansSC-Regular-Tongyong.ttf
	sansTongyongTTF []byte
	//go:embed WenKai-Tongyong.ttf
	kaiTongyongTTF []byte
	//go:embed NotoSerifSC-Regular-Rest.ttf
	serifRestTTF []byte
	//go:embed NotoSansSC-Regular-Rest.ttf
	sansRestTTF []byte
)

// embeddedFaces are the embedded fonts, each parsed at most once, on first use.
type embeddedFaces struct {
	serif, serifBold, sans, kai                                 *Face // GB2312 and report punctuation
	serifTongyong, serifBoldTongyong, sansTongyong, kaiTongyong *Face // the rest of 《通用规范汉字表》
	serifRest                                                   *Face // everything else Noto Serif SC has
	sansRest                                                    *Face // the 10 hanzi only Noto Sans SC has
}

func newEmbeddedFaces() *embeddedFaces {
	return &embeddedFaces{
		serif:             embedded("NotoSerifSC-Regular", serifRegularTTF),
		serifBold:         embedded("NotoSerifSC-Bold", serifBoldTTF),
		sans:              embedded("NotoSansSC-Regular", sansRegularTTF),
		kai:               embedded("ARPLKaitiMGB", kaiRegularTTF),
		serifTongyong:     embedded("NotoSerifSC-Regular-Tongyong", serifTongyongTTF),
		serifBoldTongyong: embedded("NotoSerifSC-Bold-Tongyong", serifBoldTongyongTTF),
		sansTongyong:      embedded("NotoSansSC-Regular-Tongyong", sansTongyongTTF),
		kaiTongyong:       embedded("WenKai-Tongyong", kaiTongyongTTF),
		serifRest:         embedded("NotoSerifSC-Regular-Rest", serifRestTTF),
		sansRest:          embedded("NotoSansSC-Regular-Rest", sansRestTTF),
	}
}

// builtin is shared by every Default set: a Face is immutable, and sharing it means each font is
// parsed once per process (and once per process by the PDF writer, which keys its cache by Face).
var builtin = newEmbeddedFaces()

// SerifFace is the embedded Noto Serif SC Regular (宋), GB2312 subset.
func SerifFace() *Face { return builtin.serif }

// SerifBoldFace is the embedded Noto Serif SC Bold, for titles (标题宋), GB2312 subset.
func SerifBoldFace() *Face { return builtin.serifBold }

// SansFace is the embedded Noto Sans SC Regular (黑), GB2312 subset.
func SansFace() *Face { return builtin.sans }

// KaiFace is the embedded AR PL KaitiM GB (楷). It has GB2312 only: the Kai chain of Default
// takes "•" and "〇" from the serif and the 1467 characters of 《通用规范汉字表》 beyond GB2312
// from a subset of LXGW WenKai.
func KaiFace() *Face { return builtin.kai }

// embedded returns a face of the program's own font bytes, parsed on first use.
func embedded(name string, data []byte) *Face {
	return &Face{name: name, source: &source{data: data, parse: func() *metrics {
		m, err := parseMetrics(data)
		if err != nil {
			// The bytes are part of the program and the tests parse them, so this is a broken
			// build, not bad input.
			panic(fmt.Sprintf("fonts: embedded font %s does not parse: %v", name, err))
		}
		return m
	}}}
}
