package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestBackupIsAConsistentCopyThatOpens(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "canbo")
	a := mustAttachment(t, s, "du-toan.pdf", "dự toán 2026", uid)
	id, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "ngan-sach", Title: "Dự toán 2026", Body: "<p>x</p>", AttachmentIDs: []int64{a.ID}}, uid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDisclosure(ctx, id, uid); err != nil {
		t.Fatal(err)
	}

	dir := filepath.Join(t.TempDir(), "sao-luu")
	if err := s.Backup(ctx, dir); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, dir); err == nil {
		t.Fatal("a second backup over the first one was allowed")
	}
	copyStore, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer copyStore.Close()
	if err := copyStore.CheckVersion(ctx); err != nil {
		t.Fatal(err)
	}
	d, err := copyStore.PublicDisclosure(ctx, id)
	if err != nil || d.Title != "Dự toán 2026" || len(d.Attachments) != 1 {
		t.Fatalf("restored item %+v, %v", d, err)
	}
	got, err := os.ReadFile(copyStore.AttachmentPath(d.Attachments[0]))
	if err != nil || !bytes.Equal(got, []byte("dự toán 2026")) {
		t.Fatalf("restored file %q, %v", got, err)
	}
}
