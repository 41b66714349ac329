package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// reportCommand is not built yet.
func reportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "report",
		Usage:  "write a reduction report (not available yet)",
		Hidden: true,
		Action: func(*cli.Context) error { return errors.New("report: not available yet") },
	}
}
