// Package memo remembers the results of pure functions of small keys for
// work that meets the same keys again and again (the same paper text in
// thousands of procedures), in bounded memory.
package memo

import "sync"

// Memo maps keys to values, safe for concurrent use, and stops growing at
// Max entries (the zero Max means DefaultMax): a key met after that is
// computed each time. The zero Memo is ready to use.
type Memo[K comparable, V any] struct {
	// Max bounds the number of entries; 0 means DefaultMax.
	Max int

	mu sync.RWMutex
	m  map[K]V
}

// DefaultMax is the bound of a Memo whose Max is 0.
const DefaultMax = 1 << 15

// Get returns the value of k, computing it with compute (outside any
// lock: two goroutines may compute one key at once, and both results
// must be equal) and remembering it while there is room.
func (m *Memo[K, V]) Get(k K, compute func(K) V) V {
	m.mu.RLock()
	v, ok := m.m[k]
	m.mu.RUnlock()
	if ok {
		return v
	}
	v = compute(k)
	max := m.Max
	if max <= 0 {
		max = DefaultMax
	}
	m.mu.Lock()
	if m.m == nil {
		m.m = map[K]V{}
	}
	if len(m.m) < max {
		m.m[k] = v
	}
	m.mu.Unlock()
	return v
}

// Len returns the number of entries remembered.
func (m *Memo[K, V]) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.m)
}
