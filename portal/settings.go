package portal

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/store"
)

// settingsTTL bounds how long a settings change made elsewhere (the command
// line) takes to show; every page needs the settings, so they are cached.
const settingsTTL = 10 * time.Second

func (h *handler) settings(c *fiber.Ctx) store.Settings {
	h.settingsMu.Lock()
	defer h.settingsMu.Unlock()
	if h.settingsOK && time.Since(h.settingsAt) < settingsTTL {
		return h.settingsVal
	}
	st, err := h.store.Settings(c.UserContext())
	if err != nil {
		h.log.Error("read settings", "err", err)
		return h.settingsVal
	}
	h.settingsVal, h.settingsAt, h.settingsOK = st, time.Now(), true
	return st
}
