package shell

import (
	"bytes"
	"io"
	"testing"
	"testing/iotest"
)

// FuzzKeys feeds key presses to the key reader whole and a byte at a time:
// with no Ctrl-C among them, both pass on exactly the keys with each Home
// and End sequence as Ctrl-A or Ctrl-E, and neither loses or adds a byte.
func FuzzKeys(f *testing.F) {
	for _, seed := range []string{"abc\r", "bc\x1b[1~a\x1b[4~d\r", "\x1bOH\x1bOF", "\x1b[7~\x1b[8~", "\x1b[1;3D", "\x1b", "\x1b[", "\x1b[1", "é\x1b[H"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if bytes.IndexByte(in, ctrlC) >= 0 {
			t.Skip("Ctrl-C is passed on in a read of its own, after Ctrl-E (TestTerminalReadLine)")
		}
		want := translateHomeEnd(bytes.Clone(in))
		for _, r := range []io.Reader{bytes.NewReader(in), iotest.OneByteReader(bytes.NewReader(in))} {
			got, err := io.ReadAll(&keys{r: r})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("keys %q passed on %q, want %q", in, got, want)
			}
		}
	})
}
