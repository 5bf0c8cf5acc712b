package mapimage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"testing"

	"golang.org/x/image/draw"
)

// drawMap paints a w × h image that looks like a land-use map where it
// matters for scaling: flat zones, one-pixel boundaries, roads, and
// hatched zones whose lines are 4 pixels apart (what aliases first).
func drawMap(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	zones := []color.RGBA{{255, 255, 180, 255}, {200, 240, 200, 255}, {250, 200, 200, 255}, {210, 210, 250, 255}}
	cell := max(w/12, 8)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			zx, zy := x/cell, y/cell
			c := zones[(zx+2*zy)%len(zones)]
			switch {
			case x%cell == 0 || y%cell == 0: // parcel boundary
				c = color.RGBA{40, 40, 40, 255}
			case (zx+zy)%3 == 0 && (x+y)%4 == 0: // hatched zone
				c = color.RGBA{120, 60, 60, 255}
			case (x/3)%(cell/2) == 0: // a road, 3 pixels wide
				c = color.RGBA{255, 255, 255, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func encodeJPEG(t testing.TB, img image.Image, q int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withSegment inserts a JPEG segment right after the SOI marker.
func withSegment(jpg []byte, marker byte, payload []byte) []byte {
	seg := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return bytes.Join([][]byte{jpg[:2], seg, payload, jpg[2:]}, nil)
}

// exifOrientation is an EXIF APP1 payload holding only the orientation
// tag (big-endian TIFF, IFD0 with one SHORT entry 0x0112).
func exifOrientation(o byte) []byte {
	return []byte("Exif\x00\x00" + "MM\x00\x2a\x00\x00\x00\x08" + "\x00\x01" +
		"\x01\x12\x00\x03\x00\x00\x00\x01\x00" + string([]byte{o}) + "\x00\x00" + "\x00\x00\x00\x00")
}

// pngHeader is the start of a PNG file: the signature and an IHDR chunk
// claiming w × h pixels of 8-bit RGBA, with a correct CRC, and nothing
// else: a few dozen bytes that a careless decoder would try to expand.
func pngHeader(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // bit depth, colour type RGBA
	chunk := append([]byte("IHDR"), ihdr...)
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

// jpegHeader is a baseline JPEG start claiming w × h pixels: SOI, JFIF,
// one quantisation table and a SOF0, without image data.
func jpegHeader(w, h uint16) []byte {
	jfif := []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
	dqt := append([]byte{0}, bytes.Repeat([]byte{1}, 64)...)
	sof := []byte{8, 0, 0, 0, 0, 1, 1, 0x11, 0}
	binary.BigEndian.PutUint16(sof[1:], h)
	binary.BigEndian.PutUint16(sof[3:], w)
	out := []byte{0xFF, 0xD8}
	for _, s := range []struct {
		m byte
		p []byte
	}{{0xE0, jfif}, {0xDB, dqt}, {0xC0, sof}} {
		out = append(out, 0xFF, s.m, 0, 0)
		binary.BigEndian.PutUint16(out[len(out)-2:], uint16(len(s.p)+2))
		out = append(out, s.p...)
	}
	return out
}

func decodeSmall(t *testing.T, m Map) image.Image {
	t.Helper()
	img, err := jpeg.Decode(bytes.NewReader(m.Small))
	if err != nil {
		t.Fatalf("small copy is not a JPEG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != m.SmallWidth || b.Dy() != m.SmallHeight {
		t.Fatalf("small copy is %v, Map says %d×%d", b, m.SmallWidth, m.SmallHeight)
	}
	return img
}

func TestPrepareLargeJPEG(t *testing.T) {
	secret := []byte("Nguyen Van Demo, 21.0278N 105.8342E")
	in := withSegment(encodeJPEG(t, drawMap(3000, 2000), 90), 0xFE, secret)
	m, err := Prepare(in, draw.CatmullRom)
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != "JPEG" || m.Width != 3000 || m.Height != 2000 {
		t.Errorf("Map = %s %d×%d, want JPEG 3000×2000", m.Format, m.Width, m.Height)
	}
	if m.SmallWidth != 1024 || m.SmallHeight != 683 {
		t.Errorf("small copy %d×%d, want 1024×683", m.SmallWidth, m.SmallHeight)
	}
	decodeSmall(t, m)
	for name, b := range map[string][]byte{"full": m.Full, "small": m.Small} {
		if bytes.Contains(b, secret) {
			t.Errorf("%s copy still carries the comment", name)
		}
	}
	if len(m.Removed.Removed) == 0 {
		t.Errorf("report %q names nothing removed", m.Removed)
	}
	if len(m.Small) > len(m.Full)/4 {
		t.Errorf("small copy is %d bytes, full %d: not much of a saving for a phone", len(m.Small), len(m.Full))
	}
}

func TestPrepareTransparentPNG(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 2048, 1024))
	for y := 0; y < 1024; y++ {
		for x := 1024; x < 2048; x++ {
			img.SetNRGBA(x, y, color.NRGBA{0, 0, 200, 255})
		}
	} // left half stays fully transparent
	m, err := Prepare(encodePNG(t, img), draw.CatmullRom)
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != "PNG" || m.SmallWidth != 1024 || m.SmallHeight != 512 {
		t.Fatalf("Map = %s small %d×%d, want PNG with a 1024×512 copy", m.Format, m.SmallWidth, m.SmallHeight)
	}
	small := decodeSmall(t, m)
	r, g, b, _ := small.At(200, 256).RGBA()
	if r>>8 < 240 || g>>8 < 240 || b>>8 < 240 {
		t.Errorf("transparent area is (%d,%d,%d), want white paper", r>>8, g>>8, b>>8)
	}
	r, g, b, _ = small.At(800, 256).RGBA()
	if r>>8 > 30 || g>>8 > 30 || b>>8 < 170 {
		t.Errorf("blue area is (%d,%d,%d)", r>>8, g>>8, b>>8)
	}
}

func TestPrepareSmallImageServesItself(t *testing.T) {
	in := encodePNG(t, drawMap(800, 600))
	m, err := Prepare(in, draw.CatmullRom)
	if err != nil {
		t.Fatal(err)
	}
	if m.Small != nil || m.SmallWidth != 800 || m.SmallHeight != 600 {
		t.Errorf("Map small = %d bytes %d×%d, want none (the full file serves) at 800×600", len(m.Small), m.SmallWidth, m.SmallHeight)
	}
	if !bytes.Equal(m.Full, in) {
		t.Error("a PNG without metadata changed")
	}
}

// A phone photo of a paper map, stored sideways with orientation 6: the
// small copy is turned in pixels, since it carries no EXIF.
func TestPrepareOrientation(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 2000, 1000))
	for y := 0; y < 1000; y++ {
		for x := 0; x < 2000; x++ {
			c := color.RGBA{220, 0, 0, 255} // left half red
			if x >= 1000 {
				c = color.RGBA{0, 0, 220, 255} // right half blue
			}
			img.SetRGBA(x, y, c)
		}
	}
	in := withSegment(encodeJPEG(t, img, 90), 0xE1, exifOrientation(6))
	m, err := Prepare(in, draw.CatmullRom)
	if err != nil {
		t.Fatal(err)
	}
	if m.Width != 1000 || m.Height != 2000 || m.SmallWidth != 1000 || m.SmallHeight != 2000 {
		t.Fatalf("shown %d×%d, small %d×%d; want both 1000×2000", m.Width, m.Height, m.SmallWidth, m.SmallHeight)
	}
	small := decodeSmall(t, m)
	// Turned 90° clockwise, the left of the photo is at the top.
	if r, _, b, _ := small.At(500, 400).RGBA(); r>>8 < 180 || b>>8 > 60 {
		t.Errorf("top is (%d,_,%d), want red", r>>8, b>>8)
	}
	if r, _, b, _ := small.At(500, 1600).RGBA(); b>>8 < 180 || r>>8 > 60 {
		t.Errorf("bottom is (%d,_,%d), want blue", r>>8, b>>8)
	}
}

func TestOrientAll(t *testing.T) {
	// A 3 × 2 image with distinct pixels; each orientation checked at the
	// displayed top-left pixel, which names the stored corner it shows.
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
	}
	at := func(m *image.RGBA, x, y int) byte { return m.Pix[m.PixOffset(x, y)] }
	tl, tr, bl, br := at(img, 0, 0), at(img, 2, 0), at(img, 0, 1), at(img, 2, 1)
	for _, tc := range []struct {
		o    int
		w, h int
		want byte
	}{{1, 3, 2, tl}, {2, 3, 2, tr}, {3, 3, 2, br}, {4, 3, 2, bl}, {5, 2, 3, tl}, {6, 2, 3, bl}, {7, 2, 3, br}, {8, 2, 3, tr}} {
		out := orient(img, tc.o)
		if out.Rect.Dx() != tc.w || out.Rect.Dy() != tc.h || at(out, 0, 0) != tc.want {
			t.Errorf("orientation %d: %v top-left %d, want %d×%d top-left %d", tc.o, out.Rect, at(out, 0, 0), tc.w, tc.h, tc.want)
		}
	}
}

func TestPrepareRefuses(t *testing.T) {
	var gifData bytes.Buffer
	if err := gif.Encode(&gifData, image.NewPaletted(image.Rect(0, 0, 10, 10), color.Palette{color.White}), nil); err != nil {
		t.Fatal(err)
	}
	whole := encodeJPEG(t, drawMap(1200, 800), 85)
	for _, tc := range []struct {
		name string
		data []byte
		is   error
		big  bool
	}{
		{"gif", gifData.Bytes(), ErrFormat, false},
		{"pdf", []byte("%PDF-1.4\n"), ErrFormat, false},
		{"empty", nil, ErrFormat, false},
		{"png bomb", pngHeader(100000, 100000), nil, true},
		{"png too many pixels", pngHeader(10000, 9000), nil, true},
		{"jpeg bomb", jpegHeader(65000, 65000), nil, true},
		{"png zero width", pngHeader(0, 10), ErrCorrupt, false},
		{"truncated jpeg", whole[:len(whole)/2], ErrCorrupt, false},
		{"header only", jpegHeader(800, 600), ErrCorrupt, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Prepare(tc.data, draw.CatmullRom)
			var tl *TooLargeError
			switch {
			case err == nil:
				t.Fatal("accepted")
			case tc.big && !errors.As(err, &tl):
				t.Fatalf("err = %v, want TooLargeError", err)
			case !tc.big && !errors.Is(err, tc.is):
				t.Fatalf("err = %v, want %v", err, tc.is)
			}
		})
	}
}

