package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// permuteArgs lets the options of a command come anywhere among its paths,
// as users type them ("redtape check drafts --format json"): urfave/cli
// stops reading options at the first path, so the options of the command
// named in args are moved before its paths, and "--" is put between them.
// A "--" in args ends the options: what follows stays a path even when it
// starts with "-". Commands that read their words themselves (search, whose
// query language uses "-word") are left as they are. Unknown options move
// too, so that the command reports them.
func permuteArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	// The app's own options ("--help") come before the command name.
	at := 1
	for at < len(args) && strings.HasPrefix(args[at], "-") {
		at++
	}
	if at >= len(args) {
		return args
	}
	cmd := app.Command(args[at])
	if cmd == nil || cmd.SkipFlagParsing || cmd.Name == "search" || cmd.Name == "help" || len(cmd.Subcommands) > 0 {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		v := false
		if d, ok := f.(cli.DocGenerationFlag); ok {
			v = d.TakesValue()
		}
		for _, n := range f.Names() {
			takesValue[n] = v
		}
	}
	rest := args[at+1:]
	var opts, paths []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			paths = append(paths, rest[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			paths = append(paths, a)
			continue
		}
		opts = append(opts, a)
		name, _, inline := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if takesValue[name] && !inline && i+1 < len(rest) {
			i++
			opts = append(opts, rest[i])
		}
	}
	out := make([]string, 0, len(args)+1)
	out = append(out, args[:at+1]...)
	out = append(out, opts...)
	if len(paths) > 0 {
		out = append(out, "--")
		out = append(out, paths...)
	}
	return out
}
