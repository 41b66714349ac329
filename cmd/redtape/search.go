package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// searchCommand is not built yet.
func searchCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "search",
		Usage:  "search the index (not available yet)",
		Hidden: true,
		Action: func(*cli.Context) error { return errors.New("search: not available yet") },
	}
}
