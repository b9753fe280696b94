// Command train trains /cto-role's topic model and writes it to
// knowledge/model/topics.model, printing how it did in tuning
// (leave-one-writer-out cross-validation) and in training. Run it from
// anywhere in the repository:
//
//	go run ./knowledge/internal/train            # retrain with knowledge.DefaultTraining
//	go run ./knowledge/internal/train -misses    # and list every tuning miss
//	go run ./knowledge/internal/train -search    # choose the hyper-parameters (slow)
//
// The same data and configuration always give the same file.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hirebot/hirebot/knowledge"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	misses := fs.Bool("misses", false, "list every question the tuning models answered otherwise than its label")
	search := fs.Bool("search", false, "search the hyper-parameters by cross-validation instead of training")
	outFile := fs.String("o", "", "write the model here instead of knowledge/"+knowledge.ModelFile+" (to try a configuration)")
	config := fs.String("config", "", "train with this configuration (JSON, as knowledge.TrainConfig) instead of knowledge.DefaultTraining")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	pack, err := knowledge.Load(os.DirFS(filepath.Join(root, "knowledge", "data")))
	if err != nil {
		return err
	}
	writers, err := knowledge.ReadTrainingData(os.DirFS(filepath.Join(root, "knowledge")))
	if err != nil {
		return err
	}
	if *search {
		return searchParams(pack, writers, out)
	}
	cfg := knowledge.DefaultTraining
	if *config != "" {
		if err := json.Unmarshal([]byte(*config), &cfg); err != nil {
			return fmt.Errorf("-config: %w", err)
		}
	}
	model, rep, err := knowledge.Train(pack, writers, cfg)
	if err != nil {
		return err
	}
	path := filepath.Join(root, "knowledge", knowledge.ModelFile)
	if *outFile != "" {
		path = *outFile
	}
	if err := os.WriteFile(path, model, 0o644); err != nil {
		return fmt.Errorf("write the model: %w", err)
	}
	fmt.Fprintf(out, "wrote %s: %d bytes\n", path, len(model))
	printReport(out, rep, *misses)
	return nil
}

func printReport(out io.Writer, rep *knowledge.Report, misses bool) {
	fmt.Fprintf(out, "\nthresholds (calibrated on the tuning outcomes): %+v\n", rep.Thresholds)
	fmt.Fprintf(out, "tuning, leave-one-writer-out:\n")
	for _, w := range rep.PerWriter {
		fmt.Fprintf(out, "  %-10s %s\n", w.Writer, w.Figures)
	}
	fmt.Fprintf(out, "  %-10s %s\n", "pooled", rep.Pooled)
	fmt.Fprintf(out, "  %-10s %s\n", "no cut", rep.Ceiling)
	fmt.Fprintf(out, "training (the shipped model on its own training questions):\n  %-10s %s\n", "all", rep.Training)
	if !misses {
		return
	}
	fmt.Fprintf(out, "\ntuning misses:\n")
	for _, m := range rep.Misses {
		got := m.Outcome
		if len(m.Choices) > 0 {
			got += " " + strings.Join(m.Choices, "|")
		}
		fmt.Fprintf(out, "  %-22s → %-40s %s  (%s)\n", m.Question.Label, got, m.Question.Text, m.Question.Source)
	}
}

// moduleRoot returns the directory of the go.mod above the working
// directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory: run it inside the repository")
		}
		dir = parent
	}
}
