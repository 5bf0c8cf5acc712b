package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

const phone = "0912 345 678"

// redactionFixture publishes an item whose first version carries a phone
// number in its summary and body and a file, and whose second version keeps
// the number in its body and names it in its reason, with another file.
func redactionFixture(t *testing.T, s *Store, uid int64) (id int64, old, kept Attachment) {
	t.Helper()
	ctx := context.Background()
	old = mustAttachment(t, s, "danh-sach-co-so-dien-thoai.pdf", "tệp có số "+phone, uid)
	kept = mustAttachment(t, s, "danh-sach.pdf", "tệp đã bỏ số điện thoại", uid)
	in := DisclosureInput{
		Category: "thong-bao", Title: "Danh sách trưởng thôn", Summary: "Liên hệ trưởng thôn Đông: " + phone,
		Body:          `<p>Trưởng thôn Đông: Nguyễn Văn A – ` + phone + `</p><p><a href="tel:` + phone + `" rel="nofollow">Gọi</a></p>`,
		AttachmentIDs: []int64{old.ID},
	}
	id, err := s.CreateDisclosure(ctx, in, uid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDisclosure(ctx, id, uid); err != nil {
		t.Fatal(err)
	}
	in.Summary, in.AttachmentIDs = "Liên hệ trưởng thôn qua nhà văn hóa thôn.", []int64{kept.ID}
	if err := s.UpdateDisclosure(ctx, id, in, "Bỏ số "+phone+" khỏi tóm tắt và tệp đính kèm", uid); err != nil {
		t.Fatal(err)
	}
	return id, old, kept
}

// rowsHolding lists "table.column" for every text value in the database
// that contains s.
func rowsHolding(t *testing.T, s *Store, needle string) []string {
	t.Helper()
	ctx := context.Background()
	rows, err := s.w.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var out []string
	for _, table := range tables {
		rows, err := s.w.QueryContext(ctx, `SELECT * FROM "`+table+`"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				var text string
				switch v := v.(type) {
				case string:
					text = v
				case []byte:
					text = string(v)
				}
				if strings.Contains(text, needle) {
					out = append(out, table+"."+cols[i])
				}
			}
		}
		rows.Close()
	}
	return out
}

// fileBytesHold reports whether the database file or its WAL holds b.
func fileBytesHold(t *testing.T, s *Store, b []byte) bool {
	t.Helper()
	for _, name := range []string{DBFile, DBFile + "-wal"} {
		data, err := os.ReadFile(filepath.Join(s.Dir(), name))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		if bytes.Contains(data, b) {
			return true
		}
	}
	return false
}

func TestRedactRemovesTextAndFileEverywhere(t *testing.T) {
	ctx := context.Background()
	s, clock := newTestStore(t)
	uid := mustUser(t, s, "quantri")
	id, old, kept := redactionFixture(t, s, uid)
	clock.Advance(time.Hour)

	hits, err := s.FindRedactable(ctx, id, phone)
	if err != nil {
		t.Fatal(err)
	}
	wantHits := []RedactionHit{{1, FieldSummary, 1}, {1, FieldBody, 2}, {2, FieldBody, 2}, {2, FieldReason, 1}}
	if !slices.Equal(hits, wantHits) {
		t.Fatalf("FindRedactable = %v, want %v", hits, wantHits)
	}
	if !fileBytesHold(t, s, []byte(phone)) {
		t.Fatal("the number is not in the database file before the redaction: the check below would prove nothing")
	}
	markBefore := s.PublicChangeMark()
	vsBefore, err := s.Versions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}

	r, err := s.Redact(ctx, id, RedactionInput{Text: phone, FileIDs: []int64{old.ID}, Reason: "Số di động cá nhân của trưởng thôn"}, uid)
	if err != nil {
		t.Fatalf("Redact: %v", err)
	}
	if r.Occurrences != 6 || !slices.Equal(r.Versions, []int{1, 2}) ||
		!slices.Equal(r.Fields, []string{FieldSummary, FieldBody, FieldReason}) || len(r.Files) != 1 || r.ByName != "Cán bộ quantri" {
		t.Errorf("redaction record %+v", r)
	}

	// No row holds the number, and neither do the file's bytes.
	if where := rowsHolding(t, s, phone); len(where) > 0 {
		t.Errorf("the number is still in %v", where)
	}
	if fileBytesHold(t, s, []byte(phone)) {
		t.Error("the number is still in the bytes of the database file or its WAL")
	}
	if n := mustCount(t, s, "SELECT COUNT(*) FROM redaction_in_progress"); n != 0 {
		t.Errorf("redaction_in_progress left with %d rows", n)
	}

	// Every version and the working copy carry the mark; nothing else moved.
	vs, err := s.Versions(ctx, id)
	if err != nil || len(vs) != 2 {
		t.Fatalf("Versions: %v, %v", vs, err)
	}
	if vs[0].Summary != "Liên hệ trưởng thôn Đông: "+RedactionMark ||
		vs[0].Body != `<p>Trưởng thôn Đông: Nguyễn Văn A – [đã che]</p><p><a href="tel:[đã che]" rel="nofollow">Gọi</a></p>` ||
		vs[1].Reason != "Bỏ số [đã che] khỏi tóm tắt và tệp đính kèm" || vs[1].Title != "Danh sách trưởng thôn" {
		t.Errorf("versions after redaction: %+v", vs)
	}
	for i, v := range vs {
		b := vsBefore[i]
		if v.ID != b.ID || v.Number != b.Number || !v.PublishedAt.Equal(b.PublishedAt) || v.Category != b.Category ||
			v.UnitName != b.UnitName || !v.PostingFrom.Equal(b.PostingFrom) || v.Title != b.Title {
			t.Errorf("version %d: more than the text changed: %+v → %+v", i+1, b, v)
		}
	}
	if !slices.Equal(attachmentIDs(vs[0].Attachments), []int64{old.ID}) || !slices.Equal(attachmentIDs(vs[1].Attachments), []int64{kept.ID}) {
		t.Errorf("version files changed: %v, %v", vs[0].Attachments, vs[1].Attachments)
	}
	d, err := s.Disclosure(ctx, id)
	if err != nil || !strings.Contains(d.Body, RedactionMark) || d.Version != 2 {
		t.Errorf("working copy %+v, %v", d, err)
	}

	// The file: listed as removed with its hash, bytes gone, the other kept.
	if _, err := os.Stat(s.AttachmentPath(old)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("removed file still on disk: %v", err)
	}
	if _, err := os.Stat(s.AttachmentPath(kept)); err != nil {
		t.Errorf("kept file: %v", err)
	}
	if a, err := s.Attachment(ctx, old.ID); err != nil || !a.Removed || a.SHA256 != old.SHA256 {
		t.Errorf("removed attachment record %+v, %v", a, err)
	}
	if a, err := s.Attachment(ctx, kept.ID); err != nil || a.Removed {
		t.Errorf("kept attachment record %+v, %v", a, err)
	}

	// The public note, the audit entry and the change counter.
	rs, err := s.Redactions(ctx, id)
	if err != nil || len(rs) != 1 {
		t.Fatalf("Redactions: %+v, %v", rs, err)
	}
	if rs[0].Reason != "Số di động cá nhân của trưởng thôn" || !rs[0].At.Equal(clock.Now()) || rs[0].Occurrences != 6 ||
		len(rs[0].Files) != 1 || rs[0].Files[0].SHA256 != old.SHA256 || !rs[0].Files[0].Removed {
		t.Errorf("public note %+v", rs[0])
	}
	if got := auditActions(t, s); got[len(got)-1] != "disclosure.redact" {
		t.Errorf("audit actions %v", got)
	}
	if m := s.PublicChangeMark(); m == markBefore {
		t.Error("the public change mark did not move")
	}

	// The removed file can no longer be attached; the item still edits.
	in := DisclosureInput{Category: "thong-bao", Title: d.Title, Body: d.Body, AttachmentIDs: []int64{kept.ID, old.ID}}
	if err := s.UpdateDisclosure(ctx, id, in, "Thêm lại tệp", uid); err == nil || !strings.Contains(err.Error(), "redacted") {
		t.Errorf("re-attaching a removed file: %v", err)
	}
	in.AttachmentIDs = []int64{kept.ID}
	if err := s.UpdateDisclosure(ctx, id, in, "Sửa lần ba", uid); err != nil {
		t.Errorf("edit after a redaction: %v", err)
	}
}

func TestRedactRefusals(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "quantri")
	id, old, kept := redactionFixture(t, s, uid)
	formatted, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Định dạng",
		Body: `<p>Gọi <strong>0912</strong> 345 678 &amp; 0987&#39;65</p>`}, uid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDisclosure(ctx, formatted, uid); err != nil {
		t.Fatal(err)
	}
	draft, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Nháp " + phone}, uid)
	if err != nil {
		t.Fatal(err)
	}
	marks := s.PublicChangeMark()

	tests := []struct {
		name string
		id   int64
		in   RedactionInput
		want error
	}{
		{"no reason", id, RedactionInput{Text: phone}, ErrReasonRequired},
		{"nothing named", id, RedactionInput{Reason: "x"}, ErrRedactionEmpty},
		{"too short", id, RedactionInput{Text: "09", Reason: "x"}, ErrRedactionShort},
		{"not found", id, RedactionInput{Text: "0999 999 999", Reason: "x"}, ErrRedactionNotFound},
		{"markup in the text", id, RedactionInput{Text: "<p>Trưởng", Reason: "x"}, ErrRedactionMarkup},
		{"a tag name", id, RedactionInput{Text: "rel=", Reason: "x"}, ErrRedactionMarkup},
		{"split by formatting", formatted, RedactionInput{Text: "0912 345", Reason: "x"}, ErrRedactionMarkup},
		{"a draft", draft, RedactionInput{Text: phone, Reason: "x"}, ErrNotFound},
		{"unknown item", 999, RedactionInput{Text: phone, Reason: "x"}, ErrNotFound},
		{"file of the current version", id, RedactionInput{FileIDs: []int64{kept.ID}, Reason: "x"}, ErrFileNotRemovable},
		{"file of another item", formatted, RedactionInput{FileIDs: []int64{old.ID}, Reason: "x"}, ErrFileNotRemovable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Redact(ctx, tc.id, tc.in, uid)
			wantErr(t, tc.name, err, tc.want)
			if err != nil && tc.in.Text != "" && strings.Contains(err.Error(), tc.in.Text) {
				t.Errorf("the error %q repeats the text, which would reach the log", err)
			}
		})
	}
	if n := mustCount(t, s, "SELECT COUNT(*) FROM redactions"); n != 0 {
		t.Errorf("%d redactions recorded by refused calls", n)
	}
	if m := s.PublicChangeMark(); m != marks {
		t.Error("refused redactions moved the public change mark")
	}

	// Escaped characters are found as the reader sees them.
	if _, err := s.Redact(ctx, formatted, RedactionInput{Text: "& 0987'65", Reason: "x"}, uid); err != nil {
		t.Fatalf("redacting escaped text: %v", err)
	}
	if v, _ := s.DisclosureVersion(ctx, formatted, 1); v.Body != `<p>Gọi <strong>0912</strong> 345 678 [đã che]</p>` {
		t.Errorf("escaped text redacted as %q", v.Body)
	}
	// A file goes once.
	if _, err := s.Redact(ctx, id, RedactionInput{FileIDs: []int64{old.ID}, Reason: "x"}, uid); err != nil {
		t.Fatal(err)
	}
	_, err = s.Redact(ctx, id, RedactionInput{FileIDs: []int64{old.ID}, Reason: "x"}, uid)
	wantErr(t, "remove a file twice", err, ErrFileNotRemovable)
}

func TestRedactKeepsBytesOthersStillHold(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "quantri")
	id, old, _ := redactionFixture(t, s, uid)
	// The same content uploaded again for another item's draft.
	again := mustAttachment(t, s, "ban-sao.pdf", "tệp có số "+phone, uid)
	other, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Khác", AttachmentIDs: []int64{again.ID}}, uid)
	if err != nil {
		t.Fatal(err)
	}
	mark := s.PublicChangeMark()
	if _, err := s.Redact(ctx, id, RedactionInput{FileIDs: []int64{old.ID}, Reason: "Có số điện thoại"}, uid); err != nil {
		t.Fatal(err)
	}
	if m := s.PublicChangeMark(); m == mark {
		t.Error("removing a file did not move the public change mark")
	}
	if _, err := os.Stat(s.AttachmentPath(old)); err != nil {
		t.Fatalf("bytes another record holds were deleted: %v", err)
	}
	if a, _ := s.Attachment(ctx, again.ID); a.Removed {
		t.Error("the other record is marked removed")
	}
	if _, err := s.Disclosure(ctx, other); err != nil {
		t.Fatal(err)
	}
}

