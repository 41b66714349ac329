package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexShards builds the fixture with one shard and with three and
// checks that searches print the same, and that a negative count is a
// usage error that leaves no index behind.
func TestIndexShards(t *testing.T) {
	search := func(dir string, q string) string {
		e, out, errb := searchEnv()
		if code := run(context.Background(), []string{"redtape", "search", "--index", dir, "-f", "json", q}, e); code != exitOK {
			t.Fatalf("search %s: exit %d: %s", q, code, errb)
		}
		// The took figure is the only part that may differ.
		var lines []string
		for _, l := range strings.Split(out.String(), "\n") {
			if !strings.Contains(l, `"took`) {
				lines = append(lines, l)
			}
		}
		return strings.Join(lines, "\n")
	}
	build := func(shards string) string {
		dir := filepath.Join(t.TempDir(), "idx")
		e, out, errb := searchEnv()
		if code := run(context.Background(), []string{"redtape", "index", "--shards", shards, "--index", dir, searchFixture}, e); code != exitOK {
			t.Fatalf("--shards %s: exit %d: %s", shards, code, errb)
		}
		if !strings.Contains(out.String(), "6 added") {
			t.Fatalf("--shards %s: %s", shards, out)
		}
		return dir
	}
	one, three := build("1"), build("3")
	for _, q := range []string{"giấy", `"sổ hộ khẩu" -level:tỉnh`, "basis:104/2022/ND-CP", "giay khai sih"} {
		if a, b := search(one, q), search(three, q); a != b {
			t.Errorf("%s: one shard printed\n%s\nthree shards\n%s", q, a, b)
		}
	}

	dir := filepath.Join(t.TempDir(), "idx")
	e, _, errb := searchEnv()
	if code := run(context.Background(), []string{"redtape", "index", "--shards", "-1", "--index", dir, searchFixture}, e); code != exitUsage {
		t.Errorf("--shards -1: exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(errb.String(), "--shards") {
		t.Errorf("--shards -1: stderr %q does not name the flag", errb)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("--shards -1 left an index at %s", dir)
	}
}
