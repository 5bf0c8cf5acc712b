package portal

import (
	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

const (
	localSettings = "settings"
	localMark     = "public-mark"
)

// publicMark is the store's public change mark, taken once per request so
// that a page, its settings and its cache entry agree: caches of pages,
// feeds and settings all compare against it. It is kept in memory; reading
// it touches no database connection.
func (h *handler) publicMark(c *fiber.Ctx) int64 {
	if m, ok := c.Locals(localMark).(int64); ok {
		return m
	}
	m := h.store.PublicChangeMark()
	c.Locals(localMark, m)
	return m
}

// settings are the commune's details, which every page needs. They are kept
// until the public change counter moves (saving settings moves it, whoever
// saves), and read once per request.
func (h *handler) settings(c *fiber.Ctx) store.Settings {
	if st, ok := c.Locals(localSettings).(store.Settings); ok {
		return st
	}
	st, err := h.loadSettings(c)
	if err != nil {
		h.log.Error("read settings", "err", err)
	}
	c.Locals(localSettings, st)
	return st
}

func (h *handler) loadSettings(c *fiber.Ctx) (store.Settings, error) {
	mark := h.publicMark(c)
	h.settingsMu.Lock()
	defer h.settingsMu.Unlock()
	if h.settingsOK && mark == h.settingsMark {
		return h.settingsVal, nil
	}
	st, err := h.store.Settings(c.UserContext())
	if err != nil {
		return h.settingsVal, err
	}
	h.settingsVal, h.settingsMark, h.settingsOK = st, mark, true
	return st, nil
}
