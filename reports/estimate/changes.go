package estimate

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/redtape-vn/redtape/analyzer/compare"
	"github.com/redtape-vn/redtape/corpus"
)

// cutIndent is the depth of a cut in the JSON report: an element of
// scenarios[i].changes.
const cutIndent = "        "

// ChangeFile keeps the changed procedures of an estimate out of memory:
// each change handed to [ChangeFile.Add] is written at once, as the JSON
// report writes it, to a temporary file, and only what orders it
// ([compare.Order], about 100 bytes) stays in memory. [WriteJSON] sorts
// them and copies them from the file. It is how a JSON estimate of a
// large corpus lists every changed procedure (the list is the bulk of
// it) in bounded memory.
//
// The file is a [corpus.Spill] holding the cuts' JSON as they are.
//
// Add must be called from one goroutine at a time; Close removes the
// file.
type ChangeFile struct {
	spill *corpus.Spill
	err   error
	lists map[string][]placedCut // by scenario name, in the order added
}

// placedCut is a cut written to a ChangeFile: its number in the file, and
// what orders it.
type placedCut struct {
	order compare.Order
	n     int
}

// NewChangeFile creates an empty ChangeFile in dir ("" for the default
// temporary directory).
func NewChangeFile(dir string) (*ChangeFile, error) {
	spill, err := corpus.NewSpill(dir)
	if err != nil {
		return nil, fmt.Errorf("keep changes: %w", err)
	}
	return &ChangeFile{spill: spill, lists: map[string][]placedCut{}}, nil
}

// Add writes ch, a change of the scenario named, as a cut. A failure to
// write is reported by WriteJSON.
func (cf *ChangeFile) Add(scenario string, ch *compare.Change) {
	if cf.err != nil {
		return
	}
	b, err := marshalIndent(cutOf(ch), cutIndent)
	n := 0
	if err == nil {
		n, err = cf.spill.AddEncoded(b)
	}
	if err != nil {
		cf.err = fmt.Errorf("keep changes: %w", err)
		return
	}
	order := ch.Order()
	order.ID = strings.Clone(order.ID) // not the record's memory
	cf.lists[scenario] = append(cf.lists[scenario], placedCut{order: order, n: n})
}

// writeCuts writes the cuts of the scenario named to w, in a scenario's
// order, each on its line after a comma and the indent, as WriteJSON
// writes a list, and returns how many it wrote.
func (cf *ChangeFile) writeCuts(w io.Writer, scenario string) (int, error) {
	if cf.err != nil {
		return 0, cf.err
	}
	// Sorted in place: sorting again (a second WriteJSON) keeps the order.
	list := cf.lists[scenario]
	slices.SortStableFunc(list, func(a, b placedCut) int { return compare.CompareOrder(a.order, b.order) })
	bw := bufio.NewWriter(w)
	var buf []byte
	for k, c := range list {
		var err error
		if buf, err = cf.spill.AppendEncoded(buf[:0], c.n); err != nil {
			return k, fmt.Errorf("read changes back: %w", err)
		}
		if k > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n" + cutIndent)
		bw.Write(buf)
	}
	return len(list), bw.Flush()
}

// Close removes the file.
func (cf *ChangeFile) Close() error {
	return cf.spill.Close()
}
