package fonts

import (
	_ "embed"
	"fmt"
	"sync"
)

// The embedded subsets; build.sh makes them and README.md says where they come from.
var (
	//go:embed NotoSerifSC-Regular.ttf
	serifRegularTTF []byte
	//go:embed NotoSerifSC-Bold.ttf
	serifBoldTTF []byte
	//go:embed NotoSansSC-Regular.ttf
	sansRegularTTF []byte
	//go:embed ARPLKaitiMGB.ttf
	kaiRegularTTF []byte
)

// Each embedded face is parsed once per process, on first use, and shared: a Face is immutable.
var (
	serif     = embedded("NotoSerifSC-Regular", serifRegularTTF)
	serifBold = embedded("NotoSerifSC-Bold", serifBoldTTF)
	sans      = embedded("NotoSansSC-Regular", sansRegularTTF)
	kai       = embedded("ARPLKaitiMGB", kaiRegularTTF)
)

// SerifFace is the embedded Noto Serif SC Regular (宋).
func SerifFace() *Face { return serif() }

// SerifBoldFace is the embedded Noto Serif SC Bold, for titles (标题宋).
func SerifBoldFace() *Face { return serifBold() }

// SansFace is the embedded Noto Sans SC Regular (黑).
func SansFace() *Face { return sans() }

// KaiFace is the embedded AR PL KaitiM GB (楷). It has GB2312 only: no "•" or "〇", which the Kai
// chain of Default takes from the serif face.
func KaiFace() *Face { return kai() }

func embedded(name string, data []byte) func() *Face {
	return sync.OnceValue(func() *Face {
		f, err := Parse(name, data)
		if err != nil {
			// The bytes are part of the program and the tests parse them, so this is a broken
			// build, not bad input.
			panic(fmt.Sprintf("fonts: embedded font %s does not parse: %v", name, err))
		}
		return f
	})
}
