package web

import "os"

// tempDir makes a directory that outlives the test that asked for it;
// TestMain removes them all.
func tempDir() (string, error) {
	d, err := os.MkdirTemp("", "redtape-web-test-")
	if err == nil {
		tempDirs = append(tempDirs, d)
	}
	return d, err
}

var tempDirs []string
