package knowledge

import (
	"bytes"
	"testing"
)

// TestBundleFresh fails when pack.gob, which Embedded decodes, no longer
// holds what the YAML files of data/ say.
func TestBundleFresh(t *testing.T) {
	want, err := EncodeBundle(MustEmbeddedFS(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, embeddedBundle) {
		t.Fatalf("%s is stale: data/ encodes to %d bytes that differ from the %d embedded; run `go run ./knowledge/cmd/bundle-pack` and commit the file",
			BundleFile, len(want), len(embeddedBundle))
	}
}

// TestBundleDecodes checks that the bundle decodes to a pack that encodes
// back to the same bytes (gob does not tell an empty list from none, and
// nothing in hirebot does either), with every question's source file.
func TestBundleDecodes(t *testing.T) {
	p, err := decodeBundle(embeddedBundle)
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := read(MustEmbeddedFS(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Questions) != len(fromYAML.Questions) || len(p.Topics) != len(fromYAML.Topics) || len(p.sources) != len(fromYAML.sources) {
		t.Errorf("the bundle holds %d questions, %d topics, %d sources; data/ %d, %d, %d",
			len(p.Questions), len(p.Topics), len(p.sources), len(fromYAML.Questions), len(fromYAML.Topics), len(fromYAML.sources))
	}
	for id, file := range fromYAML.sources {
		if p.sources[id] != file {
			t.Errorf("question %s: the bundle says it came from %q, data/ from %q", id, p.sources[id], file)
		}
	}
	if _, err := decodeBundle([]byte("not a bundle")); err == nil {
		t.Error("decodeBundle accepted bytes that are no bundle")
	}
}
