package main

import (
	"context"
	"flag"
	"fmt"

	"chronoscope/assets"
)

// backupCommand copies the corpus to -o FILE (data.Store.Backup).
func (c *cli) backupCommand() command {
	fl := flag.NewFlagSet("backup", flag.ContinueOnError)
	outPath := fl.String("o", "", "write the copy to `FILE`")
	return command{fl, func(ctx context.Context, args []string) error {
		if err := noArgs(args); err != nil {
			return err
		}
		if *outPath == "" {
			return fmt.Errorf("%w: backup needs -o FILE, where to write the copy", errUsage)
		}
		s, err := c.open(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		if err := s.Backup(ctx, *outPath); err != nil {
			return err
		}
		docs, evs, err := s.Counts(ctx)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(c.stdout, "backed up %s to %s (%d documents, %d events); checked\n", s.Path(), *outPath, docs, evs)
		return err
	}}
}

// rebuildCommand makes the corpus's bundled part and indexes again
// (data.Store.Rebuild) and checks the result as check does.
func (c *cli) rebuildCommand() command {
	fl := flag.NewFlagSet("rebuild", flag.ContinueOnError)
	return command{fl, func(ctx context.Context, args []string) error {
		if err := noArgs(args); err != nil {
			return err
		}
		s, err := c.openWrite(ctx)
		if err != nil {
			return err
		}
		backup, err := s.Rebuild(ctx, assets.Corpus())
		s.Close()
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "rebuilt %s from the bundled sources; as it was before, it is in %s\n", s.Path(), backup)
		return c.checkCommand().run(ctx, nil)
	}}
}
