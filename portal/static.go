package portal

import (
	"io/fs"
	"mime"
	"path"
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/static"
)

// staticFiles serves the embedded assets. Each URL carries a hash of the
// file so it can be cached for a year and still change on upgrade.
type staticFiles struct {
	files map[string]*cachedBody
}

func newStaticFiles() (*staticFiles, error) {
	s := &staticFiles{files: map[string]*cachedBody{}}
	err := fs.WalkDir(static.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) == ".go" {
			return err
		}
		b, err := fs.ReadFile(static.FS, p)
		if err != nil {
			return err
		}
		// Gzipped once here, at the best ratio, instead of on every request.
		s.files[p] = newCachedBody(cacheKey{}, b, mime.TypeByExtension(path.Ext(p)), time.Time{})
		return nil
	})
	return s, err
}

// url is the cache-busting address of a static file.
func (s *staticFiles) url(name string) string {
	f := s.files[name]
	if f == nil {
		return "/static/" + name
	}
	return "/static/" + name + "?v=" + f.version()
}

func (h *handler) staticFile(c *fiber.Ctx) error {
	f := h.static.files[c.Params("*")]
	if f == nil {
		return errNotFound()
	}
	cacheControl := "public, max-age=300"
	if c.Query("v") == f.version() {
		cacheControl = "public, max-age=31536000, immutable"
	}
	return f.send(c, cacheControl)
}

// robots keeps crawlers out of the officers' area; everything public may be
// indexed.
func robots(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "public, max-age=86400")
	return c.SendString("User-agent: *\nDisallow: /can-bo/\n")
}

// favicon answers the browsers that ask for /favicon.ico whatever the page
// says; the same icon as icon.svg, as PNGs in an ICO file.
func (h *handler) favicon(c *fiber.Ctx) error {
	f := h.static.files["favicon.ico"]
	if f == nil {
		return errNotFound()
	}
	return f.send(c, "public, max-age=604800")
}
