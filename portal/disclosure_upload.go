package portal

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// saveUploads stores every acceptable uploaded file and adds it to the
// form's attachments, so a form sent back for another mistake keeps them.
// Refused files are named in errs["files"].
func (h *handler) saveUploads(c *fiber.Ctx, f *disclosureForm, errs fieldErrors) error {
	mf, err := c.MultipartForm()
	if err != nil {
		return nil // a form without files
	}
	files := mf.File["files"]
	var problems []string
	if len(files)+len(f.AttachmentIDs) > maxFiles {
		errs["files"] = fmt.Sprintf("Mỗi tin có tối đa %d tệp đính kèm.", maxFiles)
		return nil
	}
	u := currentUser(c)
	saved := 0
	for _, fh := range files {
		if fh.Size == 0 && fh.Filename == "" {
			continue
		}
		name := cleanFilename(fh.Filename)
		ext := strings.ToLower(filepath.Ext(name))
		want, known := extTypes[ext]
		switch {
		case fh.Size == 0:
			problems = append(problems, fmt.Sprintf("%s: tệp rỗng.", name))
			continue
		case fh.Size > MaxUploadBytes:
			problems = append(problems, fmt.Sprintf("%s: dung lượng %s, vượt giới hạn %d MB.", name, fmtSize(fh.Size), MaxUploadBytes>>20))
			continue
		case !known:
			problems = append(problems, fmt.Sprintf("%s: chỉ nhận tệp PDF, Word, Excel, OpenDocument, JPG hoặc PNG.", name))
			continue
		}
		r, err := fh.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(io.LimitReader(r, MaxUploadBytes+1))
		r.Close()
		if err != nil {
			return err
		}
		if got := sniffType(data, ext); got != want {
			problems = append(problems, fmt.Sprintf("%s: nội dung tệp không phải là %s như phần mở rộng %s (có thể tệp bị đổi tên hoặc bị hỏng).",
				name, mimeLabels[want], ext))
			continue
		}
		a, err := h.store.SaveAttachment(c.UserContext(), name, want, data, u.ID)
		if err != nil {
			return err
		}
		f.AttachmentIDs = append(f.AttachmentIDs, a.ID)
		saved++
	}
	if len(problems) > 0 {
		errs["files"] = "Không nhận các tệp sau: " + strings.Join(problems, " ")
		if saved > 0 {
			errs["files"] += " Các tệp hợp lệ đã được giữ lại ở danh sách trên."
		}
	}
	return nil
}

// keepKnown drops kept attachment ids that name no file or a removed one
// (a tampered or stale form), so saving never trips over a missing row.
func (h *handler) keepKnown(c *fiber.Ctx, f *disclosureForm) error {
	known := f.AttachmentIDs[:0]
	for _, id := range f.AttachmentIDs {
		a, err := h.store.Attachment(c.UserContext(), id)
		if errors.Is(err, store.ErrNotFound) || err == nil && a.Removed {
			continue
		}
		if err != nil {
			return err
		}
		known = append(known, id)
	}
	f.AttachmentIDs = known
	return nil
}
