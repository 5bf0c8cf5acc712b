package photometa

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// orientation6 is the EXIF block expected for a photo to be turned 90°
// clockwise, written out by hand from the EXIF 2.3 layout: big-endian TIFF
// header, IFD0 at offset 8 with one entry (0x0112, SHORT, count 1, value 6)
// and no next IFD.
var orientation6 = []byte("MM\x00\x2a\x00\x00\x00\x08" +
	"\x00\x01" +
	"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00" +
	"\x00\x00\x00\x00")

func samePixels(t *testing.T, a, b []byte) {
	t.Helper()
	ia, _, err := image.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatalf("decode original: %v", err)
	}
	ib, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode clean: %v", err)
	}
	if ia.Bounds() != ib.Bounds() {
		t.Fatalf("bounds %v, want %v", ib.Bounds(), ia.Bounds())
	}
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if ia.At(x, y) != ib.At(x, y) {
				t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, ib.At(x, y), ia.At(x, y))
			}
		}
	}
}

func noSecrets(t *testing.T, clean []byte) {
	t.Helper()
	for _, s := range []string{secretModel, secretMake, secretTime, secretNote, secretPlace,
		"GPS", "xmpmeta", "http://ns.adobe.com", "Photoshop", "FPXR", "MPF\x00", "second picture"} {
		if bytes.Contains(clean, []byte(s)) {
			t.Errorf("clean file still contains %q", s)
		}
	}
}

func TestStripPhoneJPEG(t *testing.T) {
	in := phoneJPEG(t, 6)
	clean, rep, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	samePixels(t, in, clean)
	noSecrets(t, clean)

	plain := plainJPEG(t)
	want := bytes.Join([][]byte{plain[:2], jfifSegment,
		segment(markAPP1, idExif, orientation6), iccSegment, plain[2:]}, nil)
	if !bytes.Equal(clean, want) {
		t.Errorf("clean file is not SOI, JFIF, orientation-only EXIF, ICC and the encoder's segments unchanged")
	}

	wantItems := []Item{GPS, Camera, TakenAt, Comment, Thumbnail, XMP, IPTC, Trailer, Other}
	if !slices.Equal(rep.Removed, wantItems) {
		t.Errorf("Removed = %v, want %v", rep.Removed, wantItems)
	}
	if rep.Format != "JPEG" || rep.Orientation != 6 || rep.BytesRemoved != len(in)-len(clean) {
		t.Errorf("report = %+v", rep)
	}
	const sentence = "Đã xóa: vị trí GPS, tên máy ảnh/điện thoại, thời gian chụp, chú thích, ảnh thu nhỏ kèm theo, " +
		"dữ liệu XMP, dữ liệu IPTC/Photoshop, dữ liệu gắn sau ảnh, thông tin kỹ thuật khác. Giữ lại hướng xoay của ảnh."
	if rep.String() != sentence {
		t.Errorf("String() = %q\nwant       %q", rep.String(), sentence)
	}

	again, rep2, err := Strip(clean)
	if err != nil || !bytes.Equal(again, clean) || len(rep2.Removed) != 0 || rep2.Orientation != 6 {
		t.Errorf("second Strip changed the file or found more: %v, %+v", err, rep2)
	}
}

func TestStripUprightPhotoDropsAllEXIF(t *testing.T) {
	in := phoneJPEG(t, 1)
	clean, rep, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	samePixels(t, in, clean)
	if bytes.Contains(clean, idExif) {
		t.Error("an upright photo keeps an EXIF block")
	}
	if rep.Orientation != 0 || strings.Contains(rep.String(), "hướng xoay") {
		t.Errorf("report = %+v, %q", rep, rep.String())
	}
}

