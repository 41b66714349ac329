package corpus

import (
	"context"
	"errors"
	"os"
	"sync"
)

// walkBatch is how many records a reader hands over at once, and
// walkQueued how many batches of one file may wait to be taken.
const (
	walkBatch  = 64
	walkQueued = 4
)

// WalkBudget is how many bytes of files [WalkParallel] reads ahead of the
// one whose records fn is taking: a file larger than it is read alone.
const WalkBudget = 64 << 20

// WalkParallel is [Walk] reading up to workers files at once: fn still
// sees every record in Walk's order, one at a time on the caller's
// goroutine, and the summary lists the same errors, warnings and skipped
// files in the same order. Memory stays bounded whatever the corpus: the
// files read ahead hold at most [WalkBudget] bytes together (or one file,
// when it is larger) and each hands over at most walkQueued batches of
// walkBatch records before fn takes them. When fn stops the walk early,
// the summary counts what was read of the files reached. With workers
// below 2 it is Walk.
func WalkParallel(ctx context.Context, paths []string, opts Options, workers int, fn func(*Procedure) error) (*Summary, error) {
	if workers < 2 {
		return Walk(ctx, paths, opts, fn)
	}
	sum := &Summary{}
	files, err := walkFiles(paths, opts, sum)
	if err != nil {
		return sum, err
	}
	var prog Progress
	if opts.Progress != nil {
		prog.TotalFiles = len(files)
		for _, f := range files {
			prog.TotalBytes += fileSize(f.path)
		}
		opts.Progress(prog)
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w := &orderedWalk{ctx: ctx, opts: opts, budget: WalkBudget}
	w.cond = sync.NewCond(&w.mu)
	jobs := make(chan *fileJob)
	order := make(chan *fileJob, workers+1)
	var wg sync.WaitGroup
	for range min(workers, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				w.read(j)
			}
		}()
	}
	go func() {
		defer close(jobs)
		defer close(order)
		for _, f := range files {
			j := &fileJob{file: f, size: fileSize(f.path), recs: make(chan []*Procedure, walkQueued)}
			if !w.acquire(j.size) {
				return
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				close(j.recs) // never read: nothing waits on it but stop
				return
			}
		}
	}()
	stop := func() {
		cancel()
		w.abort()
		for j := range order {
			for range j.recs {
			}
		}
		wg.Wait()
	}
	for j := range order {
		for batch := range j.recs {
			for _, p := range batch {
				if err := fn(p); err != nil {
					stop() // the worker of j is done: its summary can be read
					sum.Merge(j.sum)
					if errors.Is(err, ErrStop) {
						return sum, nil
					}
					return sum, err
				}
			}
		}
		sum.Merge(j.sum)
		w.release(j.size)
		if j.err != nil {
			stop()
			return sum, j.err
		}
		if opts.Progress != nil {
			prog.Files++
			prog.Bytes += j.size
			opts.Progress(prog)
		}
	}
	stop()
	if err := parent.Err(); err != nil {
		return sum, err
	}
	return sum, nil
}

// fileJob is one file of a [WalkParallel]: its records in batches, then
// (once recs is closed) what reading it counted and the error that ended
// it.
type fileJob struct {
	file inputFile
	size int64
	recs chan []*Procedure
	sum  *Summary
	err  error
}

// orderedWalk holds the byte budget of the files read ahead.
type orderedWalk struct {
	ctx    context.Context
	opts   Options
	budget int64

	mu      sync.Mutex
	cond    *sync.Cond
	used    int64
	running int
	aborted bool
}

// acquire waits until a file of size bytes fits the budget (a file always
// fits when no other is being read); false when the walk is over.
func (w *orderedWalk) acquire(size int64) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for !w.aborted && w.running > 0 && w.used+size > w.budget {
		w.cond.Wait()
	}
	if w.aborted {
		return false
	}
	w.used += size
	w.running++
	return true
}

func (w *orderedWalk) release(size int64) {
	w.mu.Lock()
	w.used -= size
	w.running--
	w.mu.Unlock()
	w.cond.Broadcast()
}

func (w *orderedWalk) abort() {
	w.mu.Lock()
	w.aborted = true
	w.mu.Unlock()
	w.cond.Broadcast()
}

// read reads one file into j, batch by batch, and closes j.recs.
func (w *orderedWalk) read(j *fileJob) {
	defer close(j.recs)
	j.sum = &Summary{Files: 1}
	var batch []*Procedure
	send := func() error {
		select {
		case j.recs <- batch:
			batch = nil
			return nil
		case <-w.ctx.Done():
			return w.ctx.Err()
		}
	}
	err := readFile(w.ctx, j.file, w.opts, j.sum, func(p *Procedure) error {
		if batch == nil {
			batch = make([]*Procedure, 0, walkBatch)
		}
		batch = append(batch, p)
		if len(batch) == walkBatch {
			return send()
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = send()
	}
	j.err = err
}

func fileSize(path string) int64 {
	if fi, err := os.Stat(path); err == nil {
		return fi.Size()
	}
	return 0
}
