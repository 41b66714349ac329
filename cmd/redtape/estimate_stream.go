package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/redtape-vn/redtape/analyzer/assess"
	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/corpus"
)

// streamAssessment assesses the current records under opts.Current
// against the baseline under opts.Baseline without holding either corpus:
// the baseline is read once into a temporary file (corpus.Spill, what
// assess.KeepBaseline keeps of each record) and a table of matching keys,
// the current records are read twice, once for the keys that match them
// to the baseline, once to be judged, compared and counted on every core
// (assess.Stream). Read errors and duplicates are reported on stderr once
// per input, as loadInput reports them; when both sides name the same
// paths, only the baseline's are. keep says which changes to keep for
// the output. It returns the assessment and the read summaries.
func streamAssessment(ctx context.Context, e *env, opts estimateOptions, aopts assess.Options, keep compare.Keep) (*assess.Assessment, []*corpus.Summary, error) {
	defer limitMemory()()
	spill, err := corpus.NewSpill("")
	if err != nil {
		return nil, nil, err
	}
	defer spill.Close()
	type spilled struct {
		keys    compare.Keys
		record  []byte
		inScope bool
	}
	var (
		nBase  int
		intern = compare.NewKeyInterner()
	)
	baseline := assess.Baseline{Get: spill.Get}
	baseSum, err := streamRecords(ctx, e, opts.Baseline, opts.Input, readOnce, func(_ int, p *corpus.Procedure) (spilled, error) {
		if !aopts.InScope(p) {
			return spilled{}, nil
		}
		return spilled{keys: compare.KeysOf(p), record: corpus.EncodeSpilled(assess.KeepBaseline(p)), inScope: true}, nil
	}, func(_ int, _ *corpus.Procedure, r spilled) error {
		nBase++
		if !r.inScope {
			return nil
		}
		baseline.Keys = append(baseline.Keys, intern.Keys(r.keys))
		_, err := spill.AddEncoded(r.record)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	sums := []*corpus.Summary{baseSum}
	sameInput := slices.Equal(opts.Baseline, opts.Current)

	// The first read of the current records: their keys, and each kept
	// record's index among those in scope, by its place in the walk.
	type keyed struct {
		keys    compare.Keys
		inScope bool
	}
	var (
		keys  []compare.Keys
		index []int32 // by place in the walk: index in keys, or -1
		nCur  int
	)
	first := readOnce
	if sameInput {
		first = readAgain
	}
	curSum, err := streamRecords(ctx, e, opts.Current, opts.Input, first, func(_ int, p *corpus.Procedure) (keyed, error) {
		if !aopts.InScope(p) {
			return keyed{}, nil
		}
		return keyed{keys: compare.KeysOf(p), inScope: true}, nil
	}, func(seq int, _ *corpus.Procedure, k keyed) error {
		nCur++
		for len(index) <= seq {
			index = append(index, -1)
		}
		if k.inScope {
			index[seq] = int32(len(keys))
			keys = append(keys, intern.Keys(k.keys))
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if !sameInput {
		sums = append(sums, curSum)
	}
	if err := requireProcedures("baseline", opts.Baseline, nBase, baseSum); err != nil {
		return nil, nil, err
	}
	if err := requireProcedures("current", opts.Current, nCur, curSum); err != nil {
		return nil, nil, err
	}
	if len(keys) == 0 && nCur > 0 {
		return nil, nil, usageErrorf("estimate: %v: none of the %d current procedures is of scope %q", assess.ErrEmptyScope, nCur, aopts.Scope)
	}

	s, err := assess.NewStream(baseline, keys, aopts, keep)
	if err != nil {
		return nil, nil, fmt.Errorf("estimate: %w", err)
	}
	_, err = streamRecords(ctx, e, opts.Current, opts.Input, readAgainAll, func(seq int, p *corpus.Procedure) (*assess.Item, error) {
		if seq >= len(index) || index[seq] < 0 {
			return nil, nil
		}
		return s.Assess(int(index[seq]), p)
	}, func(_ int, _ *corpus.Procedure, it *assess.Item) error {
		if it == nil {
			return nil
		}
		return s.Add(it)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("estimate: %w", err)
	}
	a, err := s.Finish(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("estimate: %w", err)
	}
	return a, sums, nil
}
