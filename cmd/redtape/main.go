// Command redtape analyses Vietnamese administrative procedures: it reads
// procedure records, indexes and searches them, flags required papers the
// state already holds as data, estimates progress toward the regulation and
// compliance-cost reduction targets, writes reports and lints draft
// regulations in CI. Run "redtape help" for the commands.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/term"
)

// interruptGrace is how long a command may go on after SIGINT or SIGTERM
// to end cleanly (a batch persisted, the index lock released) before the
// process exits with code 130 regardless. Every long loop checks the
// context, so commands end well within it; the grace bounds any loop that
// does not, so a signal ends every command within a second (issue 15).
const interruptGrace = 800 * time.Millisecond

func main() {
	// bleve's scorch writes what it meets on disk through the standard
	// logger ("unable to load snapshot, ..., continuing"), raw, on stderr.
	// redtape reports it as an error instead (a damaged index), so the
	// standard logger, which redtape itself does not use, writes nothing.
	log.SetOutput(io.Discard)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := interruptible(ctx, interruptGrace, os.Stderr, func() int {
		return run(ctx, os.Args, newEnv(os.Stdin, os.Stdout, os.Stderr))
	})
	stop()
	os.Exit(code)
}

// interruptible runs f and returns its exit code. Once ctx is done (a
// signal arrived), f has grace to return; if it has not by then, the
// command is reported interrupted on stderr and [exitInterrupted] is
// returned without waiting further: the caller exits the process, and the
// index survives a process ending at any moment (its writes are atomic
// batches and its builds are swapped in only when complete).
func interruptible(ctx context.Context, grace time.Duration, stderr io.Writer, f func() int) int {
	done := make(chan int, 1)
	go func() { done <- f() }()
	select {
	case code := <-done:
		return code
	case <-ctx.Done():
	}
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case code := <-done:
		return code
	case <-t.C:
		if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			fmt.Fprint(stderr, "\r\033[K") // over a progress bar, if one is drawn
		}
		fmt.Fprintln(stderr, "redtape: interrupted")
		return exitInterrupted
	}
}
