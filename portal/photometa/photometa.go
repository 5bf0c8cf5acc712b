// Package photometa removes personal metadata (GPS position, phone model,
// time taken, comments, XMP, IPTC) from JPEG and PNG photos before they are
// stored, without decoding the image: the pixels and every segment or chunk
// needed to show them are kept byte for byte.
//
// One tag is kept on purpose: the EXIF Orientation. Phones store photos
// sideways and tell viewers to rotate them; dropping that tag would show a
// resident's photo lying on its side. When the original says the photo must
// be rotated (orientation 2–8), Strip writes a new EXIF block holding only
// that tag where the old one was. It says nothing about the person.
//
// The caller stores the clean bytes, hashes them (the hash shown is that of
// the stored file) and shows Report.String to the resident and the officer.
package photometa

import (
	"bytes"
	"errors"
	"strings"
)

// ErrFormat is returned for data that is neither JPEG nor PNG.
var ErrFormat = errors.New("photometa: not a JPEG or PNG image")

// Item is one kind of information found in a photo and removed.
type Item int

// The kinds of information Strip recognises, in the order a report lists them.
const (
	GPS       Item = iota // the position where the photo was taken
	Camera                // make, model, serial number, owner of the camera or phone
	TakenAt               // when the photo was taken or changed
	Author                // artist, author, copyright holder
	Comment               // descriptions, titles, comments
	Thumbnail             // a small copy of the photo, possibly before cropping
	XMP                   // an XMP packet (editing history, often a position too)
	IPTC                  // Photoshop resources and IPTC fields (caption, place, author)
	Trailer               // data after the end of the image (extra pictures, video)
	Other                 // any other technical data not needed to show the image
	numItems
)

var itemNames = [numItems]string{
	GPS:       "vị trí GPS",
	Camera:    "tên máy ảnh/điện thoại",
	TakenAt:   "thời gian chụp",
	Author:    "tên tác giả",
	Comment:   "chú thích",
	Thumbnail: "ảnh thu nhỏ kèm theo",
	XMP:       "dữ liệu XMP",
	IPTC:      "dữ liệu IPTC/Photoshop",
	Trailer:   "dữ liệu gắn sau ảnh",
	Other:     "thông tin kỹ thuật khác",
}

// String names the item in Vietnamese, for residents and officers.
func (i Item) String() string {
	if i < 0 || i >= numItems {
		return "?"
	}
	return itemNames[i]
}

// Report says what Strip removed.
type Report struct {
	Format       string // "JPEG" or "PNG"
	Removed      []Item // what was found and removed, in the order of the Item constants
	Orientation  int    // the EXIF orientation kept (2–8), or 0 when none was needed
	BytesRemoved int    // len(data) - len(clean); negative in the rare case the new EXIF block is larger
}

// Has reports whether the item was removed.
func (r Report) Has(i Item) bool {
	for _, it := range r.Removed {
		if it == i {
			return true
		}
	}
	return false
}

// String is the sentence shown next to an uploaded photo, for example
// "Đã xóa: vị trí GPS, tên máy ảnh/điện thoại, thời gian chụp."
func (r Report) String() string {
	var b strings.Builder
	if len(r.Removed) == 0 {
		b.WriteString("Ảnh không chứa thông tin cá nhân cần xóa.")
	} else {
		b.WriteString("Đã xóa: ")
		for n, it := range r.Removed {
			if n > 0 {
				b.WriteString(", ")
			}
			b.WriteString(it.String())
		}
		b.WriteString(".")
	}
	if r.Orientation != 0 {
		b.WriteString(" Giữ lại hướng xoay của ảnh.")
	}
	return b.String()
}

// found collects items while a file is walked.
type found [numItems]bool

func (f *found) report(format string, orientation, removed int) Report {
	r := Report{Format: format, Orientation: orientation, BytesRemoved: removed}
	for i, ok := range f {
		if ok {
			r.Removed = append(r.Removed, Item(i))
		}
	}
	return r
}

var (
	jpegMagic = []byte{0xFF, 0xD8, 0xFF}
	pngMagic  = []byte("\x89PNG\r\n\x1a\n")
)

// Strip returns data without its personal metadata, and what it removed.
// JPEG and PNG are accepted (recognised by content, as the portal's upload
// does). A truncated or malformed file is an error; nothing is guessed.
// When nothing needs removing, clean is data itself.
func Strip(data []byte) (clean []byte, report Report, err error) {
	switch {
	case bytes.HasPrefix(data, jpegMagic):
		return stripJPEG(data)
	case bytes.HasPrefix(data, pngMagic):
		return stripPNG(data)
	}
	return nil, Report{}, ErrFormat
}
