package redistest

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
)

// readValue reads one complete RESP2 or RESP3 value from r and returns its
// bytes as they were on the wire.
func readValue(r *bufio.Reader) ([]byte, error) {
	var buf bytes.Buffer
	if err := copyValue(r, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// copyValue copies one RESP value from r to buf.
func copyValue(r *bufio.Reader, buf *bytes.Buffer) error {
	line, err := r.ReadBytes('\n')
	if err != nil {
		return err
	}
	buf.Write(line)
	if len(line) < 3 {
		return fmt.Errorf("redistest: short RESP line %q", line)
	}
	head := line[0]
	n, _ := strconv.Atoi(string(bytes.TrimSpace(line[1:])))
	switch head {
	case '$', '!', '=': // bulk: n bytes and CRLF, none when n < 0
		if n < 0 {
			return nil
		}
		b := make([]byte, n+2)
		if _, err := readFull(r, b); err != nil {
			return err
		}
		buf.Write(b)
	case '*', '~', '>': // aggregate of n values
		for range max(n, 0) {
			if err := copyValue(r, buf); err != nil {
				return err
			}
		}
	case '%': // map of n pairs
		for range 2 * max(n, 0) {
			if err := copyValue(r, buf); err != nil {
				return err
			}
		}
	case '|': // attributes of n pairs, then the value they describe
		for range 2*max(n, 0) + 1 {
			if err := copyValue(r, buf); err != nil {
				return err
			}
		}
	}
	return nil
}

// readFull fills b from r.
func readFull(r *bufio.Reader, b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := r.Read(b[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// commandName returns the upper-cased name of the command in cmd, a RESP
// array of bulk strings as clients send them ("" if cmd is not one).
func commandName(cmd []byte) string {
	r := bufio.NewReader(bytes.NewReader(cmd))
	if line, err := r.ReadBytes('\n'); err != nil || len(line) == 0 || line[0] != '*' {
		return ""
	}
	line, err := r.ReadBytes('\n')
	if err != nil || len(line) == 0 || line[0] != '$' {
		return ""
	}
	n, err := strconv.Atoi(string(bytes.TrimSpace(line[1:])))
	if err != nil || n < 0 {
		return ""
	}
	name := make([]byte, n)
	if _, err := readFull(r, name); err != nil {
		return ""
	}
	return string(bytes.ToUpper(name))
}
