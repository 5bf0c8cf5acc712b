package indicators

// Facts are all the inputs the computed indicators read. The store fills
// the slices an indicator needs; Compute picks the one a key names.
type Facts struct {
	Questions   []QuestionFact
	Disclosures []DisclosureFact
	Sessions    []ReceptionSession
	Procedures  []ProcedureFact
	Villages    []VillageContacts
	Drafts      []DraftFact
	Cal         Workdays // for ReceptionWeeks
}

// Def describes a computed indicator: the key the plan's data names it by
// (stable: stored), its name and unit for the scorecard, and how it is
// computed, in Vietnamese.
type Def struct {
	Key     string
	Name    string
	Unit    string
	Method  string
	compute func(f Facts, p Period) Value
}

// Catalog lists the computed indicators in the scorecard's order.
var Catalog = []Def{
	{"tra-loi-dung-han", "Tỷ lệ câu hỏi được trả lời đúng hạn", "%", MethodAnsweredOnTime,
		func(f Facts, p Period) Value { return AnsweredOnTime(f.Questions, p) }},
	{"ngay-tra-loi-trung-vi", "Số ngày làm việc để trả lời (trung vị)", "ngày", MethodMedianDaysToAnswer,
		func(f Facts, p Period) Value { return MedianDaysToAnswer(f.Questions, p) }},
	{"ngay-tra-loi-p90", "Số ngày làm việc để trả lời (90 % câu hỏi)", "ngày", MethodP90DaysToAnswer,
		func(f Facts, p Period) Value { return P90DaysToAnswer(f.Questions, p) }},
	{"tre-han-xin-loi", "Tỷ lệ trả lời trễ hạn có lời xin lỗi", "%", MethodLateApologised,
		func(f Facts, p Period) Value { return LateApologised(f.Questions, p) }},
	{"tiep-nhan-cong-khai", "Tỷ lệ câu hỏi được tiếp nhận và công khai cùng câu trả lời", "%", MethodAcceptedPublished,
		func(f Facts, p Period) Value { return AcceptedPublished(f.Questions, p) }},
	{"hai-long", "Tỷ lệ người gửi hài lòng (4–5 điểm)", "%", MethodSatisfied,
		func(f Facts, p Period) Value { return Satisfied(f.Questions, p) }},
	{"diem-hai-long", "Điểm hài lòng trung bình", "điểm", MethodMeanRating,
		func(f Facts, p Period) Value { return MeanRating(f.Questions, p) }},
	{"ngan-sach-dung-han", "Tỷ lệ nội dung ngân sách công khai đúng hạn", "%", MethodBudgetOnTime,
		func(f Facts, p Period) Value { return BudgetOnTime(f.Disclosures, p) }},
	{"ho-ngheo-niem-yet", "Tỷ lệ danh sách hộ nghèo niêm yết đủ thời gian", "%", MethodPoorListPosted,
		func(f Facts, p Period) Value { return PoorListPosted(f.Disclosures, p) }},
	{"tiep-dan-chu-tich", "Tỷ lệ tuần có buổi tiếp công dân của Chủ tịch", "%", MethodReceptionWeeks,
		func(f Facts, p Period) Value { return ReceptionWeeks(f.Sessions, f.Cal, p) }},
	{"bieu-mau-thu-tuc", "Tỷ lệ thủ tục chứng thực, xây dựng, đất đai có biểu mẫu trên cổng", "%", MethodFormsHosted,
		func(f Facts, p Period) Value { return FormsHosted(f.Procedures) }},
	{"danh-ba-thon", "Tỷ lệ thôn có danh bạ liên hệ đầy đủ", "%", MethodContactsComplete,
		func(f Facts, p Period) Value { return ContactsComplete(f.Villages) }},
	{"du-thao-tong-hop", "Tỷ lệ dự thảo lấy ý kiến có báo cáo tổng hợp", "%", MethodDraftsSynthesised,
		func(f Facts, p Period) Value { return DraftsSynthesised(f.Drafts, p) }},
}

// Lookup returns the indicator a key names.
func Lookup(key string) (Def, bool) {
	for _, d := range Catalog {
		if d.Key == key {
			return d, true
		}
	}
	return Def{}, false
}

// Compute is the indicator's value from f for period p.
func (d Def) Compute(f Facts, p Period) Value { return d.compute(f, p) }
