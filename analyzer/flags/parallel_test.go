package flags

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// TestProcedures: the concurrent API gives the results of Procedure, in
// input order, and the matcher can be shared by goroutines (run with -race).
func TestProcedures(t *testing.T) {
	m := testMatcher(t)
	procs := synth.Generate(7, 600)
	procs = append(procs, &corpus.Procedure{Code: "X.1", Name: "Cấp đổi giấy phép lái xe", Papers: []corpus.Paper{{Text: "Bản sao giấy phép lái xe"}, {Text: "Bản sao Giấy khai sinh"}}})
	want := make([]ProcedureResult, len(procs))
	flagged := 0
	for i, p := range procs {
		want[i] = m.Procedure(p)
		flagged += want[i].Flagged
	}
	if flagged == 0 {
		t.Fatal("nothing flagged in the synthetic corpus")
	}
	got, err := m.Procedures(context.Background(), procs)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("procedure %d (%s): concurrent result differs from Procedure:\n%+v\nwant\n%+v", i, procs[i].Code, got[i], want[i])
			}
		}
		t.Fatalf("%d results, want %d", len(got), len(want))
	}
	// Papers, Mentions and Procedures at once on one matcher.
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(procs); i += 4 {
				if r := m.Procedure(procs[i]); !reflect.DeepEqual(r, want[i]) {
					t.Errorf("procedure %d differs when judged concurrently", i)
					return
				}
				for _, p := range procs[i].Papers {
					m.Paper(p)
					m.Mentions(p.Text)
				}
			}
		}()
	}
	wg.Wait()
	if none, err := m.Procedures(context.Background(), nil); err != nil || len(none) != 0 {
		t.Errorf("Procedures(nil) = %v, %v", none, err)
	}
}

// TestProceduresCancelled: a cancelled context stops the work and is
// reported.
func TestProceduresCancelled(t *testing.T) {
	m := testMatcher(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := m.Procedures(ctx, synth.Generate(8, 5000))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	done := 0
	for _, r := range res {
		if r.ID != "" {
			done++
		}
	}
	if done == len(res) {
		t.Errorf("all %d procedures judged after cancellation", done)
	}
}
