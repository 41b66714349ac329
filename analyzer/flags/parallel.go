package flags

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/redtape-vn/redtape/corpus"
)

// Procedures judges every procedure of procs over GOMAXPROCS workers and
// returns the results in input order. It stops early when ctx is done and
// then returns ctx's error with the results so far (the ones not reached
// are zero).
func (m *Matcher) Procedures(ctx context.Context, procs []*corpus.Procedure) ([]ProcedureResult, error) {
	out := make([]ProcedureResult, len(procs))
	workers := min(runtime.GOMAXPROCS(0), len(procs))
	if workers <= 1 {
		for i, p := range procs {
			if i%256 == 0 {
				if err := ctx.Err(); err != nil {
					return out, fmt.Errorf("flag procedures: %w", err)
				}
			}
			out[i] = m.Procedure(p)
		}
		return out, nil
	}
	// Workers take chunks of procedures from a shared counter, so that a
	// run of long dossiers does not hold up one worker while others idle.
	const chunk = 64
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := m.getScratch()
			defer m.putScratch(sc)
			for ctx.Err() == nil {
				lo := int(next.Add(chunk)) - chunk
				if lo >= len(procs) {
					return
				}
				for i := lo; i < min(lo+chunk, len(procs)); i++ {
					out[i] = m.procedure(procs[i], sc)
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return out, fmt.Errorf("flag procedures: %w", err)
	}
	return out, nil
}
