package slacktest

import (
	"encoding/json"
	"fmt"
	"time"
)

// View is the current state of one modal or Home tab.
type View struct {
	ID         string
	User       string // who it is open for / whose Home tab it is
	TriggerID  string // the trigger_id views.open used; empty for views.publish
	Type       string // "modal" or "home"
	CallbackID string
	ExternalID string
	Hash       string
	Updates    int             // how many times views.update or views.publish changed it
	JSON       json.RawMessage // the view as Slack returns it
}

// Views lists every view opened or published, in order, in its current state.
func (s *Server) Views() []View {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]View, 0, len(s.views))
	for _, v := range s.views {
		out = append(out, *v)
	}
	return out
}

// latestViewLocked returns the last view match accepts. The caller holds s.mu.
func (s *Server) latestViewLocked(match func(*View) bool) *View {
	for i := len(s.views) - 1; i >= 0; i-- {
		if match(s.views[i]) {
			return s.views[i]
		}
	}
	return nil
}

// openView serves views.open.
func (s *Server) openView(p map[string]string) result {
	view, res := s.checkView("views.open", p["view"], "modal")
	if res.err != "" {
		return res
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.triggers[p["trigger_id"]]
	switch {
	case t == nil:
		s.violateLocked("views.open: unknown trigger_id %q", p["trigger_id"])
		return fail("invalid_trigger_id")
	case t.used:
		s.violateLocked("views.open: trigger_id %q used twice", p["trigger_id"])
		return fail("exchanged_trigger_id")
	case time.Since(t.issued) > s.opts.TriggerTTL:
		s.violateLocked("views.open: trigger_id used after %v (it expires after %v)", time.Since(t.issued).Round(time.Millisecond), s.opts.TriggerTTL)
		return fail("expired_trigger_id")
	}
	t.used = true
	v := &View{ID: "V" + randomID(5), User: t.user, TriggerID: p["trigger_id"]}
	s.storeViewLocked(v, view)
	s.views = append(s.views, v)
	return ok(map[string]any{"view": v.JSON})
}

// updateView serves views.update.
func (s *Server) updateView(p map[string]string) result {
	view, res := s.checkView("views.update", p["view"], "")
	if res.err != "" {
		return res
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.latestViewLocked(func(v *View) bool {
		return (p["view_id"] != "" && v.ID == p["view_id"]) || (p["external_id"] != "" && v.ExternalID == p["external_id"])
	})
	if v == nil {
		return fail("not_found")
	}
	if h := p["hash"]; h != "" && h != v.Hash {
		return fail("hash_conflict")
	}
	v.Updates++
	s.storeViewLocked(v, view)
	return ok(map[string]any{"view": v.JSON})
}

// publishView serves views.publish.
func (s *Server) publishView(p map[string]string) result {
	if p["user_id"] == "" {
		return fail("invalid_arguments")
	}
	view, res := s.checkView("views.publish", p["view"], "home")
	if res.err != "" {
		return res
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.latestViewLocked(func(v *View) bool { return v.User == p["user_id"] && v.Type == "home" })
	if v == nil {
		v = &View{ID: "V" + randomID(5), User: p["user_id"]}
		s.views = append(s.views, v)
	} else {
		v.Updates++
	}
	s.storeViewLocked(v, view)
	return ok(map[string]any{"view": v.JSON})
}

// storeViewLocked sets v's state from a view request. The caller holds s.mu.
func (s *Server) storeViewLocked(v *View, view map[string]any) {
	v.Type = stringOf(view["type"])
	v.CallbackID = stringOf(view["callback_id"])
	v.ExternalID = stringOf(view["external_id"])
	v.Hash = fmt.Sprintf("%d.%s", time.Now().Unix(), randomID(4))
	view["id"] = v.ID
	view["team_id"] = s.opts.TeamID
	view["app_id"] = AppID
	view["bot_id"] = BotID
	view["hash"] = v.Hash
	view["root_view_id"] = v.ID
	view["previous_view_id"] = nil
	if _, set := view["state"]; !set {
		view["state"] = map[string]any{"values": map[string]any{}}
	}
	v.JSON, _ = json.Marshal(view)
	s.notifyLocked()
}

// checkView parses and validates a view as Slack would. want, if set, is the
// view type the method needs.
func (s *Server) checkView(method, raw, want string) (map[string]any, result) {
	var view map[string]any
	if err := json.Unmarshal([]byte(raw), &view); err != nil || view == nil {
		return nil, s.reject(method, "invalid_arguments", "view is not a JSON object")
	}
	typ := stringOf(view["type"])
	if want != "" && typ != want {
		return nil, s.reject(method, "invalid_arguments", fmt.Sprintf("view type %q (want %q)", typ, want))
	}
	maxBlocks := maxModalBlocks
	if typ == "modal" {
		for _, key := range []string{"title", "submit", "close"} {
			obj, _ := view[key].(map[string]any)
			if key == "title" && obj == nil {
				return nil, s.reject(method, "invalid_arguments", "a modal needs a title")
			}
			if t := stringOf(obj["text"]); runes(t) > maxViewTitle {
				return nil, s.reject(method, "invalid_arguments", fmt.Sprintf("%s %q is %d characters (at most %d)", key, t, runes(t), maxViewTitle))
			}
		}
	}
	if n := runes(stringOf(view["private_metadata"])); n > maxPrivateMeta {
		return nil, s.reject(method, "invalid_arguments", fmt.Sprintf("private_metadata is %d characters (at most %d)", n, maxPrivateMeta))
	}
	if n := runes(stringOf(view["callback_id"])); n > maxCallbackID {
		return nil, s.reject(method, "invalid_arguments", fmt.Sprintf("callback_id is %d characters (at most %d)", n, maxCallbackID))
	}
	blocks, err := json.Marshal(view["blocks"])
	if err == nil && string(blocks) != "null" {
		if _, err := checkBlocks(blocks, maxBlocks); err != nil {
			return nil, s.reject(method, "invalid_blocks", err.Error())
		}
	}
	return view, result{}
}
