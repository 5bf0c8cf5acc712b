// Package mapimage prepares a map image uploaded by an officer for the
// public pages: it keeps the original (JPEG or PNG, without its personal
// metadata, see photometa) for "full size on tap", and makes once, at
// upload, a small JPEG copy that a phone can load on a slow connection.
//
// The image's header is read before any pixel is decoded: a file that
// claims absurd dimensions (a decompression bomb: a few kilobytes that
// decode to gigabytes) is refused without allocating its pixels.
package mapimage

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"

	"minhbach/portal/photometa"
)

// Limits of an accepted map and of its small copy.
const (
	// MaxSide is the longest side accepted, in pixels: an A0 sheet scanned
	// at 400 dpi is about 13,200 × 18,700.
	MaxSide = 20000
	// MaxPixels bounds the decoded size: 80 million pixels take 120 MB as
	// a JPEG's YCbCr and 320 MB as a PNG's RGBA, once per upload. A map
	// of 6000 × 4000 (24 million) is well inside.
	MaxPixels = 80_000_000

	// SmallWidth and SmallHeight bound the small copy: the width of a
	// phone screen at 2–3 device pixels per CSS pixel, and twice that in
	// height for maps drawn in portrait.
	SmallWidth  = 1024
	SmallHeight = 2048
	// SmallQuality is the JPEG quality of the small copy: at 75 the
	// roads and boundary lines of a map stay sharp and a 1024-pixel copy
	// weighs 150–400 KB.
	SmallQuality = 75
)

// ErrFormat is returned for data that is neither a JPEG nor a PNG image.
var ErrFormat = errors.New("mapimage: not a JPEG or PNG image")

// ErrCorrupt is returned when the header or the pixels cannot be read.
var ErrCorrupt = errors.New("mapimage: image cannot be read")

// TooLargeError is returned for an image whose header claims more pixels
// than MaxPixels or a side longer than MaxSide.
type TooLargeError struct {
	Width, Height int
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("mapimage: image of %d×%d pixels is too large", e.Width, e.Height)
}

// Map is a prepared map image.
type Map struct {
	Format string // "JPEG" or "PNG"
	// Full is the uploaded file without its metadata: the same pixels,
	// byte for byte (photometa.Strip); an EXIF orientation is kept.
	Full []byte
	// Width and Height are the size of the full image as it is shown,
	// the orientation applied.
	Width, Height int
	// Small is a JPEG copy at most SmallWidth × SmallHeight, or nil when
	// the full image is already that small and needs no turning: then the
	// full file serves as its own small copy.
	Small                   []byte
	SmallWidth, SmallHeight int
	// Removed says what metadata was removed from the original.
	Removed photometa.Report
}

// Prepare checks an uploaded map, strips its metadata and makes its small
// copy with the given scaler (draw.CatmullRom is the portal's choice; see
// the package's benchmark for the alternatives).
func Prepare(data []byte, scaler draw.Scaler) (Map, error) {
	var decodeConfig func([]byte) (image.Config, error)
	var decode func([]byte) (image.Image, error)
	format := ""
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		format = "JPEG"
		decodeConfig = func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) }
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		format = "PNG"
		decodeConfig = func(b []byte) (image.Config, error) { return png.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) }
	default:
		return Map{}, ErrFormat
	}
	cfg, err := decodeConfig(data)
	if err != nil {
		return Map{}, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if err := checkSize(cfg.Width, cfg.Height); err != nil {
		return Map{}, err
	}
	clean, report, err := photometa.Strip(data)
	if err != nil {
		return Map{}, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	m := Map{Format: format, Full: clean, Width: cfg.Width, Height: cfg.Height, Removed: report}
	turned := report.Orientation >= 5 // orientations 5–8 swap the sides
	if turned {
		m.Width, m.Height = cfg.Height, cfg.Width
	}
	sw, sh := fit(m.Width, m.Height, SmallWidth, SmallHeight)
	if sw == m.Width && sh == m.Height && report.Orientation == 0 {
		m.SmallWidth, m.SmallHeight = m.Width, m.Height
		// Decode anyway: a file whose header is fine but whose pixels are
		// broken would show as a broken image on every phone.
		if _, err := decode(clean); err != nil {
			return Map{}, fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		return m, nil
	}
	src, err := decode(clean)
	if err != nil {
		return Map{}, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	// Scale in the stored orientation, then turn the small copy: turning
	// 1 million pixels is cheaper than turning 24 million.
	dw, dh := sw, sh
	if turned {
		dw, dh = sh, sw
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	// A transparent PNG becomes a JPEG on white paper, as it would print.
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	scaler.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
	small := orient(dst, report.Orientation)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, small, &jpeg.Options{Quality: SmallQuality}); err != nil {
		return Map{}, fmt.Errorf("mapimage: encode small copy: %w", err)
	}
	m.Small = out.Bytes()
	m.SmallWidth, m.SmallHeight = small.Bounds().Dx(), small.Bounds().Dy()
	return m, nil
}

// checkSize refuses dimensions that cannot be a map or would take too much
// memory to decode.
func checkSize(w, h int) error {
	if w <= 0 || h <= 0 {
		return fmt.Errorf("%w: empty image", ErrCorrupt)
	}
	if w > MaxSide || h > MaxSide || int64(w)*int64(h) > MaxPixels {
		return &TooLargeError{Width: w, Height: h}
	}
	return nil
}

// fit returns the size of a w × h image scaled down (never up) to fit
// within maxW × maxH, keeping its proportions; no side is below 1.
func fit(w, h, maxW, maxH int) (int, int) {
	if w <= maxW && h <= maxH {
		return w, h
	}
	// Compare w/maxW with h/maxH in integers to avoid rounding surprises.
	if int64(w)*int64(maxH) >= int64(h)*int64(maxW) {
		return maxW, max(1, int((int64(h)*int64(maxW)+int64(w)/2)/int64(w)))
	}
	return max(1, int((int64(w)*int64(maxH)+int64(h)/2)/int64(h))), maxH
}