func TestFit(t *testing.T) {
	for _, tc := range []struct{ w, h, ww, wh int }{
		{6000, 4000, 1024, 683},
		{4000, 6000, 1024, 1536},
		{1000, 9000, 228, 2048},
		{1024, 2048, 1024, 2048},
		{50000, 10, 1024, 1},
		{500, 500, 500, 500},
	} {
		if w, h := fit(tc.w, tc.h, SmallWidth, SmallHeight); w != tc.ww || h != tc.wh {
			t.Errorf("fit(%d, %d) = %d×%d, want %d×%d", tc.w, tc.h, w, h, tc.ww, tc.wh)
		}
	}
}

// psnr compares two images of the same size, in dB (higher is closer).
func psnr(a, b image.Image) float64 {
	var sum float64
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			for _, d := range []float64{float64(ar>>8) - float64(br>>8), float64(ag>>8) - float64(bg>>8), float64(ab>>8) - float64(bb>>8)} {
				sum += d * d
			}
		}
	}
	mse := sum / float64(3*r.Dx()*r.Dy())
	return 10 * math.Log10(255*255/mse)
}

// boxDown is the reference downscale: every output pixel the average of
// the k × k input pixels it covers.
func boxDown(src *image.RGBA, k int) *image.RGBA {
	w, h := src.Rect.Dx()/k, src.Rect.Dy()/k
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var s [3]int
			for dy := 0; dy < k; dy++ {
				for dx := 0; dx < k; dx++ {
					i := src.PixOffset(x*k+dx, y*k+dy)
					s[0] += int(src.Pix[i])
					s[1] += int(src.Pix[i+1])
					s[2] += int(src.Pix[i+2])
				}
			}
			o := out.PixOffset(x, y)
			n := k * k
			out.Pix[o], out.Pix[o+1], out.Pix[o+2], out.Pix[o+3] = byte(s[0]/n), byte(s[1]/n), byte(s[2]/n), 255
		}
	}
	return out
}

