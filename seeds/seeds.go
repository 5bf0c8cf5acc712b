// Package seeds loads the demo data of Trung Trắc commune: settings,
// villages, units, two officer accounts, residents' questions in every
// state and a history of disclosures from 2023 on, among them the commune's 2023 PAPI plan (Kế hoạch số
// 06/KH-UBND ngày 19/01/2023) with a generated Word copy.
//
// Units and officer titles come from the plan. Every person, household,
// phone number, sum of money and village name is fictional, and every
// disclosure is marked Demo.
package seeds

import (
	"context"
	"errors"
	"fmt"
	"minhbach/portal/plan"
	"slices"
	"sort"
	"time"

	"minhbach/portal/password"
	"minhbach/store"
)

// DefaultDemoPassword is used when Options.DemoPassword is empty.
const DefaultDemoPassword = "trungtrac-demo"

// Options tune Load.
type Options struct {
	// DemoPassword is the password of both demo accounts (at least
	// password.MinLength characters). Empty means DefaultDemoPassword.
	DemoPassword string
	// NoQuestions leaves out the residents' questions (tests that count
	// the questions they make themselves).
	NoQuestions bool
	// NoPlanEvidence leaves out the officers' figures and links of the
	// plans (tests that enter the first ones themselves).
	NoPlanEvidence bool
}

// Login is a demo account made by Load.
type Login struct {
	Login    string
	Name     string
	Title    string
	Role     string
	Password string // empty when the login already existed and was kept
}

// Result tells what Load wrote.
type Result struct {
	Skipped     bool // the database already had a commune or disclosures: nothing written
	Villages    int
	Units       int
	Users       int // accounts created
	Disclosures int // all items, drafts included
	Published   int // items public now (published, not withdrawn)
	Drafts      int
	Withdrawn   int
	Versions    int // public versions written, revisions included
	Revised     int // items with more than one public version
	Attachments int
	PlanID      int64 // the disclosure carrying the 2023 PAPI plan
	Questions   int   // questions and feedback, in every state
	// IndicatorValues and IndicatorLinks: the plan's evidence entered.
	IndicatorValues int
	IndicatorLinks  int
	Logins          []Login
}

// vnZone is Vietnam's time (UTC+7, no daylight saving).
var vnZone = time.FixedZone("ICT", 7*60*60)

// at is a moment in Vietnam's time.
func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, vnZone)
}

// day is a civil date as the store keeps it: midnight UTC.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// seedStart is when the demo history begins: the accounts, units and
// settings are made then.
var seedStart = at(2023, time.January, 3, 7, 30)

// Villages are the demo villages (thôn). The names are illustrative.
var Villages = []string{
	"Thôn Đông", "Thôn Đoài", "Thôn Nam", "Thôn Bắc",
	"Thôn Ngọc Quỳnh", "Thôn Trung", "Thôn Thượng",
}

// Unit names, as the plan names the commune's offices and organisations.
const (
	unitUBND     = "UBND xã"
	unitHDND     = "HĐND xã"
	unitMTTQ     = "Ủy ban MTTQ Việt Nam xã"
	unitCongAn   = "Công an xã"
	unitVanPhong = "Văn phòng - Thống kê"
	unitTaiChinh = "Tài chính - Kế toán"
	unitDiaChinh = "Địa chính - Xây dựng" // "Công chức Địa chính GTTL" in the plan
	unitTuPhap   = "Tư pháp - Hộ tịch"
	unitVHXH     = "Văn hóa - Xã hội"
	unitDai      = "Đài truyền thanh xã"
	unitTramYTe  = "Trạm y tế xã"
	unitBanTTND  = "Ban Thanh tra nhân dân"
	unitMamNon   = "Trường Mầm non Trung Trắc"
	unitTieuHoc  = "Trường Tiểu học Trung Trắc"
	unitTHCS     = "Trường THCS Trung Trắc"
)

