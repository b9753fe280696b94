package sessions

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/internal/redistest"
)

// TestDraftStorageIsBounded measures, on a real redis-server, what a draft
// takes after hundreds of changes: at its largest allowed size, changed by
// more people than keep undo records, it stays under 256 KB with its
// history, and a typical 40-item draft four people work on under 64 KB.
// Undo records hold what changed, bounded per person and in the number of
// people, so neither grows with the number of changes.
func TestDraftStorageIsBounded(t *testing.T) {
	t.Parallel()
	srv := redistest.MustStart(t)
	s := New(MustOpen(t, srv.URL()), Options{})
	for _, tc := range []struct {
		name       string
		items      int // per section
		text       func(i int) string
		draftLimit int64 // MEMORY USAGE of the draft hash
		totalLimit int64 // of the draft hash and its history
		people     int   // who take turns changing it
	}{
		// Every section full, every item at its longest, its text as
		// costly to store as the content limit allows (quotes count twice).
		{"largest", draft.MaxItems, func(i int) string {
			return fmt.Sprintf("%03d ", i%1000) + strings.Repeat(`ab"`, 85) + strings.Repeat("x", draft.MaxItemRunes-4-255)
		}, 256 << 10, 256 << 10, draft.MaxUndoPeople + 2},
		{"typical", 10, func(i int) string {
			return fmt.Sprintf("Item %d: has led engineering teams through growth and kept delivery steady", i)
		}, 64 << 10, 0, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key := hirebot.SessionKey{Team: newTeam(), Channel: "CSIZE"}
			at := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
			tmpl := draft.Content{Fields: map[draft.Field]string{
				draft.Company: strings.Repeat("c", draft.MaxLineRunes), draft.Location: strings.Repeat("l", draft.MaxLineRunes),
				draft.Summary: strings.Repeat("s", draft.MaxSummaryRunes-200),
			}, Sections: map[draft.Section][]draft.Item{}}
			for _, sec := range draft.Sections {
				if tc.name == "largest" && sec == draft.Outcomes {
					// Four full sections of the longest items already reach
					// the content limit (draft.MaxContentBytes), which bounds
					// a draft whatever its number of sections.
					continue
				}
				for i := range tc.items {
					tmpl.Sections[sec] = append(tmpl.Sections[sec], draft.Item{Text: tc.text(i)})
				}
			}
			d, e, err := draft.New(draft.Start{Role: "cto", Title: "Chief Technology Officer", Owner: "U1", At: at, Template: tmpl})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Scope(key, nil, "").CreateDraft(t.Context(), d, e); err != nil {
				t.Fatal(err)
			}
			for i := range 600 {
				c := sizeChange(d, i, tc.text(i+7), at.Add(time.Duration(i)*time.Minute), tc.people)
				d = MustUpdate(t, s, key, c.By, func(d *draft.Draft, _ int) (draft.Entry, error) { return d.Apply(c) })
			}
			k, _ := sessionKeys(key)
			mem := memoryUsage(t, s, k.draft)
			hist := memoryUsage(t, s, k.history)
			strlen, _ := s.client.HStrLen(context.Background(), k.draft, "d").Result()
			t.Logf("%s draft after 600 changes: MEMORY USAGE draft=%d B (HSTRLEN d=%d B, %d undo records), history=%d B, total=%d B",
				tc.name, mem, strlen, len(d.Undo), hist, mem+hist)
			if mem >= tc.draftLimit {
				t.Errorf("the draft takes %d bytes in Redis, want under %d", mem, tc.draftLimit)
			}
			if tc.totalLimit > 0 && mem+hist >= tc.totalLimit {
				t.Errorf("the draft and its history take %d bytes in Redis, want under %d", mem+hist, tc.totalLimit)
			}
		})
	}
}

// sizeChange returns the ith change of a mix people make, by one of
// people in turn: whole-draft saves, edits, removes and adds, and field
// changes.
func sizeChange(d *draft.Draft, i int, text string, at time.Time, people int) draft.Change {
	sec := draft.Sections[i%len(draft.Sections)]
	by := fmt.Sprintf("U%d", i%people+1)
	c := draft.Change{By: by, At: at}
	items := d.Sections[sec]
	switch {
	case i%5 == 0:
		content := d.Content()
		for s, its := range content.Sections {
			for j := range its {
				its[j].Text = fmt.Sprintf("%d%s", i%10, its[j].Text[1:])
			}
			content.Sections[s] = its
		}
		c.Op, c.Content, c.BaseVersion = draft.OpReplace, &content, d.Version
	case i%5 == 1 && len(items) > 0:
		c.Op, c.Ref, c.Text = draft.OpEdit, items[i%len(items)].Ref, text
	case i%5 == 2 && len(items) > 0:
		c.Op, c.Ref = draft.OpRemove, items[len(items)-1].Ref
	case i%5 == 3 && len(items) < draft.MaxItems:
		c.Op, c.Section, c.Text = draft.OpAdd, sec, text
	case i%5 == 3:
		c.Op, c.Ref, c.Text = draft.OpEdit, items[0].Ref, text
	default:
		c.Op, c.Field, c.Text = draft.OpSet, draft.Summary, strings.Repeat(fmt.Sprint(i%10), draft.MaxSummaryRunes-200)
	}
	return c
}

// memoryUsage returns MEMORY USAGE of key.
func memoryUsage(tb testing.TB, s *Store, key string) int64 {
	tb.Helper()
	n, err := s.client.MemoryUsage(context.Background(), key, 0).Result()
	if err != nil {
		tb.Fatalf("MEMORY USAGE %s: %v", key, err)
	}
	return n
}
