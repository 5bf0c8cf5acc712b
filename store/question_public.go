package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// AnsweredQuestions lists the public copies of listed items whose answer is
// published, the newest first answer first; topic "" lists every topic.
// The feeds of answers and the home page read it: the partial index on
// first_answered_at keeps it a short walk at any size.
func (s *Store) AnsweredQuestions(ctx context.Context, topic string, limit int) ([]Question, error) {
	query, args := answeredQuery(topic, limit)
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: answered questions: %w", err)
	}
	defer rows.Close()
	var out []Question
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, fmt.Errorf("store: answered questions: %w", err)
		}
		out = append(out, q.Public())
	}
	return out, rows.Err()
}

func answeredQuery(topic string, limit int) (string, []any) {
	// The limit is a parameter, so the planner cannot know it is small and
	// would sort every listed row instead: name the index.
	query := "SELECT " + questionColumns + strings.Replace(questionFrom, "questions q", "questions q INDEXED BY questions_first_answer", 1) + `
		WHERE q.first_answered_at <> '' AND q.listed = 1 AND q.state IN ('answered', 'closed')`
	var args []any
	if topic != "" {
		query += " AND q.topic = ?"
		args = append(args, topic)
	}
	return query + " ORDER BY q.first_answered_at DESC, q.id DESC LIMIT ?", append(args, limit)
}

// LastFirstAnswer is when the newest first answer was published, zero
// when none was. First answers are set once and never change, so the
// on-time share of a period stays the same while this does.
func (s *Store) LastFirstAnswer(ctx context.Context) (time.Time, error) {
	var last string
	err := s.r.QueryRowContext(ctx, "SELECT COALESCE(MAX(first_answered_at), '') FROM questions WHERE first_answered_at <> ''").Scan(&last)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: last first answer: %w", err)
	}
	return parseTS(last), nil
}