// Units lists the units in display order.
var Units = []string{
	unitUBND, unitHDND, unitMTTQ, unitCongAn, unitVanPhong, unitTaiChinh,
	unitDiaChinh, unitTuPhap, unitVHXH, unitDai, unitTramYTe, unitBanTTND,
	unitMamNon, unitTieuHoc, unitTHCS,
}

// demoSettings describe the commune; address, phone and e-mail are made up.
var demoSettings = store.Settings{
	CommuneName: "xã Trung Trắc",
	District:    "huyện Văn Lâm",
	Province:    "tỉnh Hưng Yên",
	Address:     "Trụ sở UBND xã, Thôn Trung, xã Trung Trắc, huyện Văn Lâm, tỉnh Hưng Yên",
	Phone:       "0221 3 555 010",
	Email:       "vanphong.trungtrac@example.org",
	PortalURL:   "http://localhost:8080",
	Demo:        true,
}

// demoUsers are fictional officers; only their titles come from the plan.
var demoUsers = []struct {
	login, name, title, unit, role string
}{
	{"admin", "Trần Văn Hải", "Công chức Văn phòng - Thống kê", unitVanPhong, store.RoleAdmin},
	{"canbo", "Nguyễn Thị Thu Hà", "Công chức Tư pháp - Hộ tịch", unitTuPhap, store.RoleOfficer},
}

// DemoLogins are the logins of the demo accounts, for a check that none is
// left open with the demo password on a real portal.
func DemoLogins() []string {
	out := make([]string, len(demoUsers))
	for i, u := range demoUsers {
		out[i] = u.login
	}
	return out
}

