package portal

import (
	"context"
	"time"

	"minhbach/portal/contacts"
	"minhbach/portal/indicators"
	"minhbach/portal/reception"
	"minhbach/portal/vn"
	"minhbach/store"
)

// figures computes the plan's computed indicators (indicators.Catalog)
// from what the portal records, for any period within a span: the facts
// are read once, when an indicator first needs them, so that a scorecard
// and its trend by month read each kind of fact once.
type figures struct {
	h        *handler
	ctx      context.Context
	from, to time.Time // the span the facts cover (civil dates)
	today    time.Time
	facts    indicators.Facts
	loaded   map[string]bool
	// counts are the kept question statistics of each period of whole
	// months asked for: the seven question indicators read them once.
	counts map[indicators.Period]indicators.QuestionCounts
	// Labels of the items counted, by path: a disclosure's title, a
	// village's name. Items without one are named by number.
	titles map[string]string
	// recordedFrom is the first day the schedule in force was public:
	// the portal records no reception day before it.
	recordedFrom time.Time
}

// newFigures prepares the figures for periods within from–to.
func (h *handler) newFigures(ctx context.Context, from, to time.Time) *figures {
	return &figures{h: h, ctx: ctx, from: from, to: to, today: today(h.now()),
		loaded: map[string]bool{}, counts: map[indicators.Period]indicators.QuestionCounts{}, titles: map[string]string{}}
}

// computedValue is a computed indicator's value for period p: function is
// an indicators.Catalog key.
func (h *handler) computedValue(ctx context.Context, function string, p indicators.Period) (indicators.Value, error) {
	return h.newFigures(ctx, p.From, p.To).value(function, p)
}

// Which facts each computed indicator reads.
const (
	factQuestions   = "questions"
	factDisclosures = "disclosures"
	factSessions    = "sessions"
	factProcedures  = "procedures"
	factVillages    = "villages"
	factDrafts      = "drafts"
)

// factsOf names the facts an indicator function reads; "" for an unknown
// function.
func factsOf(function string) string {
	switch function {
	case "ngan-sach-dung-han", "ho-ngheo-niem-yet":
		return factDisclosures
	case "tiep-dan-chu-tich":
		return factSessions
	case "bieu-mau-thu-tuc":
		return factProcedures
	case "danh-ba-thon":
		return factVillages
	case "du-thao-tong-hop":
		return factDrafts
	}
	if _, ok := indicators.Lookup(function); ok {
		return factQuestions // every other catalogue key is a question figure
	}
	return ""
}

// value is the indicator's value for p, which must lie within the span.
// A period is computed up to today: the weeks and items still to come are
// not counted against the commune.
func (f *figures) value(function string, p indicators.Period) (indicators.Value, error) {
	def, ok := indicators.Lookup(function)
	if !ok {
		return indicators.Value{NoData: true}, nil
	}
	if p.From.After(f.today) {
		return indicators.Value{NoData: true}, nil
	}
	// Question figures over whole months (months, quarters, years) come
	// from the statistics the database keeps, whatever the number of
	// items; nothing is received or answered after today, so the period
	// need not be cut there. Their evidence is the list of the items
	// (evidence).
	if factsOf(function) == factQuestions && wholeMonths(p) {
		c, ok := f.counts[p]
		if !ok {
			var err error
			if c, err = f.h.store.QuestionCounts(f.ctx, p.From, p.To); err != nil {
				return indicators.Value{}, err
			}
			f.counts[p] = c
		}
		v, _ := c.Of(function)
		return v, nil
	}
	if err := f.load(factsOf(function)); err != nil {
		return indicators.Value{}, err
	}
	if p.To.After(f.today) {
		p.To = f.today
	}
	if factsOf(function) == factSessions {
		if f.recordedFrom.IsZero() {
			return indicators.Value{NoData: true}, nil
		}
		if p.From.Before(f.recordedFrom) {
			p.From = f.recordedFrom
		}
		if p.From.After(p.To) {
			return indicators.Value{NoData: true}, nil
		}
	}
	return def.Compute(f.facts, p), nil
}

// wholeMonths reports whether p runs from the first day of a month to the
// last day of a month.
func wholeMonths(p indicators.Period) bool {
	return p.From.Day() == 1 && p.To.AddDate(0, 0, 1).Day() == 1 && !p.To.Before(p.From)
}

// evidence links what a computed value counted: the items it lists, or for
// a question figure from the kept statistics, which lists none, the public
// list of the items behind it.
func (f *figures) evidence(function string, p indicators.Period, v indicators.Value) []itemLink {
	if factsOf(function) == factQuestions && len(v.Items) == 0 {
		if v.Den == 0 || v.Den == v.Hidden {
			return nil
		}
		return []itemLink{{"Danh sách câu hỏi được tính (" + vn.Number(int64(v.Den-v.Hidden)) + " câu công khai)",
			questionEvidencePath(function, p)}}
	}
	return f.links(function, v.Items)
}

// load reads one kind of facts for the span, once.
func (f *figures) load(kind string) error {
	if kind == "" || f.loaded[kind] {
		return nil
	}
	var err error
	switch kind {
	case factQuestions:
		// A scan of the items; the maintained monthly aggregates
		// (store/question_stats.go) take its place where they exist.
		f.facts.Questions, err = f.h.store.QuestionFacts(f.ctx, f.from, f.to)
	case factDisclosures:
		err = f.loadDisclosures()
	case factSessions:
		err = f.loadSessions()
	case factProcedures:
		err = f.loadProcedures()
	case factVillages:
		err = f.loadVillages()
	case factDrafts:
		err = f.loadDrafts()
	}
	if err == nil {
		f.loaded[kind] = true
	}
	return err
}

