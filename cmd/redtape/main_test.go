package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redtape-vn/redtape/corpus"
	"github.com/redtape-vn/redtape/corpus/synth"
)

// TestInterruptibleEndsLoopsThatIgnoreTheContext: a command whose loop
// never checks the context still ends, with exit 130, once the grace after
// the signal has passed.
func TestInterruptibleEndsLoopsThatIgnoreTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	block := make(chan struct{})
	defer close(block)
	var stderr bytes.Buffer
	started := make(chan struct{})
	go func() { <-started; cancel() }()
	code := interruptible(ctx, 10*time.Millisecond, &stderr, func() int {
		close(started)
		<-block // a loop that never looks at ctx
		return exitOK
	})
	if code != exitInterrupted || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("exit %d, stderr %q; want %d and \"interrupted\"", code, stderr.String(), exitInterrupted)
	}
	// A command that returns within the grace keeps its own code.
	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	if code := interruptible(ctx, time.Minute, &stderr, func() int { return exitFindings }); code != exitFindings {
		t.Errorf("exit %d, want the command's own %d", code, exitFindings)
	}
}

// TestInterruptedExitCode: an interrupted command exits 130 even when
// part of its input failed to read (that failure is of part of the input).
func TestInterruptedExitCode(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stderr bytes.Buffer
	if code := exitCode(ctx, errInputFailed, &stderr); code != exitInterrupted {
		t.Errorf("exit %d, want %d", code, exitInterrupted)
	}
	if code := exitCode(context.Background(), context.Canceled, &stderr); code != exitInterrupted {
		t.Errorf("exit %d for context.Canceled, want %d", code, exitInterrupted)
	}
}

// TestSignalEndsCommand builds redtape, starts indexing 20,000 records
// and sends SIGINT, then SIGTERM to a second run, mid-way: each ends with
// exit 130 and the index left behind is usable.
func TestSignalEndsCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and indexes 20,000 records")
	}
	dir := t.TempDir()
	bin := buildRedtape(t)
	data := filepath.Join(dir, "records.jsonl")
	f, err := os.Create(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := corpus.WriteJSONL(f, synth.Generate(1, 20000)); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, "idx")
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd := exec.Command(bin, "index", "--no-flags", "--index", idx, data)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Stdout = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		// Mid-way: a second into a run that takes several.
		select {
		case err := <-exited:
			t.Fatalf("%v: index ended before the signal (%v): %s", sig, err, stderr.String())
		case <-time.After(time.Second):
		}
		sent := time.Now()
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		var err error
		select {
		case err = <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatalf("%v: still running 10 s after the signal", sig)
		}
		took := time.Since(sent)
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
			t.Errorf("%v: %v, want exit %d; stderr:\n%s", sig, err, exitInterrupted, stderr.String())
		}
		// The command is to end within a second; the machine running the
		// test may be busy, so only a gross overrun fails.
		t.Logf("%v: exit after %v", sig, took.Round(time.Millisecond))
		if took > 5*time.Second {
			t.Errorf("%v: took %v to end", sig, took)
		}
		if last := lastLine(stderr.String()); last != "redtape: interrupted" {
			t.Errorf("%v: last line %q", sig, last)
		}
	}
}

func lastLine(s string) string {
	var last string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			last = l
		}
	}
	return last
}
