package photometa

import (
	"bytes"
	"errors"
	"fmt"
)

// JPEG markers that matter here.
const (
	markSOI   = 0xD8
	markEOI   = 0xD9
	markSOS   = 0xDA
	markRST0  = 0xD0
	markRST7  = 0xD7
	markTEM   = 0x01
	markAPP0  = 0xE0
	markAPP1  = 0xE1
	markAPP2  = 0xE2
	markAPP13 = 0xED
	markAPP14 = 0xEE
	markAPP15 = 0xEF
	markCOM   = 0xFE
)

// Identifiers at the start of APPn segments.
var (
	idJFIF     = []byte("JFIF\x00")
	idExif     = []byte("Exif\x00\x00")
	idXMP      = []byte("http://ns.adobe.com/xap/1.0/\x00")
	idXMPExt   = []byte("http://ns.adobe.com/xmp/extension/\x00")
	idICC      = []byte("ICC_PROFILE\x00")
	idAdobe    = []byte("Adobe")
	idPhotshop = []byte("Photoshop 3.0\x00")
)

var errTruncated = errors.New("photometa: truncated JPEG")

// stripJPEG walks the segments and copies those needed to show the image:
// SOF, DQT, DHT, DRI, SOS with its entropy-coded data, and among the APPn
// segments only JFIF (APP0), ICC_PROFILE (APP2) and Adobe (APP14, which
// says how to convert CMYK/YCCK). Every other APPn and COM is dropped: an
// allowlist, so a vendor's segment unknown today is not kept by default.
// Data after EOI (MPF second pictures, motion-photo video) is dropped too.
func stripJPEG(data []byte) ([]byte, Report, error) {
	var f found
	var out bytes.Buffer
	orientation := 0
	copied := 2 // data[:copied] is in out, or deliberately skipped
	out.Grow(len(data))
	out.Write(data[:2])
	dropped, scanned := false, false

	p := 2
	for {
		// A marker: 0xFF, optional fill bytes 0xFF, then the code.
		start := p
		if p >= len(data) {
			return nil, Report{}, errTruncated
		}
		if data[p] != 0xFF {
			return nil, Report{}, fmt.Errorf("photometa: JPEG: no marker at byte %d", p)
		}
		for p < len(data) && data[p] == 0xFF {
			p++
		}
		if p >= len(data) {
			return nil, Report{}, errTruncated
		}
		m := data[p]
		p++
		switch {
		case m == markEOI:
			if !scanned {
				return nil, Report{}, errors.New("photometa: JPEG without image data")
			}
			out.Write(data[copied:p])
			if p < len(data) {
				f[Trailer] = true
				dropped = true
			}
			if !dropped {
				return data, f.report("JPEG", orientation, 0), nil
			}
			clean := out.Bytes()
			return clean, f.report("JPEG", orientation, len(data)-len(clean)), nil
		case m == markSOI || m == 0x00:
			return nil, Report{}, fmt.Errorf("photometa: JPEG: unexpected marker %#02x at byte %d", m, start)
		case m == markTEM || (m >= markRST0 && m <= markRST7):
			continue // standalone, kept by the next copy
		}
		if p+2 > len(data) {
			return nil, Report{}, errTruncated
		}
		n := int(data[p])<<8 | int(data[p+1])
		if n < 2 || p+n > len(data) {
			return nil, Report{}, errTruncated
		}
		body := data[p+2 : p+n]
		p += n
		if m == markSOS {
			end, err := scanEnd(data, p)
			if err != nil {
				return nil, Report{}, err
			}
			p, scanned = end, true
			continue
		}
		if keepJPEGSegment(m, body) {
			continue
		}
		if m == markAPP1 && bytes.HasPrefix(body, idExif) && orientation == 0 {
			if exif := body[len(idExif):]; isOrientationOnly(exif) && exif[19] >= 2 && exif[19] <= 8 {
				orientation = int(exif[19]) // already the block Strip writes
				continue
			}
		}
		// Drop data[start:p]: copy what came before it first.
		out.Write(data[copied:start])
		copied = p
		dropped = true
		if m == markAPP1 && bytes.HasPrefix(body, idExif) {
			if o := readEXIF(body[len(idExif):], &f); o >= 2 && orientation == 0 {
				orientation = o
				writeSegment(&out, markAPP1, append(append([]byte{}, idExif...), orientationEXIF(o)...))
			}
			continue
		}
		if m == markAPP0 && bytes.HasPrefix(body, idJFIF) {
			// JFIF with a thumbnail: keep the header, say it has none.
			f[Thumbnail] = true
			writeSegment(&out, markAPP0, append(bytes.Clone(body[:jfifSize-2]), 0, 0))
			continue
		}
		describeJPEGSegment(m, body, &f)
	}
}

