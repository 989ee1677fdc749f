package fonts

import (
	"fmt"
	"io/fs"
	"os"
)

// LoadFile reads and parses a font file. For a collection (.ttc, recognised by its content, not
// its name) index picks the face; a plain .ttf ignores index. The face is named by its PostScript
// name (e.g. "FangSong_GB2312"), which differs between the faces of a collection; errors name the
// file.
func LoadFile(path string, index int) (*Face, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	return parseFile(path, data, index)
}

// LoadFS is LoadFile for a file in fsys (e.g. an embed.FS or os.DirFS).
func LoadFS(fsys fs.FS, name string, index int) (*Face, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	return parseFile(name, data, index)
}

func parseFile(file string, data []byte, index int) (*Face, error) {
	var f *Face
	var err error
	if len(data) >= 4 && string(data[:4]) == "ttcf" {
		f, err = ParseCollection("", data, index)
	} else {
		f, err = Parse("", data)
	}
	if err != nil {
		return nil, fmt.Errorf("%w (file %s)", err, file)
	}
	return f, nil
}