func TestTriggersAllowOnlyARedaction(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "quantri")
	id, old, _ := redactionFixture(t, s, uid)
	r, err := s.Redact(ctx, id, RedactionInput{FileIDs: []int64{old.ID}, Reason: "Tệp có số điện thoại"}, uid)
	if err != nil {
		t.Fatal(err)
	}
	snapshot := func() string {
		t.Helper()
		var out string
		for _, q := range []string{
			"SELECT group_concat(id||version||title||summary||legal_basis||reason||body||published_at||posting_from, '|') FROM disclosure_versions",
			"SELECT group_concat(version_id||'-'||attachment_id||'-'||position, '|') FROM version_attachments",
			"SELECT group_concat(id||action||detail, '|') FROM audit_log",
			"SELECT group_concat(id||reason||by_name, '|') FROM redactions",
			"SELECT group_concat(attachment_id||'-'||redaction_id, '|') FROM redacted_files",
		} {
			var s2 string
			if err := s.w.QueryRowContext(ctx, q).Scan(&s2); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			out += s2 + "\n"
		}
		return out
	}
	before := snapshot()
	// Each case runs in a transaction that is rolled back, so a marker set
	// by one case does not leak into the next.
	marker := func(needle string) string {
		return "INSERT INTO redaction_in_progress(id, redaction_id, disclosure_id, needle, needle_html) VALUES (1, " +
			itoa(r.ID) + ", " + itoa(id) + ", '" + needle + "', '" + needle + "')"
	}
	tests := []struct {
		name    string
		sql     []string
		message string
	}{
		{"text outside a redaction", []string{"UPDATE disclosure_versions SET summary = replace(summary, '" + phone + "', '[đã che]')"}, "append-only"},
		{"other text during a redaction", []string{marker(phone), "UPDATE disclosure_versions SET title = 'Giả mạo'"}, "append-only"},
		{"another mark during a redaction", []string{marker(phone), "UPDATE disclosure_versions SET summary = replace(summary, '" + phone + "', 'xxx')"}, "append-only"},
		{"a date during a redaction", []string{marker(phone), "UPDATE disclosure_versions SET published_at = '2000-01-01T00:00:00.000000Z'"}, "append-only"},
		{"a version number during a redaction", []string{marker(phone), "UPDATE disclosure_versions SET version = version + 10"}, "append-only"},
		{"another item's redaction", []string{
			"INSERT INTO redaction_in_progress(id, redaction_id, disclosure_id, needle, needle_html) VALUES (1, " + itoa(r.ID) + ", 999, 'abc', 'abc')",
		}, "needs its redaction"},
		{"delete during a redaction", []string{marker(phone), "DELETE FROM disclosure_versions"}, "append-only"},
		{"version files during a redaction", []string{marker(phone), "DELETE FROM version_attachments"}, "append-only"},
		{"audit outside a redaction", []string{"UPDATE audit_log SET detail = 'xoá dấu vết'"}, "append-only"},
		{"audit action during a redaction", []string{marker(phone), "UPDATE audit_log SET action = 'x' WHERE entity = 'disclosure'"}, "append-only"},
		{"other audit during a redaction", []string{marker(phone), "UPDATE audit_log SET detail = 'x' WHERE entity <> 'disclosure'"}, "append-only"},
		{"change a redaction", []string{"UPDATE redactions SET reason = 'khác'"}, "append-only"},
		{"delete a redaction", []string{"DELETE FROM redactions"}, "append-only"},
		{"restore a file", []string{"DELETE FROM redacted_files"}, "append-only"},
		{"attach a removed file", []string{"INSERT INTO disclosure_attachments(disclosure_id, attachment_id, position) VALUES (" + itoa(id) + ", " + itoa(old.ID) + ", 9)"}, "redacted"},
		{"a short needle", []string{marker("09")}, "CHECK"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tx, err := s.w.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			var last error
			for _, q := range tc.sql {
				if _, last = tx.ExecContext(ctx, q); last != nil {
					break
				}
			}
			if last == nil {
				t.Fatalf("%v succeeded", tc.sql)
			}
			if !strings.Contains(last.Error(), tc.message) {
				t.Errorf("error %q does not contain %q", last, tc.message)
			}
		})
	}
	if after := snapshot(); after != before {
		t.Errorf("data changed:\n%s\n→\n%s", before, after)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// An attachment record can be carried by two items (the edit form keeps any
// known file id). Removing it from one item's history must not take it out
// of the other item, whose current version still publishes it.
func TestRedactRefusesFileAnotherItemCarries(t *testing.T) {
	ctx := context.Background()
	s, _ := newTestStore(t)
	uid := mustUser(t, s, "quantri")
	id, old, _ := redactionFixture(t, s, uid)
	other, err := s.CreateDisclosure(ctx, DisclosureInput{Category: "thong-bao", Title: "Khác", AttachmentIDs: []int64{old.ID}}, uid)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDisclosure(ctx, other, uid); err != nil {
		t.Fatal(err)
	}
	_, err = s.Redact(ctx, id, RedactionInput{FileIDs: []int64{old.ID}, Reason: "Có số điện thoại"}, uid)
	wantErr(t, "remove a file another item publishes", err, ErrFileNotRemovable)
	d, err := s.PublicDisclosure(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Attachment(ctx, old.ID); a.Removed {
		t.Error("the other item's current file is marked removed")
	}
	if _, err := os.Stat(s.AttachmentPath(old)); err != nil {
		t.Errorf("the bytes of the other item's current file were deleted: %v", err)
	}
	if len(d.Attachments) != 1 {
		t.Errorf("other item has %d files, want 1", len(d.Attachments))
	}
}
