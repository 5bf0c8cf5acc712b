package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestSaveAttachment(t *testing.T) {
	ctx := context.Background()
	s, clock := newTestStore(t)
	uid := mustUser(t, s, "vanthu")

	data := []byte("%PDF-1.4 quyết định số 15/QĐ-UBND")
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	wantPath := filepath.Join(s.Dir(), "files", sha[:2], sha)

	a, err := s.SaveAttachment(ctx, "quyet-dinh.pdf", "application/pdf", data, uid)
	if err != nil {
		t.Fatalf("SaveAttachment: %v", err)
	}
	if a.ID == 0 || a.SHA256 != sha || a.Size != int64(len(data)) || a.MIME != "application/pdf" ||
		a.Filename != "quyet-dinh.pdf" || !a.CreatedAt.Equal(clock.Now()) {
		t.Fatalf("SaveAttachment = %+v", a)
	}
	if got := s.AttachmentPath(a); got != wantPath {
		t.Fatalf("AttachmentPath = %s, want %s", got, wantPath)
	}
	if got, err := os.ReadFile(wantPath); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("stored bytes = %q, %v; want %q", got, err, data)
	}
	f, err := s.OpenAttachment(a)
	if err != nil {
		t.Fatalf("OpenAttachment: %v", err)
	}
	got, err := io.ReadAll(f)
	f.Close()
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("OpenAttachment read %q, %v", got, err)
	}
	back, err := s.Attachment(ctx, a.ID)
	if err != nil || back != a {
		t.Fatalf("Attachment(%d) = %+v, %v; want %+v", a.ID, back, err, a)
	}

	// Same bytes again under another name: a new record, one shared blob.
	b, err := s.SaveAttachment(ctx, "ban-sao.pdf", "application/pdf", bytes.Clone(data), uid)
	if err != nil {
		t.Fatalf("SaveAttachment again: %v", err)
	}
	if b.ID == a.ID || b.SHA256 != a.SHA256 || s.AttachmentPath(b) != wantPath || b.Filename != "ban-sao.pdf" {
		t.Fatalf("second SaveAttachment = %+v (first %+v)", b, a)
	}
	entries, err := os.ReadDir(filepath.Dir(wantPath))
	if err != nil {
		t.Fatalf("ReadDir: %v", err)
	}
	if len(entries) != 1 || entries[0].Name() != sha {
		names := []string{}
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("blob directory holds %v, want only %s (no temporary files)", names, sha)
	}

	// Different bytes: a different blob.
	c := mustAttachment(t, s, "khac.pdf", "nội dung khác", uid)
	if c.SHA256 == sha || s.AttachmentPath(c) == wantPath {
		t.Fatalf("different content shares the blob: %+v", c)
	}
	if got, err := os.ReadFile(s.AttachmentPath(c)); err != nil || string(got) != "nội dung khác" {
		t.Fatalf("second blob = %q, %v", got, err)
	}
	// An empty file is still a file.
	e := mustAttachment(t, s, "rong.txt", "", uid)
	if e.Size != 0 || e.SHA256 != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Fatalf("empty attachment = %+v", e)
	}
	if fi, err := os.Stat(s.AttachmentPath(e)); err != nil || fi.Size() != 0 {
		t.Fatalf("empty blob: %v, %v", fi, err)
	}

	if _, err := s.Attachment(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Attachment(unknown) = %v, want ErrNotFound", err)
	}
	if n := mustCount(t, s, "SELECT COUNT(*) FROM attachments"); n != 4 {
		t.Fatalf("attachments = %d, want 4", n)
	}
}

func TestAttachmentIsPublic(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "vanthu")
	a1 := mustAttachment(t, s, "a1.pdf", "một", uid)
	a2 := mustAttachment(t, s, "a2.pdf", "hai", uid)
	loose := mustAttachment(t, s, "a3.pdf", "ba", uid)

	isPublic := func(a Attachment) bool {
		t.Helper()
		ok, err := s.AttachmentIsPublic(ctx, a.ID)
		if err != nil {
			t.Fatalf("AttachmentIsPublic(%d): %v", a.ID, err)
		}
		return ok
	}

	in := DisclosureInput{Category: "thu-tuc-hanh-chinh", Title: "Biểu mẫu", AttachmentIDs: []int64{a1.ID}}
	id, err := s.CreateDisclosure(ctx, in, uid)
	if err != nil {
		t.Fatalf("CreateDisclosure: %v", err)
	}
	// Another draft carries loose; it stays private.
	if _, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Nháp", AttachmentIDs: []int64{loose.ID}}, uid); err != nil {
		t.Fatalf("CreateDisclosure: %v", err)
	}
	for _, a := range []Attachment{a1, a2, loose} {
		if isPublic(a) {
			t.Fatalf("attachment %s is public before any publication", a.Filename)
		}
	}

	if err := s.PublishDisclosure(ctx, id, uid); err != nil {
		t.Fatalf("PublishDisclosure: %v", err)
	}
	if !isPublic(a1) || isPublic(a2) || isPublic(loose) {
		t.Fatalf("after publish: a1 %v a2 %v loose %v; want true false false", isPublic(a1), isPublic(a2), isPublic(loose))
	}

	// Version 2 swaps a1 for a2; a1 stays public through version 1.
	in.AttachmentIDs = []int64{a2.ID}
	if err := s.UpdateDisclosure(ctx, id, in, "thay biểu mẫu", uid); err != nil {
		t.Fatalf("UpdateDisclosure: %v", err)
	}
	if !isPublic(a1) || !isPublic(a2) || isPublic(loose) {
		t.Fatalf("after revision: a1 %v a2 %v loose %v; want true true false", isPublic(a1), isPublic(a2), isPublic(loose))
	}
	if ok, err := s.AttachmentIsPublic(ctx, 9999); err != nil || ok {
		t.Fatalf("AttachmentIsPublic(unknown) = %v, %v", ok, err)
	}
}
