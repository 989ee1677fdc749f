package fonts

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
)

// LoadFile reads and parses a font file. For a collection (.ttc, recognised by its content, not
// its name) index picks the face; a plain .ttf ignores index. The face is named after the file
// (plus "#index" for a collection face), e.g. "FangSong_GB2312.ttf".
func LoadFile(path string, index int) (*Face, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	return parseFile(filepath.Base(path), data, index)
}

// LoadFS is LoadFile for a file in fsys (e.g. an embed.FS or os.DirFS).
func LoadFS(fsys fs.FS, name string, index int) (*Face, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	return parseFile(path.Base(name), data, index)
}

func parseFile(base string, data []byte, index int) (*Face, error) {
	if len(data) >= 4 && string(data[:4]) == "ttcf" {
		return ParseCollection(base+"#"+strconv.Itoa(index), data, index)
	}
	return Parse(base, data)
}