func TestStripPhonePNG(t *testing.T) {
	in := phonePNG(t, 8)
	clean, rep, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	samePixels(t, in, clean)
	noSecrets(t, clean)
	for _, typ := range []string{"tEXt", "zTXt", "iTXt", "tIME", "prVt"} {
		if bytes.Contains(clean, []byte(typ)) {
			t.Errorf("chunk %s kept", typ)
		}
	}

	plain := plainPNG(t)
	ihdrEnd := 8 + 12 + 13
	want := bytes.Join([][]byte{plain[:ihdrEnd], gamaChunk, iccpChunk, physChunk,
		chunk("eXIf", orientationBlock(8)), plain[ihdrEnd:]}, nil)
	if !bytes.Equal(clean, want) {
		t.Errorf("clean file is not IHDR, gAMA, iCCP, pHYs, orientation-only eXIf and the encoder's chunks unchanged")
	}

	wantItems := []Item{GPS, Camera, TakenAt, Author, Comment, Thumbnail, XMP, Trailer, Other}
	if !slices.Equal(rep.Removed, wantItems) {
		t.Errorf("Removed = %v, want %v", rep.Removed, wantItems)
	}
	if rep.Format != "PNG" || rep.Orientation != 8 {
		t.Errorf("report = %+v", rep)
	}

	again, rep2, err := Strip(clean)
	if err != nil || !bytes.Equal(again, clean) || len(rep2.Removed) != 0 || rep2.Orientation != 8 {
		t.Errorf("second Strip changed the file or found more: %v, %+v", err, rep2)
	}
}

func orientationBlock(o byte) []byte {
	b := bytes.Clone(orientation6)
	b[19] = o
	return b
}

func TestStripCleanFilesUnchanged(t *testing.T) {
	for name, in := range map[string][]byte{
		"JPEG":               plainJPEG(t),
		"JPEG with JFIF+ICC": append(append(append([]byte{0xFF, 0xD8}, jfifSegment...), iccSegment...), plainJPEG(t)[2:]...),
		"PNG":                plainPNG(t),
	} {
		clean, rep, err := Strip(in)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(clean, in) || len(rep.Removed) != 0 || rep.BytesRemoved != 0 {
			t.Errorf("%s: changed (%d → %d bytes), report %+v", name, len(in), len(clean), rep)
		}
		if rep.String() != "Ảnh không chứa thông tin cá nhân cần xóa." {
			t.Errorf("%s: String() = %q", name, rep.String())
		}
	}
}

// Every proper prefix of a file is truncated and must be refused, never
// returned as a shorter "clean" image.
func TestStripTruncated(t *testing.T) {
	for name, in := range map[string][]byte{
		"JPEG": bytes.TrimSuffix(phoneJPEG(t, 6), []byte("\xFF\xD8 second picture from "+secretModel)),
		"PNG":  plainPNG(t),
	} {
		for n := 0; n < len(in); n++ {
			if _, _, err := Strip(in[:n]); err == nil {
				t.Fatalf("%s cut at %d of %d bytes: no error", name, n, len(in))
			}
		}
	}
}

func TestStripMalformed(t *testing.T) {
	jpg := phoneJPEG(t, 6)
	badLen := bytes.Clone(jpg)
	badLen[len(jfifSegment)+4] = 0 // EXIF segment length 0x00xx → 1 byte: less than the length field
	badLen[len(jfifSegment)+5] = 1
	noMarker := bytes.Clone(jpg)
	noMarker[2] = 0x00
	pngCRC := phonePNG(t, 6)
	pngCRC[len(pngCRC)-len("trailer from "+secretModel)-13] ^= 1 // inside an IDAT
	idatFirst := bytes.Clone(plainPNG(t))
	copy(idatFirst[12:16], "IDAT") // and its CRC no longer matches either
	critical := append(bytes.Clone(plainPNG(t)[:33]), chunk("ABCD", []byte("x"))...)
	critical = append(critical, plainPNG(t)[33:]...)

	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"GIF", []byte("GIF89a\x01\x00\x01\x00")},
		{"JPEG segment length 1", badLen},
		{"JPEG without marker after SOI", noMarker},
		{"JPEG with SOI twice", append([]byte{0xFF, 0xD8}, plainJPEG(t)...)},
		{"JPEG without image data", []byte{0xFF, 0xD8, 0xFF, 0xD9}},
		{"PNG without image data", append(bytes.Clone(plainPNG(t)[:33]), chunk("IEND")...)},
		{"PNG bad CRC", pngCRC},
		{"PNG not starting with IHDR", idatFirst},
		{"PNG unknown critical chunk", critical},
	}
	for _, tt := range tests {
		if _, _, err := Strip(tt.data); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	if _, _, err := Strip([]byte("GIF89a")); !errors.Is(err, ErrFormat) {
		t.Errorf("GIF: %v, want ErrFormat", err)
	}
}

