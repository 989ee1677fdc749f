package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// A document is written to a temporary file in its destination folder and
// renamed into place only when complete, so the destination is either the
// old file or the whole new one, never half of one. The temporary files
// that exist are recorded, so that a second Ctrl-C can remove them before
// it exits.
var temporary = struct {
	sync.Mutex
	files map[string]bool
}{files: map[string]bool{}}

// removeTemporaryFiles removes every temporary file and keeps the lock, so
// that no new one is made: it is called just before the program exits.
func removeTemporaryFiles() {
	temporary.Lock()
	for name := range temporary.files {
		os.Remove(name)
	}
}

// staged is a complete document in a temporary file, waiting to be renamed
// to dest.
type staged struct {
	tmp, dest string
}

// stage writes data to a temporary file beside dest.
func stage(dest string, data []byte) (*staged, error) {
	temporary.Lock()
	f, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err == nil {
		temporary.files[f.Name()] = true
	}
	temporary.Unlock()
	if err != nil {
		return nil, writeError(dest, err)
	}
	s := &staged{tmp: f.Name(), dest: dest}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// CreateTemp makes the file private (0600); a document is for
		// sharing, like any file a program saves.
		err = os.Chmod(s.tmp, 0o644)
	}
	if err != nil {
		s.discard()
		return nil, writeError(dest, err)
	}
	return s, nil
}

// commit renames the temporary file into place.
func (s *staged) commit() error {
	err := os.Rename(s.tmp, s.dest)
	if err != nil {
		s.discard()
		return writeError(s.dest, err)
	}
	temporary.Lock()
	delete(temporary.files, s.tmp)
	temporary.Unlock()
	return nil
}

// discard removes the temporary file.
func (s *staged) discard() {
	os.Remove(s.tmp)
	temporary.Lock()
	delete(temporary.files, s.tmp)
	temporary.Unlock()
}

// writeAll stages every document, then renames them all into place: a
// document that cannot be written stops the others from being written.
func writeAll(docs map[string][]byte, order []string) error {
	var done []*staged
	for _, dest := range order {
		s, err := stage(dest, docs[dest])
		if err != nil {
			for _, d := range done {
				d.discard()
			}
			return err
		}
		done = append(done, s)
	}
	for i, s := range done {
		if err := s.commit(); err != nil {
			for _, d := range done[i+1:] {
				d.discard()
			}
			return err
		}
	}
	return nil
}

// writeError words an error writing dest without the temporary file's
// name, which means nothing to the reader.
func writeError(dest string, err error) error {
	return fmt.Errorf("无法写入 %s：%s", dest, reason(err))
}

// bare strips the operation and file name from an error of the os package
// ("open /x/.a.pdf.123.tmp: permission denied" becomes "permission
// denied"), for messages that name the file in their own words.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// checkFolder makes sure dir is a folder that exists, before any work is
// done for it.
func checkFolder(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("文件夹 %s 不存在", dir)
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("无法使用文件夹 %s：路径中有一部分是文件，不是文件夹", dir)
	case err != nil:
		return fmt.Errorf("无法使用文件夹 %s：%s", dir, reason(err))
	case !info.IsDir():
		return fmt.Errorf("%s 是文件，不是文件夹", dir)
	}
	return nil
}
