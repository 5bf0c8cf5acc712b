package portal

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/procedure"
	"minhbach/store"
)

// procedureSection is an administrative procedure's part of its item
// page: steps, documents with their forms, time limit, fee.
type procedureSection struct {
	D         store.Disclosure
	P         procedure.Procedure
	Documents []procedureDoc
}

// procedureDoc is a document required, with the form that serves it when
// the item (or version) carries that file and it was not redacted.
type procedureDoc struct {
	Name string
	Form *store.Attachment
}

// procedureDocs pairs each document with its form's attachment.
func procedureDocs(d store.Disclosure, p procedure.Procedure) []procedureDoc {
	out := make([]procedureDoc, len(p.Documents))
	for i, doc := range p.Documents {
		out[i].Name = doc.Name
		if a, ok := attachmentByID(d, doc.Form); ok && doc.Form != 0 && !a.Removed {
			out[i].Form = &a
		}
	}
	return out
}

// procedureSection builds the section of a procedure (kind thu-tuc).
func (h *handler) procedureSection(c *fiber.Ctx, d store.Disclosure, rowsVersion int64, asOf time.Time) (*procedureSection, error) {
	if d.Kind != procedure.Kind || len(d.Facts) == 0 {
		return nil, nil
	}
	s := &procedureSection{D: d}
	if err := decodeFacts(d, &s.P); err != nil {
		return nil, err
	}
	s.Documents = procedureDocs(d, s.P)
	return s, nil
}
