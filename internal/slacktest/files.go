package slacktest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// File is a file shared in a channel by files.completeUploadExternal.
type File struct {
	ID      string
	Channel string // empty when completed without a channel (private to the bot)
	Name    string
	Title   string
	Content []byte
	Comment string // initial_comment
	Thread  string // thread_ts
}

// upload is a file between files.getUploadURLExternal and completion.
type upload struct {
	name     string
	length   int
	content  []byte
	uploaded bool
	done     bool
}

// uploadURL serves files.getUploadURLExternal. The upload URL is built from
// the request's Host, because slack-go sends the token only to the API's host.
func (s *Server) uploadURL(r *http.Request, p map[string]string) result {
	length, err := strconv.Atoi(p["length"])
	if p["filename"] == "" || err != nil || length <= 0 {
		return fail("invalid_arguments")
	}
	id := "F" + randomID(5)
	s.mu.Lock()
	s.uploads[id] = &upload{name: p["filename"], length: length}
	s.mu.Unlock()
	return ok(map[string]any{"upload_url": "http://" + r.Host + "/upload/" + id, "file_id": id})
}

// serveUpload receives a file's content: a multipart field "file" or the
// raw body. It is recorded as a Call of method "upload".
func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		http.Error(w, "read body", http.StatusBadRequest)
		return
	}
	content := body
	ctype, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ctype == "multipart/form-data" {
		r.Body = io.NopCloser(bytes.NewReader(body))
		if err := r.ParseMultipartForm(maxBody); err != nil {
			http.Error(w, "bad multipart body", http.StatusBadRequest)
			return
		}
		f, _, err := r.FormFile("file")
		if err != nil {
			http.Error(w, "no file field", http.StatusBadRequest)
			return
		}
		content, err = io.ReadAll(f)
		f.Close()
		if err != nil {
			http.Error(w, "read file field", http.StatusBadRequest)
			return
		}
	}
	token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	c := Call{Method: "upload", Params: map[string]string{"file_id": id}, Body: body, Token: token, At: time.Now()}
	if !s.record(w, r, c) {
		return
	}
	s.mu.Lock()
	u := s.uploads[id]
	if u != nil {
		u.content, u.uploaded = content, true
		s.notifyLocked()
	}
	s.mu.Unlock()
	if u == nil {
		http.Error(w, "unknown upload", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.WriteString(w, "OK - "+strconv.Itoa(len(content)))
}

// completeUpload serves files.completeUploadExternal: each uploaded file is
// shared in channel_id (or each of channels).
func (s *Server) completeUpload(p map[string]string) result {
	var summaries []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(p["files"]), &summaries); err != nil || len(summaries) == 0 {
		return fail("invalid_arguments")
	}
	channels := []string{p["channel_id"]}
	if cs := p["channels"]; cs != "" {
		channels = strings.Split(cs, ",")
		if p["channel_id"] != "" {
			channels = append(channels, p["channel_id"])
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	for _, sum := range summaries {
		u := s.uploads[sum.ID]
		if u == nil || !u.uploaded || u.done {
			s.violateLocked("files.completeUploadExternal: file %s was not uploaded (or completed twice)", sum.ID)
			return fail("file_not_found")
		}
		if len(u.content) != u.length {
			s.violateLocked("files.completeUploadExternal: file %s has %d bytes, getUploadURLExternal said %d", sum.ID, len(u.content), u.length)
		}
		u.done = true
		title := sum.Title
		if title == "" {
			title = u.name
		}
		for _, ch := range channels {
			s.files = append(s.files, File{
				ID: sum.ID, Channel: ch, Name: u.name, Title: title,
				Content: u.content, Comment: p["initial_comment"], Thread: p["thread_ts"],
			})
		}
		out = append(out, map[string]any{"id": sum.ID, "title": title})
	}
	s.notifyLocked()
	return ok(map[string]any{"files": out})
}

// Files lists every shared file, in order, one entry per channel shared in.
func (s *Server) Files() []File {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]File(nil), s.files...)
}

// WaitFile returns the first shared file match accepts, waiting for one if
// there is none yet.
func (s *Server) WaitFile(ctx context.Context, match func(File) bool) (File, error) {
	return waitFirst(ctx, s, s.Files, match)
}
