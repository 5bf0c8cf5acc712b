package seeds

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"minhbach/portal/land"
	"minhbach/portal/procedure"
	"minhbach/portal/rules"
	"minhbach/portal/tracking"
	"minhbach/store"
)

// The structured side of the land, compensation and procedure demo (plan
// rows 3d, 6, 9a): each item's kind, decision date and facts. Decision
// numbers, households, sums, fees and time limits are fictional.

// setFacts fills the structured part of an input.
func setFacts(in *store.DisclosureInput, kind string, decided time.Time, facts any) error {
	b, err := json.Marshal(facts)
	if err != nil {
		return err
	}
	in.Kind, in.DecidedOn, in.Facts = kind, decided, b
	return nil
}

// yearlyPlan makes a yearly land-use plan of one year; maps is the
// captions of the item's files, in order (small enough to serve as their
// own small copy).
func yearlyPlan(year int, number string, decided time.Time, maps ...landSketch) func(context.Context, *store.Store, []int64, *store.DisclosureInput) error {
	return func(_ context.Context, _ *store.Store, files []int64, in *store.DisclosureInput) error {
		y := fmt.Sprint(year)
		p := land.Plan{DecisionNumber: number, ApprovedBy: "UBND tỉnh Hưng Yên", PeriodFrom: y, PeriodTo: y}
		for i, m := range maps {
			p.Maps = append(p.Maps, land.Map{Full: files[i], Small: files[i], Caption: m.Caption,
				Width: m.W, Height: m.H, SmallWidth: m.W, SmallHeight: m.H})
		}
		return setFacts(in, land.KindYearlyPlan, decided, p)
	}
}

// landSketch is a map file small enough to be its own phone copy.
type landSketch struct {
	Caption string
	W, H    int
}

// landUsePlan2030 is the district's 2021–2030 land-use plan on the
// commune's territory, with the generated map and its small copy.
func landUsePlan2030(_ context.Context, _ *store.Store, files []int64, in *store.DisclosureInput) error {
	m, err := demoMap()
	if err != nil {
		return err
	}
	p := land.Plan{DecisionNumber: "1765/QĐ-UBND", ApprovedBy: "UBND tỉnh Hưng Yên", PeriodFrom: "2021", PeriodTo: "2030",
		Maps: []land.Map{{Full: files[0], Small: files[1], Caption: "Bản đồ quy hoạch sử dụng đất đến năm 2030 trên địa bàn xã Trung Trắc (bản minh họa)",
			Width: m.Width, Height: m.Height, SmallWidth: m.SmallWidth, SmallHeight: m.SmallHeight}}}
	return setFacts(in, land.KindLandUsePlan, day(2022, 6, 20), p)
}

// demoMapFiles are the 2030 plan's two files: the map and its small copy.
func demoMapFiles() []attachSpec {
	return []attachSpec{
		{Filename: "ban-do-quy-hoach-su-dung-dat-2030.jpg", MIME: "image/jpeg", Make: func() ([]byte, error) {
			m, err := demoMap()
			return m.Full, err
		}},
		{Filename: "ban-do-quy-hoach-su-dung-dat-2030-ban-thu-nho.jpg", MIME: "image/jpeg", Make: func() ([]byte, error) {
			m, err := demoMap()
			return m.Small, err
		}},
	}
}

// compensation makes a compensation plan's facts; villages are named.
func compensation(decided time.Time, c land.Compensation, villages ...string) func(context.Context, *store.Store, []int64, *store.DisclosureInput) error {
	return func(ctx context.Context, st *store.Store, _ []int64, in *store.DisclosureInput) error {
		vs, err := st.Villages(ctx)
		if err != nil {
			return err
		}
		for _, name := range villages {
			found := false
			for _, v := range vs {
				if v.Name == name {
					c.Villages = append(c.Villages, land.Village{ID: v.ID, Name: v.Name})
					found = true
				}
			}
			if !found {
				return fmt.Errorf("no village %q", name)
			}
		}
		return setFacts(in, land.KindCompensation, decided, c)
	}
}

// demoDoc is a document required by a demo procedure; form is the index
// of its form among the item's files, or -1.
type demoDoc struct {
	Name string
	Form int
}

