package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// checkCommand is not built yet.
func checkCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "check",
		Usage:  "lint draft regulations (not available yet)",
		Hidden: true,
		Action: func(*cli.Context) error { return errors.New("check: not available yet") },
	}
}
