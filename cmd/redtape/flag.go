package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// flagCommand is not built yet.
func flagCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "flag",
		Usage:  "flag required papers the state already holds as data (not available yet)",
		Hidden: true,
		Action: func(*cli.Context) error { return errors.New("flag: not available yet") },
	}
}
