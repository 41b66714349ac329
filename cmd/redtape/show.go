package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// showCommand is not built yet.
func showCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "show",
		Usage:  "print the procedures read from PATHS (not available yet)",
		Hidden: true,
		Action: func(*cli.Context) error { return errors.New("show: not available yet") },
	}
}