// Load writes the demo data once. If the database already names a commune
// or holds any disclosure, it writes nothing and reports Skipped.
// It moves the store's clock through 2023–2026 while it writes, so that the
// history reads as real, and puts time.Now back before returning.
func Load(ctx context.Context, st *store.Store, opts Options) (Result, error) {
	settings, err := st.Settings(ctx)
	if err != nil {
		return Result{}, err
	}
	found, err := st.HasDisclosures(ctx)
	if err != nil {
		return Result{}, err
	}
	if settings.CommuneName != "" || found {
		return Result{Skipped: true}, nil
	}
	pw := opts.DemoPassword
	if pw == "" {
		pw = DefaultDemoPassword
	}
	hash, err := password.Hash(pw)
	if err != nil {
		return Result{}, fmt.Errorf("seeds: demo password: %w", err)
	}

	now := seedStart
	st.SetClock(func() time.Time { return now })
	defer st.SetClock(time.Now)

	var res Result
	for _, v := range Villages {
		if _, err := st.AddVillage(ctx, v, 0); err != nil {
			return res, err
		}
		res.Villages++
	}
	units := map[string]int64{}
	for _, u := range Units {
		id, err := st.AddUnit(ctx, u, 0)
		if err != nil {
			return res, err
		}
		units[u] = id
		res.Units++
	}
	if err := st.SaveSettings(ctx, demoSettings, 0); err != nil {
		return res, fmt.Errorf("seeds: settings: %w", err)
	}
	var actors []int64
	for _, u := range demoUsers {
		l := Login{Login: u.login, Name: u.name, Title: u.title, Role: u.role, Password: pw}
		id, err := st.CreateUser(ctx, store.NewUser{Login: u.login, Name: u.name, Title: u.title,
			UnitID: units[u.unit], Role: u.role, PasswordHash: hash}, 0)
		if errors.Is(err, store.ErrDuplicateLogin) {
			// An account made before seeding is kept as it is.
			old, err := st.UserByLogin(ctx, u.login)
			if err != nil {
				return res, err
			}
			id, l = old.ID, Login{Login: old.Login, Name: old.Name, Title: old.Title, Role: old.Role}
		} else if err != nil {
			return res, err
		} else {
			res.Users++
		}
		actors = append(actors, id)
		res.Logins = append(res.Logins, l)
	}
	admin, officer := actors[0], actors[1]

	items, err := allItems()
	if err != nil {
		return res, err
	}
	v, err := st.Version(ctx)
	if err != nil {
		return res, err
	}
	structured := v >= store.StructuredSchema
	if !structured {
		// An older schema has no office-only items: they would be public.
		items = slices.DeleteFunc(items, func(it item) bool { return store.IsInternal(it.Category) })
	}
	w := writer{st: st, units: units, ids: make([]int64, len(items)), inputs: make([]store.DisclosureInput, len(items)),
		structured: structured}
	for _, e := range schedule(items) {
		now = e.at
		if err := w.do(ctx, items[e.item], e, admin, officer, &res); err != nil {
			return res, fmt.Errorf("seeds: %q: %w", items[e.item].Title, err)
		}
		if items[e.item].Plan {
			res.PlanID = w.ids[e.item]
		}
	}
	if !opts.NoQuestions {
		if err := loadQuestions(ctx, st, func(t time.Time) { now = t }, units, admin, officer, &res); err != nil {
			return res, err
		}
		if err := loadLandQuestions(ctx, st, func(t time.Time) { now = t }, items, w.ids, admin, &res); err != nil {
			return res, err
		}
	}
	if err := loadReception(ctx, st, func(t time.Time) { now = t }, units, admin, &res); err != nil {
		return res, err
	}
	plans := map[int]int64{}
	for i, it := range items {
		if it.Kind == plan.Kind && w.ids[i] != 0 {
			plans[it.Decided.Year()] = w.ids[i]
		}
	}
	if !opts.NoPlanEvidence {
		if err := loadPlanEvidence(ctx, st, func(t time.Time) { now = t }, plans, items, w.ids, officer, &res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// attachSpec is a file generated for a disclosure.
type attachSpec struct {
	Filename string
	MIME     string
	Make     func() ([]byte, error)
}

// revision is a later public version of an item.
type revision struct {
	At     time.Time
	Reason string
	Edit   func(*store.DisclosureInput)
	Attach []attachSpec // added after the existing files
}

// item is one seeded disclosure with its history.
type item struct {
	Category   string
	Title      string
	Summary    string
	Body       string // sanitised HTML: p, h2, ul/li, table
	LegalBasis string
	Unit       string
	From       time.Time // posting period (civil dates)
	Until      time.Time // zero: no end
	Created    time.Time // zero: three hours before Published
	Published  time.Time // zero: the item stays a draft
	Attach     []attachSpec
	Revisions  []revision
	Withdrawn  time.Time
	Withdraw   string // the reason
	Plan       bool   // the 2023 PAPI plan
	// The legal clock (schema 10): the kind inside the category and the
	// date of the decision disclosed (the end of the period reported).
	Kind    string
	Decided time.Time
	// Input sets the structured part at creation (kind, decision date,
	// facts, rows); nil for none.
	Input func(*store.DisclosureInput)
	// Structured sets the structured part of the new item (kind, decision
	// date, facts) given the ids of its files; left out on a database
	// older than store.StructuredSchema (the upgrade test).
	Structured func(ctx context.Context, st *store.Store, files []int64, in *store.DisclosureInput) error
}

type eventKind int

const (
	evCreate eventKind = iota
	evPublish
	evRevise
	evWithdraw
)

type event struct {
	at   time.Time
	item int
	kind eventKind
	rev  int
}

// schedule orders every step of every item by time, so the audit log and
// the version history read as one story.
func schedule(items []item) []event {
	var evs []event
	for i, it := range items {
		created := it.Created
		if created.IsZero() {
			created = it.Published.Add(-3 * time.Hour)
		}
		evs = append(evs, event{at: created, item: i, kind: evCreate})
		if it.Published.IsZero() {
			continue
		}
		evs = append(evs, event{at: it.Published, item: i, kind: evPublish})
		for r, rv := range it.Revisions {
			evs = append(evs, event{at: rv.At, item: i, kind: evRevise, rev: r})
		}
		if !it.Withdrawn.IsZero() {
			evs = append(evs, event{at: it.Withdrawn, item: i, kind: evWithdraw})
		}
	}
	sort.SliceStable(evs, func(a, b int) bool {
		if !evs[a].at.Equal(evs[b].at) {
			return evs[a].at.Before(evs[b].at)
		}
		if evs[a].item != evs[b].item {
			return evs[a].item < evs[b].item
		}
		return evs[a].kind < evs[b].kind
	})
	return evs
}

// writer carries out the scheduled steps.
type writer struct {
	st     *store.Store
	units  map[string]int64
	ids    []int64
	inputs []store.DisclosureInput
	// structured: the schema has the legal clock's columns.
	structured bool
}

// plain drops an input's structured part, for an older schema.
func plain(in *store.DisclosureInput) {
	in.Kind, in.DecidedOn, in.Facts, in.Rows = "", time.Time{}, nil, nil
}

func (w *writer) attach(ctx context.Context, specs []attachSpec, userID int64, res *Result) ([]int64, error) {
	var ids []int64
	for _, a := range specs {
		data, err := a.Make()
		if err != nil {
			return nil, fmt.Errorf("make %s: %w", a.Filename, err)
		}
		att, err := w.st.SaveAttachment(ctx, a.Filename, a.MIME, data, userID)
		if err != nil {
			return nil, err
		}
		ids = append(ids, att.ID)
		res.Attachments++
	}
	return ids, nil
}

func (w *writer) do(ctx context.Context, it item, e event, admin, officer int64, res *Result) error {
	switch e.kind {
	case evCreate:
		ids, err := w.attach(ctx, it.Attach, officer, res)
		if err != nil {
			return err
		}
		unit, ok := w.units[it.Unit]
		if !ok {
			return fmt.Errorf("unknown unit %q", it.Unit)
		}
		in := store.DisclosureInput{Category: it.Category, Title: it.Title, Summary: it.Summary,
			Body: it.Body, LegalBasis: it.LegalBasis, UnitID: unit, PostingFrom: it.From,
			PostingUntil: it.Until, AttachmentIDs: ids, Demo: true}
		if w.structured {
			in.Kind, in.DecidedOn = it.Kind, it.Decided
			if it.Structured != nil {
				if err := it.Structured(ctx, w.st, ids, &in); err != nil {
					return err
				}
			}
		}
		if it.Input != nil && w.structured {
			it.Input(&in)
		}
		id, err := w.st.CreateDisclosure(ctx, in, officer)
		if err != nil {
			return err
		}
		in.Rows = nil // later edits keep the rows unless they set them
		w.ids[e.item], w.inputs[e.item] = id, in
		res.Disclosures++
		if it.Published.IsZero() {
			res.Drafts++
		}
	case evPublish:
		if err := w.st.PublishDisclosure(ctx, w.ids[e.item], admin); err != nil {
			return err
		}
		res.Published++
		res.Versions++
	case evRevise:
		rv := it.Revisions[e.rev]
		in := w.inputs[e.item]
		in.AttachmentIDs = append([]int64(nil), in.AttachmentIDs...)
		if rv.Edit != nil {
			rv.Edit(&in)
		}
		if !w.structured {
			plain(&in)
		}
		ids, err := w.attach(ctx, rv.Attach, officer, res)
		if err != nil {
			return err
		}
		in.AttachmentIDs = append(in.AttachmentIDs, ids...)
		if err := w.st.UpdateDisclosure(ctx, w.ids[e.item], in, rv.Reason, officer); err != nil {
			return err
		}
		in.Rows = nil
		w.inputs[e.item] = in
		res.Versions++
		if e.rev == 0 {
			res.Revised++
		}
	case evWithdraw:
		if err := w.st.WithdrawDisclosure(ctx, w.ids[e.item], it.Withdraw, admin); err != nil {
			return err
		}
		res.Published--
		res.Withdrawn++
	}
	return nil
}
