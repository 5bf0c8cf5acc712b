package portal

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/photometa"
)

// evidenceTypes are the files an indicator's value may carry as evidence:
// a scanned report, a photo, the export of another system.
var evidenceTypes = map[string]bool{mimePDF: true, mimeJPEG: true, mimePNG: true, mimeXLSX: true, mimeDOCX: true}

// evidenceAccept is the file field's accept list.
const evidenceAccept = ".pdf,.jpg,.jpeg,.png,.xlsx,.docx"

// saveEvidence stores the form's evidence file, if one was chosen, and
// returns its attachment id; a photo loses its metadata (GPS position,
// phone model) first, since the file becomes public with the value. A
// refused file is reported in errs["file"] and returns 0.
func (h *handler) saveEvidence(c *fiber.Ctx, errs fieldErrors) (int64, error) {
	fh, err := c.FormFile("file")
	if err != nil || (fh.Size == 0 && fh.Filename == "") {
		return 0, nil
	}
	name := cleanFilename(fh.Filename)
	ext := strings.ToLower(filepath.Ext(name))
	want := extTypes[ext]
	switch {
	case fh.Size == 0:
		errs["file"] = fmt.Sprintf("Tệp “%s” rỗng. Hãy chọn lại tệp.", name)
		return 0, nil
	case fh.Size > MaxUploadBytes:
		errs["file"] = fmt.Sprintf("Tệp “%s” có dung lượng %s, vượt giới hạn %d MB.", name, fmtSize(fh.Size), MaxUploadBytes>>20)
		return 0, nil
	case !evidenceTypes[want]:
		errs["file"] = fmt.Sprintf("Tệp “%s”: chỉ nhận tệp PDF, ảnh JPG hoặc PNG, bảng tính Excel (.xlsx) hoặc văn bản Word (.docx).", name)
		return 0, nil
	}
	r, err := fh.Open()
	if err != nil {
		return 0, err
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxUploadBytes+1))
	r.Close()
	if err != nil {
		return 0, err
	}
	if sniffType(data, ext) != want {
		errs["file"] = fmt.Sprintf("Tệp “%s”: nội dung không phải là %s như phần mở rộng %s (có thể tệp bị đổi tên hoặc bị hỏng).",
			name, mimeLabels[want], ext)
		return 0, nil
	}
	if want == mimeJPEG || want == mimePNG {
		clean, _, err := photometa.Strip(data)
		if err != nil {
			errs["file"] = fmt.Sprintf("Ảnh “%s” bị hỏng nên không đọc được. Hãy chọn lại ảnh.", name)
			return 0, nil
		}
		data = clean
	}
	a, err := h.store.SaveAttachment(c.UserContext(), name, want, data, currentUser(c).ID)
	if err != nil {
		return 0, err
	}
	return a.ID, nil
}

// keptFileToken names a file uploaded with a form that came back with
// errors, so the next submit keeps it. It is signed for the officer: a
// value's file becomes public, so a tampered form must not be able to
// name someone else's upload (a resident's attachment) and publish it.
func (h *handler) keptFileToken(c *fiber.Ctx, id int64) string {
	mac := h.keptFileMAC(c, id)
	if mac == "" || id == 0 {
		return ""
	}
	return itoa(id) + "." + mac
}

func (h *handler) keptFileMAC(c *fiber.Ctx, id int64) string {
	secret := h.settings(c).Secret
	if secret == "" {
		return ""
	}
	m := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(m, "evidence:%d:%d", currentUser(c).ID, id)
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// keptFile is the attachment a genuine token names; 0 otherwise.
func (h *handler) keptFile(c *fiber.Ctx, token string) int64 {
	s, mac, ok := strings.Cut(token, ".")
	id, err := strconv.ParseInt(s, 10, 64)
	if !ok || err != nil || id <= 0 {
		return 0
	}
	want := h.keptFileMAC(c, id)
	if want == "" || !hmac.Equal([]byte(mac), []byte(want)) {
		return 0
	}
	return id
}
