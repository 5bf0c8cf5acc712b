package portal

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"mime"
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"minhbach/portal/contacts"
	"minhbach/portal/vcard"
	"minhbach/store"
)

// The directory (row 4a) is a disclosure of this category and kind; its
// rows are the people of portal/contacts.
const (
	contactsCategory = "danh-ba"
	contactsKind     = "danh-ba"
)

// publishedDirectory is the directory residents see.
type publishedDirectory struct {
	D      store.Disclosure
	People []contacts.Person
}

// publishedDirectory returns the directory in force, nil when none is
// published.
func (h *handler) publishedDirectory(ctx context.Context) (*publishedDirectory, error) {
	d, ok, err := h.inForce(ctx, contactsCategory, contactsKind)
	if err != nil || !ok {
		return nil, err
	}
	people, err := h.peopleOfVersion(ctx, d.RowsVersion)
	if err != nil {
		return nil, err
	}
	return &publishedDirectory{D: d, People: people}, nil
}

// peopleOfVersion decodes the rows a version carries.
func (h *handler) peopleOfVersion(ctx context.Context, rowsVersion int64) ([]contacts.Person, error) {
	if rowsVersion == 0 {
		return nil, nil
	}
	rows, err := h.store.VersionRows(ctx, rowsVersion)
	if err != nil {
		return nil, err
	}
	return contacts.Decode(rows)
}

// contactGroup is one role's heading and its people.
type contactGroup struct {
	Role   contacts.Role
	People []contacts.Public
}

// groupContacts groups what may be shown of people by role, in the
// roles' order; village > 0 keeps that village's people only.
func groupContacts(people []contacts.Person, village int64) []contactGroup {
	var out []contactGroup
	for _, r := range contacts.Roles {
		g := contactGroup{Role: r}
		for _, p := range people {
			if p.Role == r.Slug && (village == 0 || p.VillageID == village) {
				g.People = append(g.People, p.Public())
			}
		}
		if len(g.People) > 0 {
			out = append(out, g)
		}
	}
	return out
}

type contactsPage struct {
	Base
	Directory *publishedDirectory
	Groups    []contactGroup
	Villages  []fieldOption // the villages the directory names
	Village   string        // the filter, as typed
	Office    string        // the office's phone, shown for people without consent
}

// ItemPath is the directory item's own page.
func (p *contactsPage) ItemPath() string { return itemPath(p.Directory.D.ID) }

// contactsIndex is /danh-ba: the directory grouped by role, filtered by
// village with ?thon=<id>.
func (h *handler) contactsIndex(c *fiber.Ctx) error {
	dir, err := h.publishedDirectory(c.UserContext())
	if err != nil {
		return err
	}
	p := &contactsPage{Base: h.base(c, "Danh bạ liên hệ"), Directory: dir, Office: h.settings(c).Phone}
	p.Description = "Trưởng thôn, đại biểu HĐND xã, công chức phụ trách từng lĩnh vực: chức danh, thôn và số điện thoại được công khai."
	if dir == nil {
		return h.render(c, "contacts", p)
	}
	var village int64
	if v := c.Query("thon"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return errNotFound()
		}
		village, p.Village = id, v
	}
	seen := map[int64]bool{}
	for _, x := range dir.People {
		if x.VillageID != 0 && !seen[x.VillageID] {
			seen[x.VillageID] = true
			p.Villages = append(p.Villages, fieldOption{itoa(x.VillageID), x.Village})
		}
	}
	coll := collate.New(language.Vietnamese) // not safe for concurrent use: one per request
	slices.SortFunc(p.Villages, func(a, b fieldOption) int { return coll.CompareString(a.Label, b.Label) })
	if village != 0 && !seen[village] {
		return errNotFound()
	}
	p.Groups = groupContacts(dir.People, village)
	return h.render(c, "contacts", p)
}

// contactCard is /danh-ba/{key}.vcf: one person's vCard. Without consent
// it carries the office's number, as the page does.
func (h *handler) contactCard(c *fiber.Ctx) error {
	dir, err := h.publishedDirectory(c.UserContext())
	if err != nil {
		return err
	}
	if dir == nil {
		return errNotFound()
	}
	key := c.Params("key")
	i := slices.IndexFunc(dir.People, func(p contacts.Person) bool { return p.Key == key })
	if i < 0 {
		return errNotFound()
	}
	st := h.settings(c)
	pub := dir.People[i].Public()
	card := vcard.Card{
		UID:      "urn:minhbach:danh-ba:" + pub.Key,
		Name:     pub.Name,
		Title:    pub.Title,
		Org:      "UBND " + st.CommuneName,
		OrgUnit:  pub.Village,
		Phone:    pub.Phone,
		Email:    pub.Email,
		Office:   st.Address,
		Category: pub.RoleName,
		URL:      h.baseURL(c) + contactsPath,
	}
	if pub.Area != "" {
		card.Note = "Phụ trách: " + pub.Area + "."
	}
	if pub.Phone == "" && pub.Email == "" && st.Phone != "" {
		card.Phone = st.Phone
		card.Note += " Số điện thoại của Văn phòng UBND xã (người này chưa đồng ý công khai số riêng)."
	}
	c.Set(fiber.HeaderContentType, "text/vcard; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": pub.Key + ".vcf"}))
	return c.Send(card.Marshal())
}

var contactsCSVHeader = []string{"ma", "nhom", "ho_ten", "chuc_danh", "thon", "linh_vuc", "dien_thoai", "thu_dien_tu"}

// contactsExport is /danh-ba/xuat.{csv,json}: the directory with only the
// details people agreed to publish (the same as the page shows).
func (h *handler) contactsExport(c *fiber.Ctx) error {
	format := c.Params("format")
	if format != "csv" && format != "json" {
		return errNotFound()
	}
	dir, err := h.publishedDirectory(c.UserContext())
	if err != nil {
		return err
	}
	var people []contacts.Public
	if dir != nil {
		for _, p := range dir.People {
			people = append(people, p.Public())
		}
	}
	var buf bytes.Buffer
	if format == "json" {
		if people == nil {
			people = []contacts.Public{}
		}
		b, err := json.MarshalIndent(people, "", "  ")
		if err != nil {
			return err
		}
		buf.Write(b)
		buf.WriteByte('\n')
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	} else {
		buf.WriteString("\ufeff") // Excel reads UTF-8 with the mark
		w := csv.NewWriter(&buf)
		w.UseCRLF = true
		w.Write(contactsCSVHeader)
		for _, p := range people {
			w.Write([]string{p.Key, p.RoleName, csvSafe(p.Name), csvSafe(p.Title), csvSafe(p.Village), csvSafe(p.Area), csvSafe(p.Phone), csvSafe(p.Email)})
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	}
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": "danh-ba." + format}))
	return c.Send(buf.Bytes())
}
