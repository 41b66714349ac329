package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/redtape-vn/redtape/corpus"
)

// progress draws a one-line progress bar on stderr: the files read by the
// walks of an index run, or by one read of a streaming command, the
// procedures read and their rate. Its methods may be called from the
// goroutine that walks the files and the one that takes the records.
type progress struct {
	e     *env
	label string // what is under way: "indexing" when empty
	start time.Time
	mu    sync.Mutex // guards what follows
	last  time.Time
	shown bool
	ended bool // done was called: nothing more is drawn
	read  int
	walk  corpus.Progress // the walk under way
	base  corpus.Progress // the walks finished before it
}

// readLabel names a read of paths for the progress bar: what is done
// ("reading"), the first path's last element, and how many more there
// are.
func readLabel(doing string, paths []string) string {
	if len(paths) == 0 {
		return doing
	}
	label := doing + " " + filepath.Base(paths[0])
	if len(paths) > 1 {
		label += fmt.Sprintf(" and %d more", len(paths)-1)
	}
	return label
}

// barWidth is the number of cells of the progress bar.
const barWidth = 24

// files records how far the walk has come through the files.
func (p *progress) files(w corpus.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if w.Files == 0 && p.walk.TotalFiles > 0 {
		// Another walk: a rebuild reads again the files of the earlier
		// index outside the paths given. Its files add to the total.
		p.base = p.total()
	}
	p.walk = w
	p.show(w.Files == w.TotalFiles) // the last file is always drawn
}

// total returns the progress of all walks so far.
func (p *progress) total() corpus.Progress {
	return corpus.Progress{
		Files: p.base.Files + p.walk.Files, TotalFiles: p.base.TotalFiles + p.walk.TotalFiles,
		Bytes: p.base.Bytes + p.walk.Bytes, TotalBytes: p.base.TotalBytes + p.walk.TotalBytes,
	}
}

// update records the number of procedures read.
func (p *progress) update(read int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.read = read
	p.show(false)
}

// show draws the progress line, at most five times a second unless force.
func (p *progress) show(force bool) {
	if p.ended {
		return
	}
	now := time.Now()
	if !force && now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	fmt.Fprintf(p.e.stderr, "\r%s\033[K", progressLine(p.label, p.total(), p.read, now.Sub(p.start)))
	p.shown = true
}

// progressLine renders the progress of an index run or a read (label, or
// "indexing"): a bar by bytes of the files read when their sizes are known
// (it moves once per file), the procedures read and their rate.
func progressLine(label string, w corpus.Progress, read int, elapsed time.Duration) string {
	var b strings.Builder
	if label == "" {
		label = "indexing"
	}
	b.WriteString(label + " ")
	if w.TotalBytes > 0 {
		done := min(w.Bytes, w.TotalBytes)
		cells := int(done * barWidth / w.TotalBytes)
		fmt.Fprintf(&b, "[%s%s] %3d%% ", strings.Repeat("#", cells), strings.Repeat("-", barWidth-cells), done*100/w.TotalBytes)
	}
	fmt.Fprintf(&b, "%d procedures", read)
	if s := elapsed.Seconds(); s > 0 {
		fmt.Fprintf(&b, " (%.0f/s)", float64(read)/s)
	}
	if w.TotalFiles > 0 {
		fmt.Fprintf(&b, ", %d/%d files", w.Files, w.TotalFiles)
	}
	return b.String()
}

// done clears the progress line, if one was drawn.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.e.stderr, "\r\033[K")
	}
	p.ended = true
}

// noProgress, as a walk's Progress, keeps a read from drawing its bar.
func noProgress(corpus.Progress) {}
