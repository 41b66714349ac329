//go:build unix

package web

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes the exclusive advisory lock that the index's writers
// take (package corpus/index), or returns errBusy.
func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		// A lock that cannot be created (a read-only copy of the index,
		// as replicas serve) is one no writer of ours holds.
		return func() {}, nil
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errBusy
		}
		return nil, err
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
