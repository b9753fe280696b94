package draft

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hirebot/hirebot"
)

// FuzzApply applies a script of changes made from fuzzed bytes and text and
// checks, after each one, that a refused change leaves the draft alone with
// a typed error a handler can word, that an accepted one keeps every limit, and that
// undoing it restores the content. The draft must survive JSON at the end.
func FuzzApply(f *testing.F) {
	f.Add([]byte{0, 1, 1, 2, 1, 2, 4, 0, 3}, "Ten years\u202E of Go")
	f.Add([]byte{7, 0, 0, 8, 0, 0, 9, 0, 0, 10, 0, 0}, "rule-1")
	f.Add([]byte{5, 4, 2, 6, 1, 9, 3, 3, 1}, strings.Repeat("ab ", 300))
	f.Add([]byte{11, 0, 0, 0, 2, 2, 11, 0, 0}, "\xff\x00\u200B")
	// References, kinds, hand-overs and approvals among the edits.
	f.Add([]byte{2, 1, 130, 3, 1, 131, 13, 4, 1, 14, 0, 2, 15, 3, 1, 11, 1, 1}, "R2")
	f.Add([]byte{0, 1, 1, 3, 1, 129, 11, 0, 1, 11, 1, 0, 5, 1, 132}, "r1 then more text")
	f.Fuzz(func(t *testing.T, script []byte, text string) {
		d := MustNew(t)
		ops := []Op{OpAdd, OpInsert, OpRemove, OpEdit, OpSet, OpMove, OpReplace,
			OpIgnore, OpUnignore, OpFinalize, OpReopen, OpUndo, "bogus", OpKind, OpOwner, OpApprove}
		names := []string{"responsibilities", "reqs", "nice to have", "benefits", "skills", ""}
		fields := []string{"title", "pay", "where", "summary", "org", "kind"}
		for i := 0; i+2 < len(script) && i < 300; i += 3 {
			op, a, b := ops[int(script[i])%len(ops)], int(script[i+1]), int(script[i+2])
			piece := text
			if n := len(text); n > 0 {
				piece = text[(a*7)%n:]
			}
			c := Change{
				Op:      op,
				Section: Section(names[a%len(names)]),
				Field:   Field(fields[a%len(fields)]),
				Index:   b%7 - 1,
				To:      a%5 + 1,
				Text:    piece,
				By:      []string{"U1", "U2"}[b%2],
				Admin:   a%11 == 0,
				At:      at(i),
			}
			if b >= 128 { // name the item by reference instead of number
				c.Ref, c.Index = []string{"R", "r", "D", "N", "B", "X"}[a%6]+strconv.Itoa(b%7), 0
			}
			if op == OpUndo && a%3 == 0 {
				c.Undoes = d.Version - b%4
			}
			if op == OpReplace {
				content := d.Content()
				content.Sections[Section(names[b%len(names)])] = []Item{{Text: piece}}
				content.Fields[Field(fields[b%len(fields)])] = piece
				c.Content = &content
				c.BaseVersion = d.Version - a%2
			}
			step(t, d, c)
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var got Draft
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Content(), d.Content()) || got.Version != d.Version || len(got.Undo) != len(d.Undo) {
			t.Fatalf("JSON round trip changed the draft")
		}
	})
}

// step applies c to d and checks the result.
func step(t *testing.T, d *Draft, c Change) {
	t.Helper()
	before := d.Clone()
	e, err := d.Apply(c)
	if err != nil {
		var (
			de *Error
			se *StaleError
		)
		if !errors.As(err, &de) && !errors.As(err, &se) || hirebot.KindOf(err) == hirebot.Internal {
			t.Fatalf("Apply(%+v) = %v, want a *draft.Error or *draft.StaleError for the handler to word", c, err)
		}
		if !reflect.DeepEqual(before, d) {
			t.Fatalf("Apply(%+v) failed but changed the draft", c)
		}
		return
	}
	want := before.Version + 1
	if c.Op == OpApprove { // recorded beside the version, not as a new one
		want = before.Version
	}
	if d.Version != want || e.Version != want {
		t.Fatalf("%s: version %d (entry v%d) after %d, want %d", c.Op, d.Version, e.Version, before.Version, want)
	}
	checkLimits(t, d)
	if !e.Undoable {
		return
	}
	undone := d.Clone()
	if _, err := undone.Apply(Change{Op: OpUndo, By: c.By, At: c.At}); err != nil {
		t.Fatalf("undo of %+v: %v", c, err)
	}
	if !reflect.DeepEqual(undone.Content(), before.Content()) || !reflect.DeepEqual(undone.Ignored, before.Ignored) {
		t.Fatalf("undo of %+v did not restore the draft:\n got %+v\nwant %+v", c, undone, before)
	}
}

// checkLimits fails the test if d breaks any rule a draft keeps.
func checkLimits(t *testing.T, d *Draft) {
	t.Helper()
	if len(d.Undo) > MaxUndo {
		t.Fatalf("%d undo records", len(d.Undo))
	}
	size := 0
	for _, u := range d.Undo {
		size += u.undoBytes()
	}
	if size > MaxUndoBytes || d.contentBytes() > MaxContentBytes {
		t.Fatalf("undo records take %d bytes, content %d", size, d.contentBytes())
	}
	refs := map[string]bool{}
	for s, items := range d.Sections {
		for _, it := range items {
			if sec, ok := ParseRef(it.Ref); !ok || sec != s || refs[it.Ref] {
				t.Fatalf("item %q has reference %q", it.Text, it.Ref)
			}
			refs[it.Ref] = true
		}
	}
	for f, v := range d.Fields {
		if !slices.Contains(Fields, f) || v == "" || Clean(v, f == Summary) != v || utf8.RuneCountInString(v) > FieldLimit(f) {
			t.Fatalf("field %q = %q breaks the rules", f, v)
		}
	}
	for s, items := range d.Sections {
		if !slices.Contains(Sections, s) || len(items) == 0 || len(items) > MaxItems {
			t.Fatalf("section %q with %d items breaks the rules", s, len(items))
		}
		for _, item := range items {
			if n := utf8.RuneCountInString(item.Text); n == 0 || n > MaxItemRunes || Clean(item.Text, false) != item.Text {
				t.Fatalf("item %q breaks the rules", item.Text)
			}
		}
	}
}
