package photometa

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzStrip feeds Strip arbitrary bytes. Its seeds (the test photos and
// their damaged copies) run in every `go test`; `go test -fuzz FuzzStrip`
// explores further. Strip must never panic, and what it accepts must be
// stable: stripping the clean file again changes nothing and finds nothing.
func FuzzStrip(f *testing.F) {
	for _, seed := range [][]byte{
		plainJPEG(f), phoneJPEG(f, 6), phoneJPEG(f, 1),
		plainPNG(f), phonePNG(f, 6),
		append([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10}, "Exif\x00\x00MM\x00\x2a\xff\xff\xff\xff"...),
	} {
		f.Add(seed)
		f.Add(seed[:len(seed)/2])
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.jpeg"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		clean, rep, err := Strip(data)
		if err != nil {
			return
		}
		// At most one orientation-only block is added (JPEG: 4+6+26 bytes, PNG: 12+26).
		if len(clean) > len(data)+36 {
			t.Fatalf("clean file grew from %d to %d bytes", len(data), len(clean))
		}
		if rep.Orientation < 0 || rep.Orientation > 8 || rep.Orientation == 1 {
			t.Fatalf("orientation %d", rep.Orientation)
		}
		again, rep2, err := Strip(clean)
		if err != nil {
			t.Fatalf("clean file refused: %v", err)
		}
		if !bytes.Equal(again, clean) || len(rep2.Removed) != 0 || rep2.Orientation != rep.Orientation {
			t.Fatalf("second Strip changed the file or found %v (orientation %d → %d)",
				rep2.Removed, rep.Orientation, rep2.Orientation)
		}
	})
}