// dueMargin reaches back from the span's start to the decisions whose due
// date falls in it: the longest legal delay is 30 days, plus days off.
const dueMargin = 75

// loadDisclosures judges every item decided or first published in the
// span (drafts too: an overdue budget stage is one) with the legal clock,
// on today.
func (f *figures) loadDisclosures() error {
	ds, err := f.h.store.JudgedDisclosures(f.ctx, "", f.from.AddDate(0, 0, -dueMargin), f.to)
	if err != nil {
		return err
	}
	all, err := f.h.store.DisclosureRules(f.ctx)
	if err != nil {
		return err
	}
	now := f.h.now()
	for _, d := range ds {
		_, v, _, ok := f.h.judge(all, d, now)
		if !ok {
			continue
		}
		public := (d.Status == store.StatusPublished || d.Status == store.StatusWithdrawn) && !d.Internal
		fact := indicators.DisclosureFact{ID: d.ID, Kind: store.KindID(d.Category, d.Kind), Public: public,
			Due: v.Due, Timing: v.Timing, Posting: v.Posting}
		if !d.FirstPublished.IsZero() {
			fact.Published = today(d.FirstPublished)
		}
		if public {
			f.titles[itemPath(d.ID)] = d.Title
		}
		f.facts.Disclosures = append(f.facts.Disclosures, fact)
	}
	return nil
}

// loadSessions lists the sessions the schedule in force holds in the span,
// from its first publication on (recordedFrom). Past schedules are not
// replayed: a changed schedule is judged as it stands now.
func (f *figures) loadSessions() error {
	sch, err := f.h.publishedSchedule(f.ctx)
	if err != nil || sch == nil {
		return err
	}
	f.facts.Cal = f.h.calendar()
	f.titles[itemPath(sch.D.ID)] = sch.D.Title
	f.recordedFrom = today(sch.D.FirstPublished)
	for _, s := range reception.Sessions(sch.S, f.from, f.to, holidayNames(f.h.calendar())) {
		if s.Status == reception.Held {
			f.facts.Sessions = append(f.facts.Sessions, indicators.ReceptionSession{ID: sch.D.ID, Date: s.Date, Chairman: s.Chairman})
		}
	}
	return nil
}

// loadProcedures lists the catalogue's procedures with their forms.
func (f *figures) loadProcedures() error {
	groups, err := f.h.catalogue(f.ctx, "")
	if err != nil {
		return err
	}
	for _, g := range groups {
		for _, e := range g.Entries {
			f.titles[itemPath(e.D.ID)] = e.P.Name
			f.facts.Procedures = append(f.facts.Procedures,
				indicators.ProcedureFact{ID: e.D.ID, Field: e.P.Field, Public: true, Forms: e.Forms})
		}
	}
	return nil
}

// loadVillages checks every village in use against the directory in force.
func (f *figures) loadVillages() error {
	villages, err := f.h.store.Villages(f.ctx)
	if err != nil {
		return err
	}
	dir, err := f.h.publishedDirectory(f.ctx)
	if err != nil {
		return err
	}
	var people []contacts.Person
	if dir != nil {
		people = dir.People
	}
	for _, v := range villages {
		fact := indicators.VillageContacts{ID: v.ID}
		for _, p := range people {
			if p.Role == villageHeadRole && p.VillageID == v.ID {
				fact.Head = true
				fact.Phone = fact.Phone || p.Public().Phone != ""
			}
		}
		f.titles[villageContactsPath(v.ID)] = v.Name
		f.facts.Villages = append(f.facts.Villages, fact)
	}
	return nil
}

// villageHeadRole is the directory's role of a village head.
const villageHeadRole = "truong-thon"

// villageContactsPath is the directory filtered to one village.
func villageContactsPath(id int64) string { return contactsPath + "?thon=" + itoa(id) }

// loadDrafts lists the comment windows that closed in the span.
func (f *figures) loadDrafts() error {
	ws, err := f.h.store.DraftWindows(f.ctx, f.from, f.to)
	if err != nil {
		return err
	}
	for _, w := range ws {
		fact := indicators.DraftFact{ID: w.DisclosureID, Public: w.Public, CommentUntil: w.ClosesOn}
		if !w.SynthesisPublishedAt.IsZero() {
			fact.Synthesis = today(w.SynthesisPublishedAt)
		}
		f.facts.Drafts = append(f.facts.Drafts, fact)
	}
	return nil
}

// itemLink is one item a computed value counted, as evidence.
type itemLink struct {
	Label, URL string
}

// links names the public items a computed value counted.
func (f *figures) links(function string, ids []int64) []itemLink {
	out := make([]itemLink, 0, len(ids))
	for _, id := range ids {
		var url, label string
		switch factsOf(function) {
		case factQuestions:
			url, label = questionPath(id), "Câu hỏi số "+itoa(id)
		case factVillages:
			url = villageContactsPath(id)
		default:
			url = itemPath(id)
		}
		if t := f.titles[url]; t != "" {
			label = t
		} else if label == "" {
			label = "Mục số " + itoa(id)
		}
		out = append(out, itemLink{label, url})
	}
	return out
}
