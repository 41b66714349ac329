package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/redtape-vn/redtape/internal/textfmt"
)

// Exit codes. They are a documented contract (README, "Exit codes"): change
// them only with a major version.
const (
	exitOK          = 0   // success, nothing at or above --fail-on
	exitFindings    = 1   // findings at or above --fail-on
	exitUsage       = 2   // usage or configuration error
	exitInputFailed = 3   // some input could not be read (the rest was processed)
	exitInterrupted = 130 // interrupted by a signal
	exitInternal    = 4   // anything else: an I/O or internal error
)

var (
	// errFindings reports that findings at or above the --fail-on level exist.
	errFindings = errors.New("findings at or above the failure level")
	// errInputFailed reports that some input files or records could not be
	// read; the output covers the rest.
	errInputFailed = errors.New("some input could not be read")
)

// usageError is a mistake in the command line or configuration.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usageErrorf returns a usage error (exit code 2).
func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// env is what a command may touch of the outside world. Tests build their
// own to capture output and fix the clock.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// now is the clock; reports and indexes take their dates from it.
	now func() time.Time
	// interactive is true when stderr is a terminal (progress bars, colour).
	interactive bool
	// stdoutTerminal is true when stdout is a terminal: a command that
	// writes there while it reads draws no progress bar, which would land
	// in the middle of its lines.
	stdoutTerminal bool
	// getenv reads environment variables.
	getenv func(string) string
}

func newEnv(stdin io.Reader, stdout, stderr io.Writer) *env {
	isTerminal := func(w io.Writer) bool {
		f, ok := w.(*os.File)
		return ok && term.IsTerminal(int(f.Fd()))
	}
	return &env{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now, interactive: isTerminal(stderr),
		stdoutTerminal: isTerminal(stdout), getenv: os.Getenv}
}

func newApp(e *env) *cli.App {
	return &cli.App{
		Name:  "redtape",
		Usage: "analyse administrative procedures and cut red tape",
		Description: "redtape reads Vietnamese administrative procedure records, searches them, flags papers the\n" +
			"state already holds as digitised data, estimates progress toward the 20% regulation and\n" +
			"compliance-cost targets, writes reports for ministries and lints draft regulations in CI.\n" +
			"Commands that take PATHS read the built-in demo corpus when none are given.",
		Version:   version(),
		Reader:    e.stdin,
		Writer:    e.stdout,
		ErrWriter: e.stderr,
		// Errors are turned into exit codes by run, in one place.
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: false,
		Commands: []*cli.Command{
			showCommand(e),
			statsCommand(e),
			indexCommand(e),
			searchCommand(e),
			flagCommand(e),
			catalogCommand(e),
			estimateCommand(e),
			reportCommand(e),
			checkCommand(e),
			serveCommand(e),
		},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return &usageError{err}
		},
	}
}

// commandUsageError makes a mistake in a command's options one line that
// says what to do, instead of the command's whole help: urfave/cli prints
// the help unless the command handles its usage errors. A word starting
// with "-" that search does not know is most likely a query word
// excluding a term: the hint says to put the query after "--".
func commandUsageError(name string) cli.OnUsageErrorFunc {
	return func(_ *cli.Context, err error, _ bool) error {
		msg := err.Error()
		if name == "search" && strings.Contains(msg, "flag provided but not defined") {
			return usageErrorf("%v: a query that starts with \"-\" goes after \"--\" (redtape search -- -word ...); see redtape search --help", err)
		}
		return usageErrorf("%s: %v (see redtape %s --help)", name, err, name)
	}
}

// version says which build this is: the module version and, for a build
// from a checkout, the commit and whether the tree was modified
// (runtime/debug.ReadBuildInfo).
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, dirty, at string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", modified"
			}
		case "vcs.time":
			at = ", " + s.Value
		}
	}
	if rev != "" {
		v += " (commit " + textfmt.Clip(rev, 12) + at + dirty + ")"
	}
	return v + ", " + info.GoVersion
}

// run runs the app with args and returns the process exit code. It is the
// one place where errors become exit codes.
func run(ctx context.Context, args []string, e *env) int {
	app := newApp(e)
	for _, c := range app.Commands {
		if c.OnUsageError == nil {
			c.OnUsageError = commandUsageError(c.Name)
		}
	}
	err := app.RunContext(ctx, permuteArgs(app, args))
	return exitCode(ctx, err, e.stderr)
}

func exitCode(ctx context.Context, err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	switch {
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		// Before the others: an interrupted command's findings and
		// unreadable input are those of part of its input.
		fmt.Fprintln(stderr, "redtape: interrupted")
		return exitInterrupted
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.Is(err, errInputFailed):
		fmt.Fprintf(stderr, "redtape: %v\n", err)
		return exitInputFailed
	case errors.As(err, &ue) || isCLIUsageError(err):
		fmt.Fprintf(stderr, "redtape: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "redtape: %v\n", err)
	return exitInternal
}

// isCLIUsageError recognises the errors urfave/cli returns for unknown
// commands and flags, which do not pass through OnUsageError.
func isCLIUsageError(err error) bool {
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		return true
	}
	msg := err.Error()
	for _, p := range []string{"flag provided but not defined", "Required flag", "Required flags", "invalid value", "No help topic", "command not found"} {
		if containsFold(msg, p) {
			return true
		}
	}
	return false
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
