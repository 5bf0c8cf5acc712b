package portal

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Types of attachment the portal accepts, recognised by content.
const (
	mimePDF  = "application/pdf"
	mimeDOC  = "application/msword"
	mimeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	mimeXLS  = "application/vnd.ms-excel"
	mimeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	mimeODT  = "application/vnd.oasis.opendocument.text"
	mimeODS  = "application/vnd.oasis.opendocument.spreadsheet"
	mimeJPEG = "image/jpeg"
	mimePNG  = "image/png"
)

// extTypes maps each accepted extension to the type its content must have.
var extTypes = map[string]string{
	".pdf": mimePDF, ".doc": mimeDOC, ".docx": mimeDOCX, ".xls": mimeXLS, ".xlsx": mimeXLSX,
	".odt": mimeODT, ".ods": mimeODS, ".jpg": mimeJPEG, ".jpeg": mimeJPEG, ".png": mimePNG,
}

// acceptedExtensions is shown to officers next to the file field.
const acceptedExtensions = ".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png"

var ole2Magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniffType recognises an accepted type from the bytes, or returns "".
// Legacy .doc and .xls share one container (OLE2); the extension tells
// them apart once the container is confirmed.
func sniffType(data []byte, ext string) string {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return mimePDF
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return mimeJPEG
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return mimePNG
	case bytes.HasPrefix(data, ole2Magic):
		if ext == ".xls" {
			return mimeXLS
		}
		return mimeDOC
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return sniffZip(data)
	}
	return ""
}

// sniffZip tells Office Open XML and OpenDocument files apart by the
// entries they must contain.
func sniffZip(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	var hasTypes bool
	for _, f := range zr.File {
		switch {
		case f.Name == "[Content_Types].xml":
			hasTypes = true
		case f.Name == "mimetype":
			rc, err := f.Open()
			if err != nil {
				return ""
			}
			var b [64]byte
			n, _ := rc.Read(b[:])
			rc.Close()
			switch strings.TrimSpace(string(b[:n])) {
			case mimeODT:
				return mimeODT
			case mimeODS:
				return mimeODS
			}
		}
	}
	if !hasTypes {
		return ""
	}
	for _, f := range zr.File {
		switch {
		case strings.HasPrefix(f.Name, "word/"):
			return mimeDOCX
		case strings.HasPrefix(f.Name, "xl/"):
			return mimeXLSX
		}
	}
	return ""
}

// cleanFilename keeps the base name of an upload, at most 150 characters,
// never empty, and without control or invisible format characters: the
// bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks
// (U+200E, U+200F, U+061C) and the rest of categories Cc and Cf, with
// which "hoa_don\u202Efdp.exe" shows as "hoa_donexe.pdf". Letters and
// combining marks, Vietnamese ones included, stay.
func cleanFilename(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = filepath.Base(name)
	var b strings.Builder
	for _, r := range name {
		if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) || r == '"' || r == '/' || r == utf8.RuneError {
			continue
		}
		b.WriteRune(r)
	}
	name = strings.TrimSpace(b.String())
	if r := []rune(name); len(r) > 150 {
		ext := filepath.Ext(name)
		name = string(r[:150-len([]rune(ext))]) + ext
	}
	if name == "" || name == "." {
		name = "tep-dinh-kem"
	}
	return name
}
