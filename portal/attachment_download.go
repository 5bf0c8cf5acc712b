package portal

import (
	"mime"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

// attachmentDownload serves a file of a published version to anyone, and a
// draft's file only to officers. Files never change (content-addressed), so
// public ones are cached for a year.
func (h *handler) attachmentDownload(c *fiber.Ctx) error {
	ctx := c.UserContext()
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return errNotFound()
	}
	a, err := h.store.Attachment(ctx, id)
	if err != nil {
		return err
	}
	if a.Removed {
		return errFileRemoved
	}
	public, err := h.store.AttachmentIsPublic(ctx, id)
	if err != nil {
		return err
	}
	if !public && currentUser(c) == nil {
		return errNotFound()
	}
	f, err := h.store.OpenAttachment(a)
	if err != nil {
		return err
	}
	if public {
		c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	} else {
		c.Set(fiber.HeaderCacheControl, "private, no-store")
	}
	etag := `"` + a.SHA256 + `"`
	c.Set(fiber.HeaderETag, etag)
	c.Set(fiber.HeaderContentType, a.MIME)
	c.Set("X-Content-Type-Options", "nosniff")
	// Cleaned again: names stored before the upload check lost bidi controls.
	// A photo or a map opens in the browser ("full size on tap"); it was
	// recognised as JPEG or PNG by its content at upload, and nosniff holds.
	disposition := "attachment"
	if a.MIME == mimeJPEG || a.MIME == mimePNG {
		disposition = "inline"
	}
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType(disposition, map[string]string{"filename": cleanFilename(a.Filename)}))
	if c.Get(fiber.HeaderIfNoneMatch) == etag {
		f.Close()
		return c.SendStatus(fiber.StatusNotModified)
	}
	return c.SendStream(f, int(a.Size))
}

// healthz answers 200 while the database answers.
func (h *handler) healthz(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	if err := h.store.Ping(c.UserContext()); err != nil {
		h.log.Error("health check", "err", err)
		return c.Status(fiber.StatusServiceUnavailable).SendString("database unavailable")
	}
	return c.SendString("ok")
}
