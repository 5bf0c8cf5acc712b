package photometa

import (
	"bytes"
	"encoding/binary"
)

// TIFF tags read to describe an EXIF block. Only IFD0, the EXIF IFD and the
// GPS IFD are looked at; values themselves are never read except Orientation.
const (
	tagOrientation = 0x0112
	tagExifIFD     = 0x8769
	tagGPSIFD      = 0x8825
	tagGPSVersion  = 0x0000
	tagTypeShort   = 3
)

// exifTags sorts the tags that matter to a resident; every other tag counts
// as Other.
var exifTags = map[uint16]Item{
	0x010F: Camera,  // Make
	0x0110: Camera,  // Model
	0xA430: Camera,  // CameraOwnerName
	0xA431: Camera,  // BodySerialNumber
	0xA433: Camera,  // LensMake
	0xA434: Camera,  // LensModel
	0xA435: Camera,  // LensSerialNumber
	0x927C: Camera,  // MakerNote: vendor data, often serial numbers
	0x0132: TakenAt, // DateTime (last change)
	0x9003: TakenAt, // DateTimeOriginal
	0x9004: TakenAt, // DateTimeDigitized
	0x013B: Author,  // Artist
	0x8298: Author,  // Copyright
	0x9C9D: Author,  // XPAuthor
	0x010E: Comment, // ImageDescription
	0x9286: Comment, // UserComment
	0x9C9B: Comment, // XPTitle
	0x9C9C: Comment, // XPComment
	0x9C9E: Comment, // XPKeywords
	0x9C9F: Comment, // XPSubject
}

// tiff reads a TIFF structure with every offset checked against its end.
type tiff struct {
	b   []byte
	ord binary.ByteOrder
}

func newTIFF(b []byte) (tiff, uint32, bool) {
	if len(b) < 8 {
		return tiff{}, 0, false
	}
	t := tiff{b: b}
	switch string(b[:2]) {
	case "II":
		t.ord = binary.LittleEndian
	case "MM":
		t.ord = binary.BigEndian
	default:
		return tiff{}, 0, false
	}
	if t.ord.Uint16(b[2:]) != 42 {
		return tiff{}, 0, false
	}
	return t, t.ord.Uint32(b[4:]), true
}

// ifdEntry is one 12-byte directory entry.
type ifdEntry struct {
	tag, typ uint16
	count    uint32
	value    []byte // the 4-byte value/offset field
}

// ifd returns the entries of the directory at off and the offset of the
// next one, or ok=false when the directory does not fit.
func (t tiff) ifd(off uint32) (entries []ifdEntry, next uint32, ok bool) {
	if off < 8 || uint64(off)+2 > uint64(len(t.b)) {
		return nil, 0, false
	}
	n := uint64(t.ord.Uint16(t.b[off:]))
	end := uint64(off) + 2 + 12*n
	if end+4 > uint64(len(t.b)) {
		return nil, 0, false
	}
	for i := uint64(0); i < n; i++ {
		e := t.b[uint64(off)+2+12*i:]
		entries = append(entries, ifdEntry{
			tag: t.ord.Uint16(e), typ: t.ord.Uint16(e[2:]),
			count: t.ord.Uint32(e[4:]), value: e[8:12],
		})
	}
	return entries, t.ord.Uint32(t.b[end:]), true
}

// readEXIF describes a TIFF-structured EXIF block (without the "Exif\0\0"
// prefix of JPEG) into f and returns its orientation, or 0. A block that
// cannot be read is still removed, and still reported: a GPS pointer that
// leads nowhere counts as a position, to err on the side of telling.
func readEXIF(b []byte, f *found) (orientation int) {
	t, off, ok := newTIFF(b)
	if !ok {
		f[Other] = true
		return 0
	}
	ifd0, next, ok := t.ifd(off)
	if !ok {
		f[Other] = true
		return 0
	}
	if next != 0 {
		f[Thumbnail] = true
	}
	for _, e := range ifd0 {
		switch e.tag {
		case tagOrientation:
			if e.typ == tagTypeShort && e.count == 1 {
				if v := int(t.ord.Uint16(e.value)); v >= 1 && v <= 8 {
					orientation = v
				}
			}
		case tagGPSIFD:
			if gps, _, ok := t.ifd(t.ord.Uint32(e.value)); !ok || hasPosition(gps) {
				f[GPS] = true
			}
		case tagExifIFD:
			sub, _, ok := t.ifd(t.ord.Uint32(e.value))
			if !ok {
				f[Other] = true
			}
			for _, s := range sub {
				note(f, s.tag)
			}
		default:
			note(f, e.tag)
		}
	}
	return orientation
}

// hasPosition reports whether a GPS IFD holds more than its version
// number, which some phones write with location turned off.
func hasPosition(gps []ifdEntry) bool {
	for _, g := range gps {
		if g.tag != tagGPSVersion {
			return true
		}
	}
	return false
}

func note(f *found, tag uint16) {
	if it, ok := exifTags[tag]; ok {
		f[it] = true
	} else {
		f[Other] = true
	}
}

// orientationEXIF is the smallest valid EXIF block: a big-endian TIFF
// header and one IFD holding only the Orientation tag.
func orientationEXIF(orientation int) []byte {
	b := []byte{
		'M', 'M', 0, 42, 0, 0, 0, 8, // header, IFD0 at 8
		0, 1, // one entry
		0x01, 0x12, 0, tagTypeShort, 0, 0, 0, 1, 0, byte(orientation), 0, 0, // Orientation, SHORT, 1 value
		0, 0, 0, 0, // no next IFD
	}
	return b
}

// isOrientationOnly reports whether b is already the block Strip writes, so
// that stripping a clean photo twice leaves it unchanged.
func isOrientationOnly(b []byte) bool {
	if len(b) != 26 {
		return false
	}
	return bytes.Equal(b, orientationEXIF(int(b[19])))
}
