package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// indexCommand is not built yet.
func indexCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "index",
		Usage:  "build or update the search index (not available yet)",
		Hidden: true,
		Action: func(*cli.Context) error { return errors.New("index: not available yet") },
	}
}
