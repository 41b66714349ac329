package web

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestSnapshot(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if err := os.MkdirAll(filepath.Join(dir, "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"index_meta.json": "{}", "store/root.bolt": "bolt", "store/000000000001.zap": "segment"}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fp, err := Fingerprint(dir)
	if err != nil {
		t.Fatal(err)
	}
	snap, remove, err := Snapshot(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		b, err := os.ReadFile(filepath.Join(snap, name))
		if err != nil || string(b) != body {
			t.Errorf("%s: %q, %v", name, b, err)
		}
	}
	// The bolt file is a copy: a writer changing it in place does not
	// change the snapshot.
	if err := os.WriteFile(filepath.Join(dir, "store/root.bolt"), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(snap, "store/root.bolt")); string(b) != "bolt" {
		t.Errorf("the snapshot's bolt file changed with the index's: %q", b)
	}
	if fp2, _ := Fingerprint(dir); fp2 == fp {
		t.Error("the fingerprint did not change with the index")
	}
	remove()
	if _, err := os.Stat(snap); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the snapshot is still there: %v", err)
	}
	// A writer holding the lock makes a snapshot wait, then give up.
	unlock, err := lockFile(dir + ".lock")
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	start := time.Now()
	if _, _, err := Snapshot(dir, 300*time.Millisecond); !errors.Is(err, errBusy) || time.Since(start) < 300*time.Millisecond {
		t.Errorf("snapshot under a writer's lock: %v after %s", err, time.Since(start))
	}
}
