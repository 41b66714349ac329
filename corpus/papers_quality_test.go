package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// paperAnnotations is a file of hand-checked papers under
// testdata/corpus/papers/: each record points into shared/ and gives each
// expected paper by rune offsets, never by its text.
type paperAnnotations struct {
	Schema  string `json:"schema"`
	About   string `json:"about"`
	Records []struct {
		File   string `json:"file"`  // relative to shared/
		Field  string `json:"field"` // "thanh_phan_ho_so" or "raw_text"
		Note   string `json:"note"`
		Papers []struct {
			Start     int  `json:"start"`
			End       int  `json:"end"`
			Originals *int `json:"originals"`
			Copies    *int `json:"copies"`
		} `json:"papers"`
	} `json:"records"`
}

// trimPaper trims white space and punctuation from both ends, so that
// boundaries that differ only by a bullet or a closing semicolon compare
// equal.
func trimPaper(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) })
}

func sameCount(a, b *int) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// TestPaperSplitQuality compares the papers the portal-crawl reader splits
// from real records with the hand-checked annotations and requires at least
// 95% of the expected papers to come out exactly right (same text after
// trimming, same counts), counting papers the reader invents as misses too.
func TestPaperSplitQuality(t *testing.T) {
	shared := sharedDir(t)
	files, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "papers", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no annotations: %v", err)
	}
	sort.Strings(files)
	records, expected, right, extra := 0, 0, 0, 0
	ministries := map[string]bool{}
	for _, af := range files {
		b, err := os.ReadFile(af)
		if err != nil {
			t.Fatal(err)
		}
		var ann paperAnnotations
		if err := json.Unmarshal(b, &ann); err != nil {
			t.Fatalf("%s: %v", af, err)
		}
		if ann.Schema != "redtape.paper-annotations/v1" {
			t.Fatalf("%s: schema %q", af, ann.Schema)
		}
		for _, rec := range ann.Records {
			records++
			ministries[filepath.Base(filepath.Dir(rec.File))] = true
			path := filepath.Join(shared, filepath.FromSlash(rec.File))
			raw := readRawRecord(t, path)
			field := []rune(norm.NFC.String(raw[rec.Field]))
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var got *Procedure
			if _, err := ReadData(context.Background(), path, data, Options{}, func(p *Procedure) error { got = p; return nil }); err != nil || got == nil {
				t.Fatalf("%s: read: %v", rec.File, err)
			}
			matched := make([]bool, len(got.Papers))
			for _, want := range rec.Papers {
				expected++
				if want.Start < 0 || want.End > len(field) || want.Start >= want.End {
					t.Errorf("%s: annotation [%d,%d) outside the field", rec.File, want.Start, want.End)
					continue
				}
				wantText := trimPaper(string(field[want.Start:want.End]))
				found := false
				for i, p := range got.Papers {
					if matched[i] || p.Span == nil || p.Span.Field != rec.Field || trimPaper(p.Text) != wantText {
						continue
					}
					if p.Span.End <= want.Start || p.Span.Start >= want.End {
						continue // same words elsewhere in the field
					}
					matched[i] = true
					if sameCount(p.Originals, want.Originals) && sameCount(p.Copies, want.Copies) {
						found = true
					}
					break
				}
				if found {
					right++
				} else {
					t.Logf("%s: missed paper [%d,%d) %.60q", rec.File, want.Start, want.End, wantText)
				}
			}
			for i, m := range matched {
				if !m {
					extra++
					t.Logf("%s: unexpected paper %.60q", rec.File, got.Papers[i].Text)
				}
			}
		}
	}
	if records < 60 || len(ministries) < 5 {
		t.Errorf("annotation set has %d records of %d ministries; want at least 60 of 5", records, len(ministries))
	}
	score := float64(right) / float64(expected+extra)
	msg := fmt.Sprintf("paper split quality: %d/%d expected papers exactly right, %d unexpected papers, %.1f%% over %d records", right, expected, extra, 100*score, records)
	t.Log(msg)
	if testing.Verbose() {
		fmt.Println(msg)
	}
	if score < 0.95 {
		t.Errorf("%s; want at least 95%%", msg)
	}
}
