package memo

import (
	"sync"
	"sync/atomic"
	"testing"
)

// TestMemoComputesOncePerKeyUntilFull: a key is computed once while there
// is room; past Max entries, keys are computed each time and still give
// their value; concurrent use gives every caller the right value.
func TestMemoComputesOncePerKeyUntilFull(t *testing.T) {
	m := Memo[int, int]{Max: 3}
	var calls atomic.Int64
	square := func(k int) int { calls.Add(1); return k * k }
	for range 2 {
		for k := range 3 {
			if got := m.Get(k, square); got != k*k {
				t.Fatalf("Get(%d) = %d", k, got)
			}
		}
	}
	if n := calls.Load(); n != 3 {
		t.Errorf("3 keys asked twice computed %d times, want 3", n)
	}
	for range 2 {
		if got := m.Get(9, square); got != 81 {
			t.Fatalf("Get(9) = %d", got)
		}
	}
	if n := calls.Load(); n != 5 {
		t.Errorf("a key past the bound, asked twice, computed %d times in all, want 5", n)
	}
	if m.Len() != 3 {
		t.Errorf("Len = %d, want 3 (the bound)", m.Len())
	}
	var wg sync.WaitGroup
	var z Memo[int, int]
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 1000 {
				if got := z.Get(k+w, square); got != (k+w)*(k+w) {
					t.Errorf("Get(%d) = %d", k+w, got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
