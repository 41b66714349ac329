package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// catalogCommand is not built yet.
func catalogCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "catalog",
		Usage:  "list the catalog of digitised data (not available yet)",
		Hidden: true,
		Action: func(*cli.Context) error { return errors.New("catalog: not available yet") },
	}
}
