// Command synth writes synthetic procedures as redtape JSONL files, one file
// per synth.PerFile procedures, for large indexing and search runs:
//
//	go run ./corpus/synth/cmd/synth -n 100000 -seed 1 -o /tmp/synth
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of procedures")
	seed := flag.Int64("seed", 1, "random seed")
	out := flag.String("o", "synth-corpus", "output directory")
	flag.Parse()
	if err := write(context.Background(), *out, *seed, *n); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func write(ctx context.Context, dir string, seed int64, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	var (
		f    *os.File
		w    *bufio.Writer
		enc  *json.Encoder
		name string
	)
	closeFile := func() error {
		if f == nil {
			return nil
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		return f.Close()
	}
	err := synth.Each(ctx, seed, n, func(p *corpus.Procedure) error {
		file := filepath.Join(dir, filepath.Base(p.Source.File))
		if file != name {
			if err := closeFile(); err != nil {
				return err
			}
			var err error
			if f, err = os.Create(file); err != nil {
				return fmt.Errorf("create %s: %w", file, err)
			}
			name, w = file, bufio.NewWriterSize(f, 1<<20)
			enc = json.NewEncoder(w)
			enc.SetEscapeHTML(false)
		}
		p.Source = corpus.Source{}
		return enc.Encode(p)
	})
	if err != nil {
		return err
	}
	return closeFile()
}
