// Command redtape analyses Vietnamese administrative procedures: it reads
// procedure records, indexes and searches them, flags required papers the
// state already holds as data, estimates progress toward the regulation and
// compliance-cost reduction targets, writes reports and lints draft
// regulations in CI. Run "redtape help" for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, newEnv(os.Stdin, os.Stdout, os.Stderr))
	stop()
	os.Exit(code)
}
