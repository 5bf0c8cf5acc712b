package photometa

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

var errTruncatedPNG = errors.New("photometa: truncated PNG")

// pngKeep lists the chunks needed to show the image as its author meant:
// the critical chunks, transparency, colour (gamma, chromaticities, sRGB,
// ICC profile, coding-independent code points, HDR mastering data),
// significant bits, background, histogram, suggested palette, physical
// size, and the APNG animation chunks. Other ancillary chunks are dropped:
// an allowlist, so a vendor's private chunk is not kept by default.
var pngKeep = map[string]bool{
	"IHDR": true, "PLTE": true, "IDAT": true, "IEND": true,
	"tRNS": true, "gAMA": true, "cHRM": true, "sRGB": true, "iCCP": true,
	"cICP": true, "mDCV": true, "cLLI": true, "mDCv": true, "cLLi": true,
	"sBIT": true, "bKGD": true, "hIST": true, "sPLT": true, "pHYs": true,
	"acTL": true, "fcTL": true, "fdAT": true,
}

// pngTextKeywords sorts text chunks by their keyword (PNG spec 11.3.4.2 and
// common practice); any other text counts as Comment.
var pngTextKeywords = map[string]Item{
	"XML:com.adobe.xmp":     XMP,
	"Author":                Author,
	"Copyright":             Author,
	"Creation Time":         TakenAt,
	"Software":              Other,
	"Raw profile type exif": Other,
	"Raw profile type APP1": Other,
	"Raw profile type iptc": IPTC,
	"Raw profile type 8bim": IPTC,
	"Raw profile type xmp":  XMP,
}

// stripPNG copies the chunks in pngKeep and drops the rest, including
// anything after IEND. Every chunk's CRC is checked; kept chunks are copied
// with their CRC untouched.
func stripPNG(data []byte) ([]byte, Report, error) {
	var f found
	var out bytes.Buffer
	orientation := 0
	copied := len(pngMagic)
	out.Grow(len(data))
	out.Write(data[:copied])
	dropped, sawIDAT := false, false

	for p, first := len(pngMagic), true; ; first = false {
		if p+8 > len(data) {
			return nil, Report{}, errTruncatedPNG
		}
		n := binary.BigEndian.Uint32(data[p:])
		typ := string(data[p+4 : p+8])
		if n > 1<<31-1 || uint64(p)+12+uint64(n) > uint64(len(data)) {
			return nil, Report{}, errTruncatedPNG
		}
		body := data[p+8 : p+8+int(n)]
		end := p + 12 + int(n)
		if crc32.ChecksumIEEE(data[p+4:p+8+int(n)]) != binary.BigEndian.Uint32(data[end-4:]) {
			return nil, Report{}, fmt.Errorf("photometa: PNG: bad checksum in chunk %q", typ)
		}
		if first != (typ == "IHDR") {
			return nil, Report{}, fmt.Errorf("photometa: PNG: chunk %q out of place", typ)
		}
		start := p
		p = end
		sawIDAT = sawIDAT || typ == "IDAT"
		if typ == "IEND" {
			if !sawIDAT {
				return nil, Report{}, errors.New("photometa: PNG without image data")
			}
			out.Write(data[copied:p])
			if p < len(data) {
				f[Trailer] = true
				dropped = true
			}
			if !dropped {
				return data, f.report("PNG", orientation, 0), nil
			}
			clean := out.Bytes()
			return clean, f.report("PNG", orientation, len(data)-len(clean)), nil
		}
		if pngKeep[typ] {
			continue
		}
		if typ[0]&0x20 == 0 { // an unknown critical chunk: no viewer can show the image
			return nil, Report{}, fmt.Errorf("photometa: PNG: unknown critical chunk %q", typ)
		}
		if typ == "eXIf" && orientation == 0 && isOrientationOnly(body) && body[19] >= 2 && body[19] <= 8 {
			orientation = int(body[19]) // already the chunk Strip writes
			continue
		}
		out.Write(data[copied:start])
		copied = p
		dropped = true
		switch typ {
		case "eXIf":
			if o := readEXIF(body, &f); o >= 2 && orientation == 0 {
				orientation = o
				writeChunk(&out, "eXIf", orientationEXIF(o))
			}
		case "tEXt", "zTXt", "iTXt":
			describeText(typ, body, &f)
		case "tIME":
			f[TakenAt] = true
		default:
			f[Other] = true
		}
	}
}

// describeText notes what a text chunk held, from its keyword and, for an
// uncompressed XMP packet, its content.
func describeText(typ string, body []byte, f *found) {
	keyword, rest, _ := bytes.Cut(body, []byte{0})
	it, ok := pngTextKeywords[string(keyword)]
	if !ok {
		it = Comment
	}
	f[it] = true
	if it == XMP && typ == "iTXt" && len(rest) > 0 && rest[0] == 0 {
		readXMP(rest, f) // iTXt with compression flag 0: the packet is plain text
	}
}

func writeChunk(out *bytes.Buffer, typ string, body []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(body)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(body)
	out.WriteString(typ)
	out.Write(body)
	out.Write(crc.Sum(nil))
}