// jfifSize is the length of a JFIF APP0 body without a thumbnail: the
// identifier, version, density unit and densities, and the thumbnail's
// width and height, which end the header.
const jfifSize = 14

// keepJPEGSegment says whether a segment other than SOS is needed to show
// the image.
func keepJPEGSegment(m byte, body []byte) bool {
	switch {
	case m == markAPP0:
		return bytes.HasPrefix(body, idJFIF) && len(body) <= jfifSize
	case m == markAPP2:
		return bytes.HasPrefix(body, idICC)
	case m == markAPP14:
		return bytes.HasPrefix(body, idAdobe)
	case m >= markAPP0 && m <= markAPP15, m == markCOM:
		return false
	}
	return true // SOFn, DHT, DQT, DRI, DNL, DAC, EXP, JPG extensions
}

// describeJPEGSegment notes what a dropped segment (other than EXIF) held.
func describeJPEGSegment(m byte, body []byte, f *found) {
	switch {
	case m == markCOM:
		f[Comment] = true
	case m == markAPP0 && bytes.HasPrefix(body, []byte("JFXX\x00")):
		f[Thumbnail] = true
	case m == markAPP1 && (bytes.HasPrefix(body, idXMP) || bytes.HasPrefix(body, idXMPExt)):
		f[XMP] = true
		readXMP(body, f)
	case m == markAPP13 && bytes.HasPrefix(body, idPhotshop):
		f[IPTC] = true
	default:
		f[Other] = true // FlashPix, MPF, JFXX thumbnails, vendor segments
	}
}

// scanEnd returns the offset of the marker that ends the entropy-coded data
// starting at p. Inside it, 0xFF is followed by 0x00 (a stuffed byte), a
// restart marker, or more 0xFF fill bytes.
func scanEnd(data []byte, p int) (int, error) {
	for {
		i := bytes.IndexByte(data[p:], 0xFF)
		if i < 0 {
			return 0, errTruncated
		}
		p += i
		if p+1 >= len(data) {
			return 0, errTruncated
		}
		switch c := data[p+1]; {
		case c == 0x00 || (c >= markRST0 && c <= markRST7):
			p += 2
		case c == 0xFF:
			p++
		default:
			return p, nil
		}
	}
}

func writeSegment(out *bytes.Buffer, m byte, body []byte) {
	n := len(body) + 2
	out.Write([]byte{0xFF, m, byte(n >> 8), byte(n)})
	out.Write(body)
}

// xmpHints maps XMP property names to what they reveal. XMP is dropped as a
// whole; these only make the report precise.
var xmpHints = []struct {
	name string
	item Item
}{
	{"GPSLatitude", GPS}, {"GPSLongitude", GPS}, {"LocationCreated", GPS},
	{"tiff:Make", Camera}, {"tiff:Model", Camera}, {"aux:SerialNumber", Camera},
	{"DateTimeOriginal", TakenAt}, {"xmp:CreateDate", TakenAt}, {"photoshop:DateCreated", TakenAt},
	{"dc:creator", Author}, {"dc:rights", Author},
	{"dc:description", Comment}, {"dc:title", Comment},
}

func readXMP(b []byte, f *found) {
	for _, h := range xmpHints {
		if bytes.Contains(b, []byte(h.name)) {
			f[h.item] = true
		}
	}
}
