package corpus_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// TestSpillGivesRecordsBack: every record read, spilled and read back by
// number, is the record it was (records read are canonical, so the JSON
// round trip loses nothing), while other records are still being added;
// a number out of range is an error, and Close removes the file.
func TestSpillGivesRecordsBack(t *testing.T) {
	ctx := context.Background()
	procs := synth.Generate(7, 500)
	// Records full of what JSON escapes and HTML-like text.
	odd := *procs[0]
	odd.Name = "Thủ tục <b>\"đặc biệt\"</b> & \\ \t tab \u2028 line"
	odd.Papers = append([]corpus.Paper(nil), odd.Papers...)
	odd.Papers[0].Text = "Bản sao <giấy tờ> & \"khác\""
	procs = append(procs, &odd)
	if dir := filepath.Join("..", "..", "shared", "corpus", "portal-crawl"); !testing.Short() {
		if _, err := os.Stat(dir); err == nil {
			shared, _, err := corpus.Load(ctx, []string{dir}, corpus.Options{})
			if err != nil {
				t.Fatal(err)
			}
			procs = append(procs, shared...)
		} else {
			t.Logf("shared corpus not found at %s: synthetic records only", dir)
		}
	}
	dir := t.TempDir()
	s, err := corpus.NewSpill(dir)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	added := make(chan int, len(procs))
	wg.Add(1)
	go func() { // reads back while the records are added
		defer wg.Done()
		for i := range added {
			got, err := s.Get(i)
			if err != nil {
				t.Error(err)
				return
			}
			if !reflect.DeepEqual(got, procs[i]) {
				t.Errorf("record %d (%s) came back changed:\n got %+v\nwant %+v", i, procs[i].ID(), got, procs[i])
				return
			}
		}
	}()
	for i, p := range procs {
		n, err := s.Add(p)
		if err != nil {
			t.Fatal(err)
		}
		if n != i {
			t.Fatalf("record %d numbered %d", i, n)
		}
		added <- n
	}
	close(added)
	wg.Wait()
	if s.Len() != len(procs) {
		t.Errorf("Len = %d, want %d", s.Len(), len(procs))
	}
	for _, i := range []int{-1, len(procs)} {
		if _, err := s.Get(i); err == nil || !strings.Contains(err.Error(), "no such record") {
			t.Errorf("Get(%d) = %v, want an error naming no such record", i, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("Close left %d files in %s", len(left), dir)
	}
}
