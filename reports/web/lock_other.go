//go:build !unix

package web

import (
	"errors"
	"os"
)

// lockFile creates path exclusively, as the index's writers do there
// (package corpus/index), or returns errBusy.
func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, errBusy
		}
		return func() {}, nil // a read-only copy: no writer of ours works there
	}
	f.Close()
	return func() { os.Remove(path) }, nil
}
