package main

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// How documents reach their destinations.
//
// All the documents of one render are made in memory first. Then each
// destination that is (or will be) a regular file gets a temporary file in
// its folder holding the whole new document ("prepare"). Only when every
// document is prepared are they renamed into place ("commit"); if one
// rename fails, the files already replaced get their old content back. So
// the destinations of one render are either all new or all as they were.
//
// A device, FIFO or socket (/dev/null, /dev/stdout, a pipe) cannot be
// replaced by renaming: it is written to, and never replaced. "-" is the
// command's standard output. A symbolic link is followed: its target is
// replaced, the link is kept, and the message says so.
//
// Temporary files are named .budgetdoc-HOST-PID-N.tmp (HOST a hash of the
// machine's name). A run that is killed leaves them behind; the next run
// into the same folder removes those whose process is no longer running on
// this machine, and no other file.

// kind is how a destination is written.
type kind int

const (
	replaced kind = iota // a regular file, new or existing: prepared and renamed
	special              // a device, FIFO or socket: written to in place
	standard             // "-": the command's standard output
)

// target is one document's destination.
type target struct {
	path   string // as the user gave it
	format string
	kind   kind
	file   string // the file renamed over: path, or a symbolic link's target
}

// describe names the destination for the messages: a symbolic link is
// named with the file actually written.
func (t *target) describe() string {
	switch {
	case t.kind == standard:
		return "标准输出"
	case t.kind == replaced && t.file != t.path:
		return fmt.Sprintf("%s（符号链接，写入了它指向的 %s）", t.path, t.file)
	}
	return t.path
}

// inputFiles are the files a run reads. No output may replace one.
type inputFiles struct {
	paths []string      // absolute, cleaned
	infos []os.FileInfo // of those that exist
}

func newInputFiles(paths ...string) *inputFiles {
	in := &inputFiles{}
	for _, p := range paths {
		in.add(p)
	}
	return in
}

func (in *inputFiles) add(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		in.paths = append(in.paths, abs)
	}
	if info, err := os.Stat(path); err == nil {
		in.infos = append(in.infos, info)
	}
}

// holds reports whether path (or the file info, when it exists) is one of
// the inputs.
func (in *inputFiles) holds(path string, info os.FileInfo) bool {
	if abs, err := filepath.Abs(path); err == nil {
		for _, p := range in.paths {
			if p == abs {
				return true
			}
		}
	}
	if info != nil {
		for _, i := range in.infos {
			if os.SameFile(i, info) {
				return true
			}
		}
	}
	return false
}

// resolveTargets finds out how each output will be written, before any
// work is done: a destination that cannot be written, or that is an input
// of the run, stops the run here.
func resolveTargets(outputs []output, inputs *inputFiles) ([]*target, error) {
	var targets []*target
	for _, o := range outputs {
		t, err := resolveTarget(o, inputs)
		if err != nil {
			return nil, err
		}
		for _, u := range targets {
			if u.kind != standard && sameDestination(u.file, t.file) {
				return nil, fmt.Errorf("%s 与 %s 是同一个文件：请为每个输出文件用不同的名字", u.path, t.path)
			}
		}
		targets = append(targets, t)
	}
	return targets, nil
}

func sameDestination(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(ia, ib)
	}
	absA, _ := filepath.Abs(a)
	absB, _ := filepath.Abs(b)
	return absA == absB
}

func resolveTarget(o output, inputs *inputFiles) (*target, error) {
	t := &target{path: o.path, format: o.format, file: o.path}
	if o.path == "-" {
		t.kind = standard
		return t, nil
	}
	fail := func(format string, args ...any) (*target, error) {
		return nil, fmt.Errorf("无法写入 %s：%s", o.path, fmt.Sprintf(format, args...))
	}
	if err := checkFolder(filepath.Dir(o.path)); err != nil {
		return fail("%v", err)
	}
	link, err := os.Lstat(o.path)
	if errors.Is(err, fs.ErrNotExist) {
		if inputs.holds(o.path, nil) {
			return fail("这是本次要读取的文件，不能用输出替换它")
		}
		return t, nil // a new file
	}
	if err != nil {
		return fail("%s", reason(err))
	}
	info, err := os.Stat(o.path) // follows a symbolic link
	if err != nil {
		if link.Mode()&fs.ModeSymlink != 0 && errors.Is(err, fs.ErrNotExist) {
			to, _ := os.Readlink(o.path)
			return fail("这是符号链接，它指向的 %s 不存在：请删除这个链接，或让它指向一个存在的文件", to)
		}
		return fail("%s", reason(err))
	}
	if inputs.holds(o.path, info) {
		return fail("这是本次要读取的文件，不能用输出替换它")
	}
	switch mode := info.Mode(); {
	case mode.IsDir():
		return fail("这是文件夹，不是文件：请在文件夹名后加上文件名")
	case !mode.IsRegular():
		t.kind = special
		return t, nil
	}
	if link.Mode()&fs.ModeSymlink != 0 {
		file, err := filepath.EvalSymlinks(o.path)
		if err != nil {
			return fail("无法找到这个符号链接指向的文件：%s", reason(err))
		}
		t.file = file
	}
	return t, nil
}

