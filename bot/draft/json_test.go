package draft

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestJSONRoundTrip(t *testing.T) {
	d := MustFull(t)
	MustApply(t, d, Change{Op: OpReopen, By: "U1"})
	MustApply(t, d, Change{Op: OpRemove, Section: Requirements, Index: 2})
	MustApply(t, d, Change{Op: OpIgnore, Text: "rockstar", By: "U1"})
	MustApply(t, d, Change{Op: OpReplace, BaseVersion: d.Version, Content: &Content{
		Fields:   map[Field]string{Title: "CTO", Summary: "two\nlines"},
		Sections: map[Section][]Item{NiceToHave: {{Text: "Rust", Source: "x"}}},
	}})

	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var got Draft
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&got, d) {
		t.Fatalf("round trip changed the draft:\n got %+v\nwant %+v\njson %s", &got, d, b)
	}

	// The decoded draft still undoes what the original would.
	MustApply(t, &got, Change{Op: OpUndo})
	MustApply(t, &got, Change{Op: OpUndo})
	MustApply(t, &got, Change{Op: OpUndo})
	if n := len(got.Sections[Requirements]); n != 3 {
		t.Errorf("after three undos requirements has %d items, want 3", n)
	}
}
