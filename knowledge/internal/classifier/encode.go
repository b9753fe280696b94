package classifier

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// magic starts every model file; the digit is the format's version.
const magic = "hirebot-classifier-2\n"

// Marshal returns the model as bytes, with meta (any bytes the caller
// wants kept with the model, such as decision thresholds) inside. The
// same model and meta always give the same bytes.
func (m *Model) Marshal(meta []byte) []byte {
	var b bytes.Buffer
	b.WriteString(magic)
	put := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	put(uint32(len(meta)))
	b.Write(meta)
	put(m.knownNorm)
	put(m.unknownShare)
	put(uint32(len(m.Classes)))
	for _, c := range m.Classes {
		put(uint16(len(c)))
		b.WriteString(c)
	}
	put(m.scales)
	put(m.bias)
	put(uint32(len(m.keys)))
	put(m.keys)
	put(m.weights)
	return b.Bytes()
}

// ErrFormat says bytes are not a model this package wrote.
var ErrFormat = errors.New("not a classifier model")

// Unmarshal reads a model written by Marshal and returns it with its meta.
func Unmarshal(data []byte) (*Model, []byte, error) {
	r := reader{b: data}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, nil, fmt.Errorf("%w: no %q header", ErrFormat, magic[:len(magic)-1])
	}
	r.b = r.b[len(magic):]
	meta := r.bytes(int(r.u32()))
	m := &Model{}
	m.knownNorm, m.unknownShare = r.flag(), r.flag()
	c := int(r.u32())
	if r.err == nil && (c < 2 || c > 1<<12) {
		r.err = fmt.Errorf("%w: %d classes", ErrFormat, c)
	}
	for i := 0; i < c && r.err == nil; i++ {
		m.Classes = append(m.Classes, string(r.bytes(int(r.u16()))))
	}
	m.scales = r.floats(c)
	m.bias = r.floats(c)
	f := int(r.u32())
	if r.err == nil && f > len(r.b)/8 {
		r.err = fmt.Errorf("%w: %d features in %d bytes", ErrFormat, f, len(r.b))
	}
	if r.err == nil {
		m.keys = make([]uint64, f)
		for i := range m.keys {
			m.keys[i] = r.u64()
		}
		ws := r.bytes(f * c)
		m.weights = make([]int8, len(ws))
		for i, v := range ws {
			m.weights[i] = int8(v)
		}
	}
	switch {
	case r.err != nil:
		return nil, nil, r.err
	case len(r.b) != 0:
		return nil, nil, fmt.Errorf("%w: %d bytes after the weights", ErrFormat, len(r.b))
	case !slices.IsSorted(m.keys):
		return nil, nil, fmt.Errorf("%w: features out of order", ErrFormat)
	}
	m.buildIndex()
	return m, slices.Clone(meta), nil
}

// reader reads little-endian values, remembering the first shortfall.
type reader struct {
	b   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = fmt.Errorf("%w: cut short", ErrFormat)
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// flag reads a boolean byte.
func (r *reader) flag() bool {
	b := r.bytes(1)
	if b != nil && b[0] > 1 {
		r.err = fmt.Errorf("%w: bad flag %d", ErrFormat, b[0])
	}
	return b != nil && b[0] == 1
}

func (r *reader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) u64() uint64 {
	if b := r.bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (r *reader) floats(n int) []float32 {
	out := make([]float32, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		out = append(out, math.Float32frombits(r.u32()))
	}
	return out
}
