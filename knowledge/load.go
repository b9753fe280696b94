package knowledge

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// The files of a pack directory. Every one of them may be absent.
const (
	RolesFile        = "roles.yaml"
	KindsFile        = "kinds.yaml"
	TopicsFile       = "topics.yaml"
	ChecklistsFile   = "checklists.yaml"
	CompetenciesFile = "competencies.yaml"
	QuestionsDir     = "questions" // each *.yaml file in it is a list of questions
)

//go:embed data
var embedded embed.FS

// Embedded loads the pack built into the binary. Each call returns a new
// Pack; callers load it once and share it.
//
// The embedded pack is not validated here: it cannot change after the
// build, and TestEmbeddedValid (run by make build and make test) holds it
// to everything Load, Coverage and the model's classes check, which would
// otherwise cost about half of every start. Nor is its YAML decoded: it
// comes from BundleFile, made from data/ ahead of time (TestBundleFresh
// fails when the two differ).
func Embedded() (*Pack, error) {
	p, err := decodeBundle(embeddedBundle)
	if err != nil {
		return nil, fmt.Errorf("embedded knowledge: %w", err)
	}
	p.index = newIndex(p)
	if p.model, err = loadModel(p, embeddedModel); err != nil {
		return nil, fmt.Errorf("embedded knowledge: %w", err)
	}
	return p, nil
}

// validateEmbedded checks the embedded pack as Load checks a custom one,
// and more: its questions cover every interview, and the topic model's
// classes are its topics. Tests call it; Embedded does not.
func validateEmbedded(p *Pack) error {
	return errors.Join(Validate(p), Coverage(p), checkClasses(p, p.model))
}

// Load reads the pack in fsys (laid out as described by the file
// constants), decodes it strictly — an unknown field is an error — validates
// it and builds its search index. The error lists every problem found.
func Load(fsys fs.FS) (*Pack, error) {
	p, err := read(fsys)
	if err != nil {
		return nil, fmt.Errorf("read knowledge pack: %w", err)
	}
	return finish(p)
}

// Overlay reads a custom pack from fsys and lays it over base: an entry
// with the same id as one in base replaces it, a new id is added. The result
// is validated as a whole, so the custom pack may refer to base's entries.
// base is not changed.
func Overlay(base *Pack, fsys fs.FS) (*Pack, error) {
	top, err := read(fsys)
	if err != nil {
		return nil, fmt.Errorf("read knowledge pack: %w", err)
	}
	// Merging would hide an id used twice within the custom pack.
	dups := unique(top)
	p := &Pack{
		Roles:        mergeByID(base.Roles, top.Roles, func(r Role) string { return r.ID }),
		Kinds:        mergeByID(base.Kinds, top.Kinds, func(k Kind) string { return k.ID }),
		Topics:       mergeByID(base.Topics, top.Topics, func(t Topic) string { return t.ID }),
		Checklists:   mergeByID(base.Checklists, top.Checklists, func(c Checklist) string { return c.ID }),
		Competencies: mergeByID(base.Competencies, top.Competencies, func(c Competency) string { return c.ID }),
		Questions:    mergeByID(base.Questions, top.Questions, func(q Question) string { return q.ID }),
		sources:      make(map[string]string, len(base.sources)+len(top.sources)),
	}
	for _, m := range []map[string]string{base.sources, top.sources} {
		for k, v := range m {
			p.sources[k] = v
		}
	}
	if len(dups) > 0 {
		return nil, fmt.Errorf("invalid knowledge pack: %w", errors.Join(append(dups, Validate(p))...))
	}
	if _, err := finish(p); err != nil {
		return nil, err
	}
	return withModel(p, base), nil
}

// finish validates p and builds its index.
func finish(p *Pack) (*Pack, error) {
	if err := Validate(p); err != nil {
		return nil, fmt.Errorf("invalid knowledge pack: %w", err)
	}
	p.index = newIndex(p)
	return p, nil
}

// withModel returns p with the topic model of base laid over it (none if
// base has none).
func withModel(p, base *Pack) *Pack {
	if base.model != nil {
		p.model = attach(p, base.model.m, base.model.meta)
	}
	return p
}

// mergeByID returns base with top laid over it: same id replaces in place,
// new ids are appended in top's order.
func mergeByID[T any](base, top []T, id func(T) string) []T {
	out := slices.Clone(base)
	at := make(map[string]int, len(out)+len(top))
	for i, v := range out {
		at[id(v)] = i
	}
	for _, v := range top {
		if i, ok := at[id(v)]; ok {
			out[i] = v
			continue
		}
		at[id(v)] = len(out)
		out = append(out, v)
	}
	return out
}

// read decodes every file of the pack in fsys without validating it.
func read(fsys fs.FS) (*Pack, error) {
	p := &Pack{sources: make(map[string]string)}
	entries, err := fs.ReadDir(fsys, QuestionsDir)
	var dirErr error
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		dirErr = fmt.Errorf("%s: %w", QuestionsDir, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && isYAML(e.Name()) {
			names = append(names, path.Join(QuestionsDir, e.Name()))
		}
	}
	// The files are decoded side by side: decoding YAML is most of what
	// a start costs, and each file is independent of the others.
	qs := make([][]Question, len(names))
	decode := []func() error{
		func() error { return decodeFile(fsys, RolesFile, &p.Roles) },
		func() error { return decodeFile(fsys, KindsFile, &p.Kinds) },
		func() error { return decodeFile(fsys, TopicsFile, &p.Topics) },
		func() error { return decodeFile(fsys, ChecklistsFile, &p.Checklists) },
		func() error { return decodeFile(fsys, CompetenciesFile, &p.Competencies) },
	}
	for i, name := range names {
		decode = append(decode, func() error { return decodeFile(fsys, name, &qs[i]) })
	}
	errs := make([]error, len(decode))
	var wg sync.WaitGroup
	for i, f := range decode {
		wg.Go(func() { errs[i] = f() })
	}
	wg.Wait()
	errs = append(errs, unknownFiles(fsys)...)
	errs = append(errs, dirErr)

	for i, name := range names {
		for _, q := range qs[i] {
			if prev, ok := p.sources[q.ID]; ok && prev != name {
				// Reported by Validate as a duplicate; name both files here.
				p.sources[q.ID] = prev + " and " + name
				continue
			}
			p.sources[q.ID] = name
		}
		p.Questions = append(p.Questions, qs[i]...)
	}
	return p, errors.Join(errs...)
}

// decodeFile decodes the YAML list in fsys's file name into out, strictly.
// A missing or empty file leaves out empty.
func decodeFile[T any](fsys fs.FS, name string, out *[]T) error {
	b, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(out); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %w", name, err)
	}
	var extra any
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: holds more than one YAML document; put everything in one list", name)
	}
	return nil
}

// unknownFiles reports YAML files at the top of the pack that Load would
// ignore, which is most likely a misspelt name.
func unknownFiles(fsys fs.FS) []error {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return []error{fmt.Errorf("list pack: %w", err)}
	}
	known := []string{RolesFile, KindsFile, TopicsFile, ChecklistsFile, CompetenciesFile}
	var errs []error
	for _, e := range entries {
		if e.IsDir() || !isYAML(e.Name()) || slices.Contains(known, e.Name()) {
			continue
		}
		errs = append(errs, fmt.Errorf("%s: unknown file; a pack holds %s and %s/*.yaml",
			e.Name(), strings.Join(known, ", "), QuestionsDir))
	}
	return errs
}

func isYAML(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}