// The temporary files this process made and has not yet renamed or
// removed, so that a second interrupt can remove them before it exits.
// Renames happen under the lock, so that an exit never comes between two
// renames of one render.
var temporary = struct {
	sync.Mutex
	files map[string]bool
}{files: map[string]bool{}}

// removeTemporaryFiles removes every temporary file and keeps the lock, so
// that no new one is made and no rename happens: it is called just before
// the program exits.
func removeTemporaryFiles() {
	temporary.Lock()
	for name := range temporary.files {
		os.Remove(name)
	}
}

// tempPrefix starts every temporary file's name: the machine and the
// process that made it. A folder on a network drive may be shared by
// several machines; a process number means something only on its own.
var tempPrefix = sync.OnceValue(func() string {
	host, _ := os.Hostname()
	h := fnv.New32a()
	h.Write([]byte(host))
	return fmt.Sprintf(".budgetdoc-%08x-%d-", h.Sum32(), os.Getpid())
})

// tempName matches a temporary file's name: .budgetdoc-HOST-PID-N.tmp (a
// document being prepared) or .old (the previous content, kept while the
// documents are renamed into place).
var tempName = regexp.MustCompile(`^\.budgetdoc-([0-9a-f]{8})-([0-9]+)-[0-9]+\.(tmp|old)$`)

// createTemp makes a temporary file in dir and records it.
func createTemp(dir, suffix string) (*os.File, error) {
	temporary.Lock()
	defer temporary.Unlock()
	f, err := os.CreateTemp(dir, tempPrefix()+"*"+suffix)
	if err == nil {
		temporary.files[f.Name()] = true
	}
	return f, err
}

// forget removes name from the record, once it is renamed or removed.
// The caller holds the lock.
func forget(name string) { delete(temporary.files, name) }

// swept records the folders already cleaned of stale temporary files.
var swept sync.Map

