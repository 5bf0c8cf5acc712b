package main

import (
	"encoding/gob"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// The bare handler is the yardstick: a Fiber app that answers each URL with
// the exact status, headers and bytes the portal gave, from memory, with
// no other work. It runs as its own process, like the portal, so that both
// get the same share of the machine.

// bareEnv names the recording a child process should serve; set, the
// command serves it instead of benchmarking.
const bareEnv = "MINHBACH_BENCH_BARE"

// response is one recorded answer.
type response struct {
	Status int
	Header [][2]string
	Body   []byte
}

// variant is what a request must match of a recorded one.
func variant(target string, gzip, conditional bool) string {
	return fmt.Sprintf("%s|gzip=%t|inm=%t", target, gzip, conditional)
}

// skipHeaders are set by the server itself on every answer.
var skipHeaders = map[string]bool{"Date": true, "Content-Length": true, "Connection": true, "Server": true}

// record fetches a request's answer from the portal.
func record(rec map[string]response, base string, r request) error {
	req, _ := http.NewRequest(http.MethodGet, base+r.target, nil)
	if r.gzip {
		req.Header.Set("Accept-Encoding", "gzip")
	} else {
		req.Header.Set("Accept-Encoding", "identity")
	}
	if r.etag != "" {
		req.Header.Set("If-None-Match", r.etag)
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != r.status {
		return fmt.Errorf("recording %s: status %d, want %d", r.target, resp.StatusCode, r.status)
	}
	out := response{Status: resp.StatusCode, Body: body}
	for k, vs := range resp.Header {
		if skipHeaders[k] {
			continue
		}
		for _, v := range vs {
			out.Header = append(out.Header, [2]string{k, v})
		}
	}
	rec[variant(r.target, r.gzip, r.etag != "")] = out
	return nil
}

func writeRecording(path string, rec map[string]response) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(f).Encode(rec); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// serveBare is the child process: serve the recording at path on addr.
func serveBare(path string, args []string) error {
	addr := "127.0.0.1:0"
	if len(args) == 2 && args[0] == "-addr" {
		addr = args[1]
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	var rec map[string]response
	err = gob.NewDecoder(f).Decode(&rec)
	f.Close()
	if err != nil {
		return err
	}
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.SendString("ok") })
	app.Use(func(c *fiber.Ctx) error {
		gz := strings.Contains(c.Get(fiber.HeaderAcceptEncoding), "gzip")
		r, ok := rec[variant(c.OriginalURL(), gz, c.Get(fiber.HeaderIfNoneMatch) != "")]
		if !ok {
			return c.SendStatus(fiber.StatusNotImplemented)
		}
		for _, h := range r.Header {
			c.Response().Header.Add(h[0], h[1])
		}
		c.Status(r.Status)
		if r.Status == fiber.StatusNotModified {
			return nil
		}
		return c.Send(r.Body)
	})
	return app.Listen(addr)
}
