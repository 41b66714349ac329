//go:build !unix

package index

import (
	"errors"
	"fmt"
	"os"
)

// lockFile creates path exclusively; it is removed by the returned
// function. A crash leaves the file behind: remove it by hand. An existing
// path that is not a lock file of redtape's is refused as foreign.
func lockFile(path string) (func(), error) {
	if err := checkLockFile(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	f.Close()
	return func() { os.Remove(path) }, nil
}
