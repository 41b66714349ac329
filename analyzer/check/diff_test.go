package check

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseDiffCutShort: a hunk with fewer lines than its header announces
// is an error naming the diff line and the file, whether the diff ends,
// another file starts, or a line that cannot be in the hunk comes (issue
// 15: testdata/hardening/truncated.diff passed the gate with exit 0).
func TestParseDiffCutShort(t *testing.T) {
	truncated, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hardening", "truncated.diff"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ in, want string }{
		{string(truncated), `diff line 8: the hunk "@@ -10,2 +10,5 @@ Điều 3. Hồ sơ" at diff line 4 of drafts/nghi-dinh.md is cut short by the end of the diff: 2 added and 0 removed lines missing`},
		{"+++ b/a.md\n@@ -1,0 +1,3 @@\n+x\n+++ b/b.md\n@@ -0,0 +1 @@\n+y\n", "diff line 5: the hunk \"@@ -1,0 +1,3 @@\" at diff line 2 of a.md is cut short by \"@@ -0,0 +1 @@\""},
		{"--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n x\nIndex: b.md\n", "of a.md is cut short by \"Index: b.md\": 1 added and 1 removed lines missing"},
		{"diff --git a/a.md b/a.md\n+++ b/a.md\n@@ -1 +1,2 @@\n+x\ndiff --git a/b.md b/b.md\n", "cut short by \"diff --git a/b.md b/b.md\""},
		{"+++ /dev/null\n@@ -1,3 +0,0 @@\n-x\n", "of a deleted file is cut short by the end of the diff: 0 added and 2 removed lines missing"},
	} {
		_, err := ParseDiff(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseDiff(%q) = %v, want an error with %q", tt.in, err, tt.want)
		}
	}
	// Complete hunks still parse: context, "\ No newline", -U0 hunks.
	for _, in := range []string{
		"+++ b/a.md\n@@ -1,2 +1,3 @@\n x\n+y\n-z\n+w\n\\ No newline at end of file\n",
		"+++ b/a.md\n@@ -3,0 +4,2 @@\n+x\n+y\n@@ -9 +10 @@\n-a\n+b\n+++ b/b.md\n@@ -1 +0,0 @@\n-gone\n",
		"+++ b/a.md\n@@ -1,2 +1,2 @@\n\n+x\n-y\n",
	} {
		if _, err := ParseDiff(strings.NewReader(in)); err != nil {
			t.Errorf("ParseDiff(%q): %v", in, err)
		}
	}
	// The gate refuses it as a usage error.
	_, err = CheckPaths(t.Context(), PathsOptions{Diff: "-", Stdin: strings.NewReader(string(truncated))})
	if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "cut short") {
		t.Errorf("CheckPaths on a truncated diff: %v", err)
	}
}
