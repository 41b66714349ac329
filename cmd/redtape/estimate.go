package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// estimateCommand is not built yet.
func estimateCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "estimate",
		Usage:  "estimate progress toward the reduction targets (not available yet)",
		Hidden: true,
		Action: func(*cli.Context) error { return errors.New("estimate: not available yet") },
	}
}