// removeStale removes, once per folder, the temporary files that a killed
// run on this machine left in dir: those whose process is no longer
// running. A file of a running process, of another machine or of this
// process is left alone, and so is anything not named like a temporary
// file or not a regular file. A process number that has since been given
// to another process keeps its files until that one ends; that is safe.
func removeStale(dir string) {
	if _, done := swept.LoadOrStore(filepath.Clean(dir), true); done {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return // the error is reported when the document is prepared
	}
	host := strings.Split(tempPrefix(), "-")[1]
	for _, e := range entries {
		m := tempName.FindStringSubmatch(e.Name())
		if m == nil || m[1] != host || !e.Type().IsRegular() {
			continue
		}
		pid, err := strconv.Atoi(m[2])
		if err != nil || pid == os.Getpid() || processRunning(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// prepared is a complete document in a temporary file, waiting to be
// renamed to its target.
type prepared struct {
	t       *target
	tmp     string
	existed bool   // the target existed before the commit
	old     string // its previous content while committing, "" if none
}

// prepare writes data to a temporary file beside the file it will replace.
func prepare(t *target, data []byte) (*prepared, error) {
	dir := filepath.Dir(t.file)
	removeStale(dir)
	f, err := createTemp(dir, ".tmp")
	if err != nil {
		return nil, writeError(t.path, err)
	}
	p := &prepared{t: t, tmp: f.Name()}
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
		err = os.Chmod(p.tmp, 0o644)
	}
	if err != nil {
		p.discard()
		return nil, writeError(t.path, err)
	}
	return p, nil
}

// discard removes the temporary file.
func (p *prepared) discard() {
	os.Remove(p.tmp)
	temporary.Lock()
	forget(p.tmp)
	temporary.Unlock()
}

// renameFile and linkFile are os.Rename and os.Link; tests replace them
// to make a commit fail, or to play a drive without hard links.
var (
	renameFile = os.Rename
	linkFile   = os.Link
)

// commit renames p's document into place, first keeping the previous
// content under a temporary name (a second link to it, so the target never
// goes missing) for undo. The caller holds the lock.
func (p *prepared) commit() error {
	dest := p.t.file
	if _, err := os.Lstat(dest); err == nil {
		p.existed = true
		old := p.tmp[:len(p.tmp)-len(".tmp")] + ".old"
		if err := linkFile(dest, old); err == nil {
			temporary.files[old] = true
			p.old = old
		}
		// Without hard links (some network and USB drives), the previous
		// content cannot be kept for undo without moving it away, which
		// would leave the target missing for a moment: the rename alone is
		// still whole, and only undo is lost.
	}
	if err := renameFile(p.tmp, dest); err != nil {
		return writeError(p.t.path, err)
	}
	forget(p.tmp)
	return nil
}

// errNoUndo is undo's error when the previous content was not kept.
var errNoUndo = errors.New("这个磁盘不支持硬链接，原来的内容没有保留")

// undo puts back what commit replaced. The caller holds the lock.
func (p *prepared) undo() error {
	switch {
	case p.old != "":
		err := renameFile(p.old, p.t.file)
		if err == nil {
			forget(p.old)
			p.old = ""
		}
		return err
	case p.existed:
		return errNoUndo
	}
	return os.Remove(p.t.file)
}

// finish removes the kept previous content. The caller holds the lock.
func (p *prepared) finish() {
	if p.old != "" {
		os.Remove(p.old)
		forget(p.old)
	}
	os.Remove(p.tmp) // left only when the commit failed
	forget(p.tmp)
}

// testHookPrepared, when set, is called when every document of a render is
// prepared and none is committed: tests interrupt or kill the command
// there.
var testHookPrepared func(ctx context.Context)

// writeFailure is why writing the documents of one render failed, and
// which destinations hold their new document all the same: its message
// says exactly which files were written.
type writeFailure struct {
	err     error
	written []string // the destinations that hold the new document, described
}

func (f *writeFailure) Error() string {
	if len(f.written) == 0 {
		return f.err.Error() + "；没有写出任何文件"
	}
	return f.err.Error() + "；只写出了 " + strings.Join(f.written, "、") + "，其余文件没有改动"
}

func (f *writeFailure) Unwrap() error { return f.err }

// writeTargets writes each document to its target, all or none (see the
// top of this file), and returns the destinations written, described for
// the reader. It stops before committing anything when ctx is cancelled.
// docs holds each target's document, in the order of targets.
func writeTargets(ctx context.Context, targets []*target, docs [][]byte, stdout io.Writer) ([]string, error) {
	// Prepare.
	var ready []*prepared
	discardAll := func() {
		for _, p := range ready {
			p.discard()
		}
	}
	for i, t := range targets {
		if t.kind != replaced {
			continue
		}
		p, err := prepare(t, docs[i])
		if err != nil {
			discardAll()
			return nil, &writeFailure{err: err}
		}
		ready = append(ready, p)
	}
	if testHookPrepared != nil {
		testHookPrepared(ctx)
	}
	if ctx.Err() != nil {
		discardAll()
		return nil, &writeFailure{err: errInterrupted}
	}

	// Devices, pipes and standard output are written first: writing to one
	// may fail half way (a full disk behind it, a reader that went away),
	// and then nothing has been replaced yet.
	var written []string
	for i, t := range targets {
		if t.kind == replaced {
			continue
		}
		if err := writeInPlace(t, docs[i], stdout); err != nil {
			discardAll()
			return written, &writeFailure{err: err, written: written}
		}
		written = append(written, t.describe())
	}

	// Commit.
	temporary.Lock()
	defer temporary.Unlock()
	for i, p := range ready {
		if err := p.commit(); err != nil {
			failure := &writeFailure{err: err, written: written}
			for j := i - 1; j >= 0; j-- {
				q := ready[j]
				if uerr := q.undo(); uerr != nil {
					failure.written = append(failure.written, q.t.describe())
					failure.err = fmt.Errorf("%w；无法恢复 %s 原来的内容：%s", failure.err, q.t.path, reason(uerr))
					if q.old != "" {
						failure.err = fmt.Errorf("%w；原来的内容暂存在 %s，请立即把它复制到别处", failure.err, q.old)
						forget(q.old) // keep it
						q.old = ""
					}
				}
			}
			for _, q := range ready {
				q.finish()
			}
			return failure.written, failure
		}
	}
	for _, p := range ready {
		p.finish()
		written = append(written, p.t.describe())
	}
	return written, nil
}

// writeInPlace writes data to a device, pipe or standard output.
func writeInPlace(t *target, data []byte, stdout io.Writer) error {
	if t.kind == standard {
		if _, err := stdout.Write(data); err != nil {
			return fmt.Errorf("无法写入标准输出：%s", reason(err))
		}
		return nil
	}
	// No O_CREATE: if the device went away since it was looked at, this
	// fails instead of making a regular file in its place.
	f, err := os.OpenFile(t.path, os.O_WRONLY, 0)
	if err != nil {
		return writeError(t.path, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("无法写入 %s：%s；它可能只收到了一部分", t.path, reason(err))
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