// A GPS pointer into nowhere is still a position removed; the walk must
// not fail or panic on it.
func TestStripBrokenEXIFOffsets(t *testing.T) {
	ifd0 := []entry{ascii(0x0110, secretModel), long(0x8825, 0xFFFFFFF0), long(0x8769, 0x7FFFFFFF)}
	tiff := append([]byte{'I', 'I', 42, 0, 8, 0, 0, 0}, ifdBlock(ifd0, 8, 0xFFFFFF00)...)
	plain := plainJPEG(t)
	in := bytes.Join([][]byte{plain[:2], segment(markAPP1, idExif, tiff), plain[2:]}, nil)
	clean, rep, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(clean, plain) {
		t.Error("the broken EXIF block was not removed whole")
	}
	for _, it := range []Item{GPS, Camera, Other} {
		if !rep.Has(it) {
			t.Errorf("report misses %v: %+v", it, rep)
		}
	}
}

// The files in testdata come from Go's image/testdata (BSD licence): a
// progressive JPEG with several scans, one with restart markers, and a CMYK
// JPEG whose Adobe segment tells how to convert its colours.
func TestStripJPEGVariants(t *testing.T) {
	for _, name := range []string{"video-001.q50.420.progressive.jpeg", "video-001.restart2.jpeg", "video-001.cmyk.jpeg"} {
		orig, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		clean, rep, err := Strip(orig)
		if err != nil || !bytes.Equal(clean, orig) || len(rep.Removed) != 0 {
			t.Errorf("%s: a file without metadata changed: %v, %+v", name, err, rep)
		}

		in := bytes.Join([][]byte{orig[:2], segment(markAPP1, idExif, phoneEXIF(3)),
			segment(markCOM, []byte(secretNote)), orig[2:]}, nil)
		clean, _, err = Strip(in)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		o3 := orientationBlock(3)
		want := bytes.Join([][]byte{orig[:2], segment(markAPP1, idExif, o3), orig[2:]}, nil)
		if !bytes.Equal(clean, want) {
			t.Errorf("%s: metadata not removed cleanly", name)
		}
		samePixels(t, in, clean)
	}
}

// A JFIF header may carry an uncompressed thumbnail, which can show the
// photo before it was cropped: the header stays, the thumbnail goes.
func TestStripJFIFThumbnail(t *testing.T) {
	plain := plainJPEG(t)
	thumb := bytes.Repeat([]byte{0xAB, 0xCD, 0xEF}, 2*2)
	in := bytes.Join([][]byte{plain[:2],
		segment(markAPP0, []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x02\x02"), thumb),
		segment(markAPP0, []byte("JFXX\x00\x13"), thumb), plain[2:]}, nil)
	clean, rep, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	want := bytes.Join([][]byte{plain[:2], jfifSegment, plain[2:]}, nil)
	if !bytes.Equal(clean, want) {
		t.Errorf("clean file is not SOI, JFIF without thumbnail and the encoder's segments")
	}
	if !slices.Equal(rep.Removed, []Item{Thumbnail}) {
		t.Errorf("Removed = %v", rep.Removed)
	}
}

// BenchmarkStrip measures a 12-megapixel phone photo (about 4 MB of JPEG).
func BenchmarkStrip(b *testing.B) {
	img := image.NewNRGBA(image.Rect(0, 0, 4000, 3000))
	for i := range img.Pix {
		img.Pix[i] = byte(i*7 + i/4000)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		b.Fatal(err)
	}
	plain := buf.Bytes()
	in := bytes.Join([][]byte{plain[:2], segment(markAPP1, idExif, phoneEXIF(6)), plain[2:]}, nil)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Strip(in); err != nil {
			b.Fatal(err)
		}
	}
}

// Some phones write a GPS IFD holding only its version with location
// turned off: no position was removed, so none is reported.
func TestStripGPSVersionOnly(t *testing.T) {
	ifd0 := []entry{long(0x8825, 8+2+12+4)}
	tiff := append([]byte{'I', 'I', 42, 0, 8, 0, 0, 0}, ifdBlock(ifd0, 8, 0)...)
	tiff = append(tiff, ifdBlock([]entry{{0x0000, 1, 4, []byte{2, 2, 0, 0}}}, 8+2+12+4, 0)...)
	plain := plainJPEG(t)
	in := bytes.Join([][]byte{plain[:2], segment(markAPP1, idExif, tiff), plain[2:]}, nil)
	clean, rep, err := Strip(in)
	if err != nil || !bytes.Equal(clean, plain) {
		t.Fatalf("EXIF not removed: %v", err)
	}
	if rep.Has(GPS) {
		t.Errorf("report claims a position: %v", rep.String())
	}
}
