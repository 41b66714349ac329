package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// errBusy reports that a writer holds the index's lock.
var errBusy = errors.New("the index is being written")

// Snapshot copies the index at dir into a new temporary directory and
// returns the copy's path and a function that removes it. It holds the
// index's writer lock (<dir>.lock, see package corpus/index) while it
// copies, waiting up to wait for a writer to finish, so the copy is never
// torn. Segment files (*.zap), which the index never changes once written,
// are hard-linked where the file system allows it, so a snapshot of a
// large index costs little; the rest is copied.
//
// A server searches its snapshot, never the index itself: an open index
// keeps its readers' lock, which would refuse "redtape index" while the
// server runs.
func Snapshot(dir string, wait time.Duration) (snap string, remove func(), err error) {
	dir = filepath.Clean(dir)
	unlock, err := lockWait(dir+".lock", wait)
	if err != nil {
		return "", nil, err
	}
	defer unlock()
	tmp, err := os.MkdirTemp("", "redtape-serve-snapshot-")
	if err != nil {
		return "", nil, err
	}
	remove = func() { os.RemoveAll(tmp) }
	snap = filepath.Join(tmp, "index")
	if err := copyTree(dir, snap); err != nil {
		remove()
		return "", nil, fmt.Errorf("snapshot %s: %w", dir, err)
	}
	return snap, remove, nil
}

// lockWait takes the lock at path, trying again until wait has passed. A
// lock file that cannot be created (a read-only copy, where no writer can
// work either) is not needed (lockFile says so).
func lockWait(path string, wait time.Duration) (func(), error) {
	deadline := time.Now().Add(wait)
	for {
		unlock, err := lockFile(path)
		switch {
		case err == nil:
			return unlock, nil
		case !errors.Is(err, errBusy):
			return nil, err
		case time.Now().After(deadline):
			return nil, fmt.Errorf("%s: %w; try again when it has finished", strings.TrimSuffix(path, ".lock"), errBusy)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// copyTree copies the directory src to dst, hard-linking segment files.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o700)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if strings.HasSuffix(path, ".zap") && os.Link(path, to) == nil {
			return nil
		}
		return copyFile(path, to)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Fingerprint sums the names, sizes and modification times of the files
// of the index at dir: it changes when a writer has changed the index.
// It reads no file, and takes no lock.
func Fingerprint(dir string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\n", path, fi.Size(), fi.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
