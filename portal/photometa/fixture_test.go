package photometa

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

// Test photos: real images from the standard library's encoders, with
// metadata written the way phones and editors write it.

func picture() image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, 40, 24))
	for y := 0; y < 24; y++ {
		for x := 0; x < 40; x++ {
			img.Set(x, y, color.NRGBA{uint8(x * 6), uint8(y * 10), uint8(x*y + 7), 255})
		}
	}
	return img
}

func plainJPEG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, picture(), &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func plainPNG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, picture()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Strings injected as metadata; none may survive.
const (
	secretModel = "Redmi Note 12 Pro"
	secretMake  = "Xiaomi"
	secretTime  = "2026:11:20 08:15:00"
	secretNote  = "Chụp tại nhà ông Nguyễn Văn A"
	secretPlace = "Thôn Đông, xã Trung Trắc"
)

var xmpPacket = []byte(`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>` +
	`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
	`<rdf:Description exif:GPSLatitude="21,1.5N" exif:GPSLongitude="105,51.2E" tiff:Model="` + secretModel + `"/>` +
	`</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`)

// entry is one little-endian TIFF directory entry; val holds the encoded
// value, stored inline when it fits in 4 bytes.
type entry struct {
	tag, typ uint16
	count    uint32
	val      []byte
}

func ascii(tag uint16, s string) entry {
	return entry{tag, 2, uint32(len(s) + 1), append([]byte(s), 0)}
}

func short(tag uint16, v uint16) entry {
	return entry{tag, 3, 1, binary.LittleEndian.AppendUint16(nil, v)}
}

func long(tag uint16, v uint32) entry {
	return entry{tag, 4, 1, binary.LittleEndian.AppendUint32(nil, v)}
}

func rationals(tag uint16, v ...uint32) entry {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, x)
		b = binary.LittleEndian.AppendUint32(b, 1)
	}
	return entry{tag, 5, uint32(len(v)), b}
}

func ifdSize(es []entry) uint32 {
	n := uint32(2 + 12*len(es) + 4)
	for _, e := range es {
		if len(e.val) > 4 {
			n += uint32(len(e.val)+1) &^ 1
		}
	}
	return n
}

// ifdBlock lays out a directory at offset at, its large values after it.
func ifdBlock(es []entry, at, next uint32) []byte {
	b := binary.LittleEndian.AppendUint16(nil, uint16(len(es)))
	extra := at + uint32(2+12*len(es)+4)
	var data []byte
	for _, e := range es {
		b = binary.LittleEndian.AppendUint16(b, e.tag)
		b = binary.LittleEndian.AppendUint16(b, e.typ)
		b = binary.LittleEndian.AppendUint32(b, e.count)
		if len(e.val) <= 4 {
			b = append(b, append(e.val, make([]byte, 4-len(e.val))...)...)
			continue
		}
		b = binary.LittleEndian.AppendUint32(b, extra+uint32(len(data)))
		data = append(data, e.val...)
		if len(data)%2 == 1 {
			data = append(data, 0)
		}
	}
	b = binary.LittleEndian.AppendUint32(b, next)
	return append(b, data...)
}

// phoneEXIF is the TIFF part of an EXIF block as a phone writes it:
// IFD0 with make, model, orientation, time, pointers to the EXIF IFD (time
// taken) and the GPS IFD (position), and an IFD1 for the thumbnail.
func phoneEXIF(orientation uint16) []byte {
	exifIFD := []entry{ascii(0x9003, secretTime), rationals(0x829A, 1, 120)}
	gpsIFD := []entry{
		{0x0000, 1, 4, []byte{2, 2, 0, 0}},
		ascii(0x0001, "N"), rationals(0x0002, 21, 1, 30),
		ascii(0x0003, "E"), rationals(0x0004, 105, 51, 12),
	}
	ifd1 := []entry{short(0x0103, 6)}
	ifd0 := []entry{
		ascii(0x010F, secretMake), ascii(0x0110, secretModel), short(0x0112, orientation),
		ascii(0x0132, secretTime), long(0x8769, 0), long(0x8825, 0),
	}
	at0 := uint32(8)
	atExif := at0 + ifdSize(ifd0)
	atGPS := atExif + ifdSize(exifIFD)
	at1 := atGPS + ifdSize(gpsIFD)
	ifd0[4] = long(0x8769, atExif)
	ifd0[5] = long(0x8825, atGPS)
	b := []byte{'I', 'I', 42, 0, 8, 0, 0, 0}
	b = append(b, ifdBlock(ifd0, at0, at1)...)
	b = append(b, ifdBlock(exifIFD, atExif, 0)...)
	b = append(b, ifdBlock(gpsIFD, atGPS, 0)...)
	return append(b, ifdBlock(ifd1, at1, 0)...)
}

func segment(m byte, parts ...[]byte) []byte {
	body := bytes.Join(parts, nil)
	n := len(body) + 2
	return append([]byte{0xFF, m, byte(n >> 8), byte(n)}, body...)
}

var (
	jfifSegment = segment(markAPP0, []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"))
	iccSegment  = segment(markAPP2, []byte("ICC_PROFILE\x00\x01\x01"), []byte("fake ICC profile: sRGB IEC61966-2.1"))
)

// phoneJPEG is a JPEG carrying everything a phone and an editor add:
// EXIF with GPS, XMP, extended XMP, Photoshop IPTC, FlashPix, MPF, a
// comment, an ICC profile, and a second picture after EOI.
func phoneJPEG(t testing.TB, orientation uint16) []byte {
	plain := plainJPEG(t)
	head := bytes.Join([][]byte{
		jfifSegment,
		segment(markAPP1, idExif, phoneEXIF(orientation)),
		segment(markAPP1, idXMP, xmpPacket),
		segment(markAPP1, idXMPExt, []byte("0123456789ABCDEF0123456789ABCDEF\x00\x00\x01\x00\x00\x00\x00\x00"), xmpPacket),
		iccSegment,
		segment(markAPP2, []byte("FPXR\x00\x00\x01")),
		segment(markAPP2, []byte("MPF\x00II*\x00\x08\x00\x00\x00")),
		segment(markAPP13, idPhotshop, []byte("8BIM\x04\x04\x00\x00\x00\x00\x00\x10\x1c\x02\x5a\x00\x0b"), []byte(secretPlace)),
		segment(markCOM, []byte(secretNote)),
	}, nil)
	out := append([]byte{}, plain[:2]...)
	out = append(out, head...)
	out = append(out, plain[2:]...)
	return append(out, []byte("\xFF\xD8 second picture from "+secretModel)...)
}

func chunk(typ string, parts ...[]byte) []byte {
	body := bytes.Join(parts, nil)
	b := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	b = append(b, typ...)
	b = append(b, body...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(append([]byte(typ), body...)))
}

var (
	iccpChunk = chunk("iCCP", []byte("sRGB profile\x00\x00"), []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	physChunk = chunk("pHYs", []byte{0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1})
	gamaChunk = chunk("gAMA", []byte{0, 0, 0xb1, 0x8f})
)

// phonePNG is a PNG with colour chunks to keep, and eXIf, text, XMP and
// time chunks to drop, plus data after IEND.
func phonePNG(t testing.TB, orientation uint16) []byte {
	plain := plainPNG(t)
	ihdrEnd := 8 + 12 + 13
	extra := bytes.Join([][]byte{
		gamaChunk, iccpChunk, physChunk,
		chunk("eXIf", phoneEXIF(orientation)),
		chunk("tEXt", []byte("Comment\x00"), []byte(secretNote)),
		chunk("zTXt", []byte("Author\x00\x00"), []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}),
		chunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"), xmpPacket),
		chunk("tIME", []byte{0x07, 0xea, 11, 20, 8, 15, 0}),
		chunk("prVt", []byte(secretPlace)),
	}, nil)
	out := append([]byte{}, plain[:ihdrEnd]...)
	out = append(out, extra...)
	out = append(out, plain[ihdrEnd:]...)
	return append(out, []byte("trailer from "+secretModel)...)
}
