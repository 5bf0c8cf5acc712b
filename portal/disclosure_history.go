package portal

import (
	"encoding/json"
	"html/template"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/textdiff"
	"minhbach/store"
)

// fieldChange is one metadata field that a version changed.
type fieldChange struct {
	Label, Old, New string
}

// versionChange is a version with what it changed against the one before.
type versionChange struct {
	V       store.Version
	Fields  []fieldChange
	Body    []textdiff.Span
	Added   []store.Attachment
	Removed []store.Attachment
	First   bool
	// Rows: what the version changed in the item's structured rows.
	Rows rowsChange
}

// BodyChanged reports whether the text of the body changed.
func (vc versionChange) BodyChanged() bool { return textdiff.Changed(vc.Body) }

func compareVersions(prev, v store.Version) versionChange {
	vc := versionChange{V: v}
	field := func(label, a, b string) {
		if a != b {
			vc.Fields = append(vc.Fields, fieldChange{label, a, b})
		}
	}
	field("Chuyên mục", categoryLabel(prev.Category), categoryLabel(v.Category))
	field("Tiêu đề", prev.Title, v.Title)
	field("Tóm tắt", prev.Summary, v.Summary)
	field("Căn cứ pháp lý", prev.LegalBasis, v.LegalBasis)
	field("Đơn vị chủ trì", prev.UnitName, v.UnitName)
	field("Thời gian niêm yết", postingPeriod(prev.PostingFrom, prev.PostingUntil), postingPeriod(v.PostingFrom, v.PostingUntil))
	field("Loại", kindLabel(prev.Category, prev.Kind), kindLabel(v.Category, v.Kind))
	field("Ngày ban hành văn bản", fmtDate(prev.DecidedOn), fmtDate(v.DecidedOn))
	vc.Body = textdiff.Words(htmlToText(prev.Body), htmlToText(v.Body))
	had := map[string]bool{}
	for _, a := range prev.Attachments {
		had[a.SHA256+a.Filename] = true
	}
	has := map[string]bool{}
	for _, a := range v.Attachments {
		has[a.SHA256+a.Filename] = true
		if !had[a.SHA256+a.Filename] {
			vc.Added = append(vc.Added, a)
		}
	}
	for _, a := range prev.Attachments {
		if !has[a.SHA256+a.Filename] {
			vc.Removed = append(vc.Removed, a)
		}
	}
	return vc
}

type versionsPage struct {
	Base
	D          store.Disclosure
	Changes    []versionChange // newest first
	Redactions []redactionNote
}

// disclosureVersions is the open revision history of an item: every
// published version, its date and reason, and what it changed.
func (h *handler) disclosureVersions(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return errNotFound()
	}
	d, err := h.publishedDisclosure(c, id)
	if err != nil {
		return err
	}
	versions, err := h.store.Versions(c.UserContext(), id)
	if err != nil {
		return err
	}
	rs, err := h.store.Redactions(c.UserContext(), id)
	if err != nil {
		return err
	}
	for i := range versions {
		markRemovedFiles(rs, &versions[i])
	}
	changes := make([]versionChange, 0, len(versions))
	rows := map[int64][]json.RawMessage{} // by the version row that holds them
	rowsOf := func(vid int64) ([]json.RawMessage, error) {
		if r, ok := rows[vid]; ok || vid == 0 {
			return r, nil
		}
		r, err := h.store.VersionRows(c.UserContext(), vid)
		rows[vid] = r
		return r, err
	}
	now := h.now()
	for i := len(versions) - 1; i >= 0; i-- {
		if i == 0 {
			changes = append(changes, versionChange{V: versions[0], First: true})
			continue
		}
		vc := compareVersions(versions[i-1], versions[i])
		if a, b := versions[i-1].RowsVersion, versions[i].RowsVersion; a != b {
			prev, err := rowsOf(a)
			if err != nil {
				return err
			}
			cur, err := rowsOf(b)
			if err != nil {
				return err
			}
			vc.Rows = compareRows(d, now, prev, cur)
		}
		changes = append(changes, vc)
	}
	p := &versionsPage{Base: h.base(c, "Lịch sử thay đổi: "+d.Title), D: d, Changes: changes, Redactions: redactionNotes(rs)}
	p.Description = describe("Mọi phiên bản đã công khai của tin “" + d.Title + "”, ngày và lý do thay đổi, những gì đã thay đổi.")
	return h.render(c, "disclosure_versions", p)
}

type versionPage struct {
	Base
	D          store.Disclosure
	V          store.Version
	Body       template.HTML
	Redactions []redactionNote // those that touched this version
	Structured *structuredSection
}

// disclosureVersion shows one past version in full, as it was published.
func (h *handler) disclosureVersion(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return errNotFound()
	}
	n, err := strconv.Atoi(c.Params("n"))
	if err != nil {
		return errNotFound()
	}
	d, err := h.publishedDisclosure(c, id)
	if err != nil {
		return err
	}
	v, err := h.store.DisclosureVersion(c.UserContext(), id, n)
	if err != nil {
		return err
	}
	rs, err := h.store.Redactions(c.UserContext(), id)
	if err != nil {
		return err
	}
	markRemovedFiles(rs, &v)
	p := &versionPage{Base: h.base(c, v.Title+" (phiên bản "+strconv.Itoa(n)+")"), D: d, V: v,
		Body: markRedactedHTML(h.richHTML(v.Body)), Redactions: notesFor(redactionNotes(rs), v)}
	// The version's own content, judged as of now: a household list's
	// names stay hidden in old versions once the window has ended.
	asOf := d
	asOf.Kind, asOf.Facts, asOf.DecidedOn, asOf.RowCount = v.Kind, v.Facts, v.DecidedOn, v.RowCount
	if p.Structured, err = h.structuredSection(c, asOf, v.RowsVersion, h.now()); err != nil {
		return err
	}
	p.NoIndex = d.Internal || p.Structured.showsNames()
	p.Canonical = canonical(p.Settings, itemPath(d.ID))
	p.Description = itemDescription(v.Summary, v.Body)
	return h.render(c, "disclosure_version", p)
}
