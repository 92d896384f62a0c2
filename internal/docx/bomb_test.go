package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"testing"

	"shuho/internal/digest"
)

// bombXML writes a word/document.xml whose one run holds n bytes of "a".
func bombXML(w io.Writer, n int) {
	io.WriteString(w, `<w:document `+xmlns+`><w:body><w:p><w:r><w:t>`)
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for n > 0 {
		k := min(n, len(chunk))
		w.Write(chunk[:k])
		n -= k
	}
	io.WriteString(w, `</w:t></w:r></w:p></w:body></w:document>`)
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestZipBomb: a document.xml that inflates past MaxDocumentXML, whether its
// ZIP entry says so or lies about its size, is refused with a clear error
// and costs a bounded amount of memory, not its inflated size.
func TestZipBomb(t *testing.T) {
	const size = MaxDocumentXML + 36<<20 // 100 MiB
	// Honest: the entry declares its size.
	var honest bytes.Buffer
	zw := zip.NewWriter(&honest)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	bombXML(w, size)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	// Lying: the same data, declared as a kilobyte.
	var raw bytes.Buffer
	crc := crc32.NewIEEE()
	fw, _ := flate.NewWriter(&raw, flate.BestSpeed)
	bombXML(io.MultiWriter(fw, crc), size)
	fw.Close()
	var lying bytes.Buffer
	zw = zip.NewWriter(&lying)
	w, err = zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CRC32: crc.Sum32(), CompressedSize64: uint64(raw.Len()), UncompressedSize64: 1 << 10})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		kind error
		msg  string
	}{
		{"declared", honest.Bytes(), digest.ErrTooLarge, "word/document.xml is 104857"},
		{"lying", lying.Bytes(), digest.ErrInvalid, "does not inflate to what its ZIP entry declares"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			mem := allocated(func() { _, err = Text(tt.data) })
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Text error %v, want kind %v holding %q", err, tt.kind, tt.msg)
			}
			if mem > 4<<20 {
				t.Errorf("Text allocated %d KB on a %d MB bomb of %d KB", mem>>10, size>>20, len(tt.data)>>10)
			}
		})
	}
}

// TestLimitedReader: an entry that inflates past the limit fails with
// ErrTooLarge even when the ZIP reader would let it through.
func TestLimitedReader(t *testing.T) {
	l := &limited{r: io.LimitReader(strings.NewReader(strings.Repeat("a", 100)), 51), c: io.NopCloser(nil), name: "word/document.xml", limit: 50}
	_, err := io.ReadAll(l)
	if !errors.Is(err, digest.ErrTooLarge) || !strings.Contains(err.Error(), "inflates past") {
		t.Errorf("ReadAll = %v, want ErrTooLarge", err)
	}
	l = &limited{r: io.LimitReader(strings.NewReader(strings.Repeat("a", 50)), 51), c: io.NopCloser(nil), name: "x", limit: 50}
	if b, err := io.ReadAll(l); err != nil || len(b) != 50 {
		t.Errorf("ReadAll of exactly the limit = %d bytes, %v", len(b), err)
	}
}

// TestTextTooLarge: a document within the part limit whose text is over
// digest.MaxInput is refused.
func TestTextTooLarge(t *testing.T) {
	run := r("", strings.Repeat("x", 1<<10))
	var body strings.Builder
	for body.Len() < digest.MaxInput+(2<<20) {
		body.WriteString("<w:p>" + strings.Repeat(run, 64) + "</w:p>")
	}
	data := docxFile(t, map[string]string{"word/document.xml": document(body.String())})
	_, err := Text(data)
	if !errors.Is(err, digest.ErrTooLarge) || !strings.Contains(err.Error(), "text is over 20 MB") {
		t.Errorf("Text error %v, want ErrTooLarge", err)
	}
}