// procedureFacts makes a procedure's facts.
func procedureFacts(p procedure.Procedure, docs ...demoDoc) func(context.Context, *store.Store, []int64, *store.DisclosureInput) error {
	return func(_ context.Context, _ *store.Store, files []int64, in *store.DisclosureInput) error {
		p.Documents = nil
		for _, d := range docs {
			doc := procedure.Document{Name: d.Name}
			if d.Form >= 0 {
				doc.Form = files[d.Form]
			}
			p.Documents = append(p.Documents, doc)
		}
		return setFacts(in, procedure.Kind, time.Time{}, p)
	}
}

// landQuestions is how many questions loadLandQuestions writes.
const landQuestions = 1

// ngocQuynhPlan is the title of the compensation plan posted now, which a
// resident asks about.
const ngocQuynhPlan = "Niêm yết dự thảo phương án bồi thường, hỗ trợ dự án xây dựng khu thể thao Thôn Ngọc Quỳnh"

// loadLandQuestions writes a resident's question about the compensation
// plan posted now, accepted and answered, listed under the plan. It needs
// the schema that ties a question to a plan (and skips older ones, in the
// upgrade test).
func loadLandQuestions(ctx context.Context, st *store.Store, setNow func(time.Time), items []item, ids []int64, admin int64, res *Result) error {
	if v, err := st.Version(ctx); err != nil || v < store.QuestionAboutSchema {
		return err
	}
	var plan int64
	for i, it := range items {
		if it.Title == ngocQuynhPlan {
			plan = ids[i]
		}
	}
	if plan == 0 {
		return fmt.Errorf("seeds: no plan %q", ngocQuynhPlan)
	}
	villages, err := st.Villages(ctx)
	if err != nil {
		return err
	}
	var village int64
	for _, v := range villages {
		if v.Name == "Thôn Ngọc Quỳnh" {
			village = v.ID
		}
	}
	code, err := tracking.New()
	if err != nil {
		return err
	}
	title := "Đất trồng màu bị thu hồi có được hỗ trợ chuyển đổi nghề không?"
	body := "Gia đình tôi có 320 m² đất trồng màu trong phạm vi dự án khu thể thao. Dự thảo phương án chỉ ghi bồi thường về đất và hoa màu. " +
		"Xin hỏi gia đình có được hỗ trợ đào tạo, chuyển đổi nghề và tìm kiếm việc làm không, mức hỗ trợ tính thế nào?"
	setNow(at(2026, time.November, 19, 20, 15))
	id, err := st.SubmitQuestion(ctx, store.NewQuestion{CodeHash: code.Hash(), Kind: rules.KindQuestion, Topic: "dat-dai",
		VillageID: village, Channel: store.ChannelWeb, Title: title, Body: body, AskerName: "Hoàng Thị Thu",
		Contact: "0200 555 0142", AboutID: plan}, 0)
	if err != nil {
		return fmt.Errorf("seeds: question about the plan: %w", err)
	}
	res.Questions++
	for _, step := range []struct {
		at time.Time
		a  store.Action
	}{
		{at(2026, time.November, 20, 8, 30), store.Action{Kind: store.ActAccept, PublicTitle: title, PublicBody: body}},
		{at(2026, time.November, 24, 15, 0), store.Action{Kind: store.ActAnswer,
			Answer: "<p>Có. Hộ gia đình, cá nhân trực tiếp sản xuất nông nghiệp bị thu hồi đất nông nghiệp được hỗ trợ đào tạo, chuyển đổi nghề và tìm kiếm việc làm (Luật Đất đai 2024, Điều 109). " +
				"Dự thảo phương án sẽ được bổ sung khoản này cho 4 hộ; mức hỗ trợ theo quyết định của UBND tỉnh (số liệu trong dự thảo là minh họa).</p>" +
				"<p>Ý kiến của ông sẽ được tổng hợp và trả lời tại buổi đối thoại ngày 18/12/2026 ở nhà văn hóa Thôn Ngọc Quỳnh.</p>"}},
	} {
		setNow(step.at)
		if err := st.Act(ctx, id, step.a, store.Actor{UserID: admin}); err != nil {
			return fmt.Errorf("seeds: question about the plan, %s: %w", step.a.Kind, err)
		}
	}
	return nil
}
