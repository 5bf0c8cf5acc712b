package portal

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/photometa"
)

// maxAskUpload is the largest file a resident may send with a question: a
// phone photo is 2–8 MB, a scanned letter as PDF a few MB.
const maxAskUpload = 10 << 20

// askAccept is the file field's accept list: a photo or a PDF, by
// extension and type, so that a phone offers the camera and its photos.
const askAccept = ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"

// askUpload is a resident's file, checked and cleaned, not yet stored.
type askUpload struct {
	name, mime string
	data       []byte // for a photo: the bytes without metadata
	stripped   string // what photometa removed, for the asker and officers
}

// readAskUpload reads the form's file, if any: the same checks as officers'
// uploads (size; the content must be what the extension says), then a
// photo loses its metadata (GPS position, phone model…) here, before
// anything is stored, so the stored file and its hash are the clean ones.
// A refused file is reported in errs["file"].
func readAskUpload(c *fiber.Ctx, errs fieldErrors) (*askUpload, error) {
	fh, err := c.FormFile("file")
	if err != nil || (fh.Size == 0 && fh.Filename == "") {
		return nil, nil // no file chosen
	}
	name := cleanFilename(fh.Filename)
	ext := strings.ToLower(filepath.Ext(name))
	want := extTypes[ext]
	switch {
	case fh.Size == 0:
		errs["file"] = fmt.Sprintf("Tệp “%s” rỗng. Hãy chọn lại tệp.", name)
		return nil, nil
	case fh.Size > maxAskUpload:
		errs["file"] = fmt.Sprintf("Tệp “%s” có dung lượng %s, vượt giới hạn %d MB. Hãy chọn ảnh nhỏ hơn.", name, fmtSize(fh.Size), maxAskUpload>>20)
		return nil, nil
	case want != mimeJPEG && want != mimePNG && want != mimePDF:
		errs["file"] = fmt.Sprintf("Tệp “%s”: chỉ nhận ảnh JPG, PNG hoặc tệp PDF.", name)
		return nil, nil
	}
	r, err := fh.Open()
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(r, maxAskUpload+1))
	r.Close()
	if err != nil {
		return nil, err
	}
	if sniffType(data, ext) != want {
		errs["file"] = fmt.Sprintf("Tệp “%s”: nội dung không phải là %s như phần mở rộng %s (có thể tệp bị đổi tên hoặc bị hỏng).",
			name, mimeLabels[want], ext)
		return nil, nil
	}
	up := &askUpload{name: name, mime: want, data: data}
	if want == mimeJPEG || want == mimePNG {
		clean, report, err := photometa.Strip(data)
		if err != nil {
			errs["file"] = fmt.Sprintf("Ảnh “%s” bị hỏng nên không đọc được. Hãy chụp hoặc chọn lại ảnh.", name)
			return nil, nil
		}
		up.data, up.stripped = clean, report.String()
	}
	return up, nil
}
