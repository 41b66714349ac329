package cost

import (
	"sync"
)

// lists shares equal lists of input names between components: the lists
// of measured inputs and assumed parameters take a few forms over a whole
// corpus, and each of a million procedures' components holding its own
// copy would cost more memory than the rest of the component. A shared
// list is never appended to in place (its capacity is its length).
type lists struct {
	mu sync.Mutex
	m  map[string][]string
}

// intern returns a list equal to list, shared with every earlier equal
// list; nil for an empty one.
func (l *lists) intern(list []string) []string {
	if len(list) == 0 {
		return nil
	}
	// The key is looked up without being allocated; it is made a string
	// only when the list is new.
	var buf [256]byte
	key := buf[:0]
	for i, s := range list {
		if i > 0 {
			key = append(key, 0)
		}
		key = append(key, s...)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if shared, ok := l.m[string(key)]; ok {
		return shared
	}
	if l.m == nil {
		l.m = map[string][]string{}
	}
	shared := append([]string(nil), list...)
	shared = shared[:len(shared):len(shared)]
	l.m[string(key)] = shared
	return shared
}
