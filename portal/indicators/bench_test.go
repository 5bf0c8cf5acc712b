package indicators

import (
	"testing"
)

// millionQuestions is a year of a million items answered through 2026,
// one in five late, one in ten protected, half of them rated.
func millionQuestions() []QuestionFact {
	qs := make([]QuestionFact, 1_000_000)
	start := day("2026-01-01")
	for i := range qs {
		received := start.AddDate(0, 0, i%350)
		first := received.AddDate(0, 0, 1+i%14)
		qs[i] = QuestionFact{ID: int64(i + 1), Public: i%10 != 0, Protected: i%10 == 0, Accepted: true,
			Published: i%10 != 0, Received: received, FirstAnswered: first, FirstDue: received.AddDate(0, 0, 12),
			Taken: 1 + i%14, Apology: i%2 == 0, Rating: i % 6, Unit: []string{"a", "b", "c"}[i%3]}
	}
	return qs
}

// BenchmarkQuestionIndicators computes the seven question indicators of
// the catalogue over a million items for a year, as a scorecard computed
// on request from the raw facts would.
func BenchmarkQuestionIndicators(b *testing.B) {
	qs := millionQuestions()
	p := year2026
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		AnsweredOnTime(qs, p)
		MedianDaysToAnswer(qs, p)
		P90DaysToAnswer(qs, p)
		LateApologised(qs, p)
		AcceptedPublished(qs, p)
		Satisfied(qs, p)
		MeanRating(qs, p)
	}
}

// BenchmarkAnsweredOnTime is one share over a million items.
func BenchmarkAnsweredOnTime(b *testing.B) {
	qs := millionQuestions()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		AnsweredOnTime(qs, year2026)
	}
}
