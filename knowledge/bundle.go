package knowledge

import (
	"bytes"
	_ "embed"
	"encoding/gob"
	"fmt"
	"io/fs"
	"maps"
	"slices"
)

// BundleFile is the embedded pack's data decoded once and stored as gob,
// next to this file. Embedded decodes it instead of the YAML files of
// data/: decoding YAML was most of what a start cost. It is written by
// `go run ./knowledge/cmd/bundle-pack`; TestBundleFresh fails when it no
// longer matches data/.
const BundleFile = "pack.gob"

//go:embed pack.gob
var embeddedBundle []byte

// bundle is what BundleFile holds: the pack's data, and the file each
// question came from (sorted, so the encoding is the same every time).
type bundle struct {
	Roles        []Role
	Kinds        []Kind
	Topics       []Topic
	Checklists   []Checklist
	Competencies []Competency
	Questions    []Question
	Sources      []source
}

// source is the file question ID came from.
type source struct{ ID, File string }

// EncodeBundle returns the gob encoding of the pack in fsys (laid out as
// knowledge/data), read as Load reads it, for BundleFile.
func EncodeBundle(fsys fs.FS) ([]byte, error) {
	p, err := read(fsys)
	if err != nil {
		return nil, fmt.Errorf("read knowledge pack: %w", err)
	}
	b := bundle{Roles: p.Roles, Kinds: p.Kinds, Topics: p.Topics, Checklists: p.Checklists,
		Competencies: p.Competencies, Questions: p.Questions}
	for _, id := range slices.Sorted(maps.Keys(p.sources)) {
		b.Sources = append(b.Sources, source{id, p.sources[id]})
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(b); err != nil {
		return nil, fmt.Errorf("encode knowledge bundle: %w", err)
	}
	return buf.Bytes(), nil
}

// decodeBundle returns the pack data of a BundleFile, with no index or
// model yet.
func decodeBundle(data []byte) (*Pack, error) {
	var b bundle
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&b); err != nil {
		return nil, fmt.Errorf("decode knowledge bundle: %w", err)
	}
	p := &Pack{Roles: b.Roles, Kinds: b.Kinds, Topics: b.Topics, Checklists: b.Checklists,
		Competencies: b.Competencies, Questions: b.Questions, sources: make(map[string]string, len(b.Sources))}
	for _, s := range b.Sources {
		p.sources[s.ID] = s.File
	}
	return p, nil
}
