//go:build unix

package index

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockFile takes an exclusive advisory lock on path, creating it. The
// returned function removes the file and releases the lock, so no lock file
// stays beside the index after a run; a crash leaves the file, but not the
// lock, so a stale file never blocks the next writer. An existing path
// that is not a lock file of redtape's (see [checkLockFile]) is refused,
// not overwritten.
func lockFile(path string) (func(), error) {
	for range 8 {
		unlock, err := tryLockFile(path)
		if !errors.Is(err, errLockMoved) {
			return unlock, err
		}
	}
	return nil, ErrLocked
}

// errLockMoved says the lock file was removed or replaced between opening
// and locking it: the lock taken is on a file no other writer will see.
var errLockMoved = errors.New("lock file replaced")

func tryLockFile(path string) (func(), error) {
	if err := checkLockFile(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR|syscall.O_NOFOLLOW, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	// The writer before may have removed the file after this one opened
	// it: the lock then holds a file nobody else sees. Lock the file at
	// path instead.
	held, err1 := f.Stat()
	now, err2 := os.Lstat(path)
	if err1 != nil || err2 != nil || !os.SameFile(held, now) {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
		return nil, errLockMoved
	}
	// Checked again under the lock: the file is now redtape's to rewrite.
	if err := checkLockFile(path); err != nil {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
		return nil, err
	}
	if err := f.Truncate(0); err == nil {
		fmt.Fprintf(f, "%s%d\n", lockPrefix, os.Getpid())
	}
	return func() {
		// Removed while still locked, so that no other writer locks a file
		// about to vanish.
		_ = os.Remove(path)
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
