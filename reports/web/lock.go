package web

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/redtape-vn/redtape/corpus/index"
)

// lockFile takes the lock the index's writers take (index.Lock), or
// returns errBusy while one holds it. A lock that cannot be created (a
// read-only copy of the index, as replicas serve) is one no writer of ours
// holds, and is not needed.
func lockFile(path string) (func(), error) {
	unlock, err := index.Lock(filepath.Clean(strings.TrimSuffix(path, ".lock")))
	switch {
	case err == nil:
		return unlock, nil
	case errors.Is(err, index.ErrLocked):
		return nil, errBusy
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return func() {}, nil
	}
	return nil, err
}