// TestScalerQuality is why the portal uses CatmullRom: scaling a map down
// 4×, ApproxBiLinear samples 4 of the 16 pixels behind each output pixel,
// so hatching and one-pixel boundaries turn into moiré or vanish, while
// CatmullRom widens its kernel and averages them all.
func TestScalerQuality(t *testing.T) {
	src := drawMap(4096, 2048)
	ref := boxDown(src, 4)
	score := map[string]float64{}
	for name, s := range map[string]draw.Scaler{"CatmullRom": draw.CatmullRom, "ApproxBiLinear": draw.ApproxBiLinear} {
		dst := image.NewRGBA(ref.Rect)
		s.Scale(dst, dst.Rect, src, src.Rect, draw.Src, nil)
		score[name] = psnr(dst, ref)
		t.Logf("%s: %.1f dB against the area average", name, score[name])
	}
	if score["CatmullRom"] < 30 {
		t.Errorf("CatmullRom at %.1f dB: the small copy does not look like the map", score["CatmullRom"])
	}
	if score["CatmullRom"] < score["ApproxBiLinear"]+5 {
		t.Errorf("CatmullRom %.1f dB, ApproxBiLinear %.1f dB: expected a clear gap", score["CatmullRom"], score["ApproxBiLinear"])
	}
}

// BenchmarkPrepare6000x4000 times a whole upload of a 6000 × 4000 map
// (decode, strip, scale to 1024 wide, encode) with each scaler.
func BenchmarkPrepare6000x4000(b *testing.B) {
	in := encodeJPEG(b, drawMap(6000, 4000), 90)
	b.Logf("input: %d bytes", len(in))
	for _, s := range []struct {
		name string
		s    draw.Scaler
	}{{"CatmullRom", draw.CatmullRom}, {"ApproxBiLinear", draw.ApproxBiLinear}, {"BiLinear", draw.BiLinear}} {
		b.Run(s.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Prepare(in, s.s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
