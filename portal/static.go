package portal

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"path"

	"github.com/gofiber/fiber/v2"

	"minhbach/static"
)

// staticFiles serves the embedded assets. Each URL carries a hash of the
// file so it can be cached for a year and still change on upgrade.
type staticFiles struct {
	files map[string][]byte
	hash  map[string]string
}

func newStaticFiles() (*staticFiles, error) {
	s := &staticFiles{files: map[string][]byte{}, hash: map[string]string{}}
	err := fs.WalkDir(static.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) == ".go" {
			return err
		}
		b, err := fs.ReadFile(static.FS, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		s.files[p] = b
		s.hash[p] = hex.EncodeToString(sum[:6])
		return nil
	})
	return s, err
}

// url is the cache-busting address of a static file.
func (s *staticFiles) url(name string) string {
	return "/static/" + name + "?v=" + s.hash[name]
}

func (h *handler) staticFile(c *fiber.Ctx) error {
	name := c.Params("*")
	b, ok := h.static.files[name]
	if !ok {
		return errNotFound()
	}
	if c.Query("v") == h.static.hash[name] {
		c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	} else {
		c.Set(fiber.HeaderCacheControl, "public, max-age=300")
	}
	etag := `"` + h.static.hash[name] + `"`
	c.Set(fiber.HeaderETag, etag)
	if c.Get(fiber.HeaderIfNoneMatch) == etag {
		return c.SendStatus(fiber.StatusNotModified)
	}
	c.Set(fiber.HeaderContentType, mime.TypeByExtension(path.Ext(name)))
	return c.Send(b)
}

// robots keeps crawlers out of the officers' area; everything public may be
// indexed.
func robots(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "public, max-age=86400")
	return c.SendString("User-agent: *\nDisallow: /can-bo/\n")
}
