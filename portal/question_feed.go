package portal

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/feeds"

	"minhbach/portal/rules"
	"minhbach/store"
)

// feedCacheControl lets readers and proxies keep a feed for five minutes.
const feedCacheControl = "public, max-age=300"

// encodeFeed writes f in format rss, atom or json; self is its own address.
func encodeFeed(f *feeds.Feed, format, self string, st store.Settings) ([]byte, error) {
	switch format {
	case "rss":
		return rssXML(f, self, managingEditor(st))
	case "atom":
		return atomXML(f, self)
	}
	// JSON Feed 1.1: the feed's own address and its language.
	jf := (&feeds.JSON{Feed: f}).JSONFeed()
	jf.FeedUrl = self
	jf.Language = feedLanguage
	return json.MarshalIndent(jf, "", "  ")
}

// serveFeed answers with the feed build renders for the portal's address
// base, with validators (ETag, Last-Modified, 304). Visitors share one
// rendering per public change and day, kept in the page cache: there are
// as many item feeds as items, and the cache's byte budget bounds them.
func (h *handler) serveFeed(c *fiber.Ctx, format string, build func(base string) ([]byte, time.Time, error)) error {
	ctype, ok := feedTypes[format]
	if !ok {
		return errNotFound()
	}
	base := h.baseURL(c)
	key := h.cacheKey(c)
	slot := "feed:" + strings.ToLower(c.Path())
	share := h.pages != nil && visitor(c) && !usedRequestHost(c)
	if share {
		if p := h.pages.get(slot, key); p != nil && p.base == base {
			return p.send(c, feedCacheControl)
		}
	}
	body, modified, err := build(base)
	if err != nil {
		return err
	}
	p := newCachedBody(key, body, ctype, modified)
	p.slot, p.base = slot, base
	if !share {
		cc := feedCacheControl
		if usedRequestHost(c) {
			cc = "private, no-cache"
		}
		return p.send(c, cc)
	}
	h.pages.put(p)
	return p.send(c, feedCacheControl)
}

// feedEpoch stands for "never" in a feed without entries.
var feedEpoch = time.Unix(0, 0)

// questionTitle is what a list or feed calls an item.
func questionTitle(q store.Question) string {
	if q.PublicTitle != "" {
		return q.PublicTitle
	}
	return questionKindLabels[q.Kind] + " số " + itoa(q.ID)
}

// questionFeed is one item's Atom feed: its public history, so a neighbour
// can follow it without the tracking code. An item that stops being public
// (protected) has no feed any more.
func (h *handler) questionFeed(c *fiber.Ctx) error {
	// One spelling of each address: /hoi-dap/012 is not /hoi-dap/12.
	id, ok := parseIDKey(c.Params("id"))
	if !ok {
		return errNotFound()
	}
	ctx := c.UserContext()
	st := h.settings(c)
	return h.serveFeed(c, "atom", func(base string) ([]byte, time.Time, error) {
		q, err := h.store.PublicQuestion(ctx, id)
		if err != nil {
			return nil, time.Time{}, err
		}
		events, err := h.publicEvents(ctx, q.ID)
		if err != nil {
			return nil, time.Time{}, err
		}
		page := base + questionPath(q.ID)
		f := &feeds.Feed{
			Title:       questionTitle(q) + " – " + st.CommuneName,
			Link:        &feeds.Link{Href: page},
			Description: "Quá trình xử lý " + strings.ToLower(questionKindLabels[q.Kind]) + " số " + itoa(q.ID) + " gửi " + st.CommuneName + ".",
			Id:          page,
			Author:      &feeds.Author{Name: "UBND " + st.CommuneName},
			Updated:     feedEpoch,
		}
		lastAnswer := -1
		for i, e := range events {
			if e.Action == "answered" {
				lastAnswer = i
			}
		}
		for i, e := range events {
			content := "<p>" + escapeText(fmtDateTime(e.At)) + " — " + escapeText(questionEventLabels[e.Action])
			if e.UnitName != "" {
				who := e.UnitName
				if e.UserTitle != "" {
					who = e.UserTitle + ", " + who
				}
				content += " (" + escapeText(who) + ")"
			}
			content += "</p>"
			if e.Note != "" {
				content += "<p>" + escapeText(e.Note) + "</p>"
			}
			if i == lastAnswer && q.Answer != "" {
				if q.Apology != "" {
					content += "<p><strong>Lời xin lỗi vì trả lời chậm:</strong> " + escapeText(q.Apology) + "</p>"
				}
				content += h.sanitize(q.Answer)
			}
			// Readers mix the entries of many feeds: each says which item.
			title := questionEventLabels[e.Action] + " – " + questionTitle(q)
			url := page + "#su-kien-" + itoa(e.ID)
			f.Items = append(f.Items, &feeds.Item{
				// An event never changes: its anchor is its permanent id.
				Id: url, Title: title, Link: &feeds.Link{Href: url}, Content: content,
				Created: e.At, Updated: e.At,
			})
			f.Updated = e.At
		}
		f.Created = f.Updated
		body, err := encodeFeed(f, "atom", base+questionFeedPath(q.ID), st)
		return body, f.Updated, err
	})
}

// questionsFeed serves the feeds of answered questions, the site's or a
// topic's: the newest first answers, with the question and the answer.
func (h *handler) questionsFeed(c *fiber.Ctx) error {
	format := c.Params("format")
	topic := c.Params("topic")
	var t rules.Topic
	if topic != "" {
		var ok bool
		if t, ok = rules.TopicBySlug(topic); !ok {
			return errNotFound()
		}
	}
	ctx := c.UserContext()
	st := h.settings(c)
	return h.serveFeed(c, format, func(base string) ([]byte, time.Time, error) {
		qs, err := h.store.AnsweredQuestions(ctx, t.Slug, feedSize)
		if err != nil {
			return nil, time.Time{}, err
		}
		title := "Câu hỏi đã trả lời – " + st.CommuneName
		link := base + questionsTopicPath(t.Slug)
		if t.Slug != "" {
			title = "Trả lời về " + t.Name + " – " + st.CommuneName
		}
		f := &feeds.Feed{
			Title:       title,
			Link:        &feeds.Link{Href: link},
			Description: "Câu trả lời công khai của " + st.CommuneName + " cho câu hỏi, phản ánh, kiến nghị của người dân.",
			Id:          link,
			Author:      &feeds.Author{Name: "UBND " + st.CommuneName},
			Updated:     feedEpoch,
		}
		for _, q := range qs {
			if q.AnsweredAt.After(f.Updated) {
				f.Updated = q.AnsweredAt
			}
			f.Items = append(f.Items, h.answerFeedItem(base, q))
		}
		f.Created = f.Updated
		body, err := encodeFeed(f, format, base+questionsFeedPath(t.Slug, format), st)
		return body, f.Updated, err
	})
}

// answerFeedItem is an answered item in a feed: the public question, who
// answered and when, and the answer. Never the contact; the asker's name
// only when they chose to show it.
func (h *handler) answerFeedItem(base string, q store.Question) *feeds.Item {
	url := base + questionPath(q.ID)
	var b strings.Builder
	b.WriteString("<h3>Câu hỏi</h3>")
	b.WriteString(textToHTML(q.PublicBody))
	meta := topicLabel(q.Topic)
	if q.VillageName != "" {
		meta += " · " + q.VillageName
	}
	if q.AskerName != "" {
		meta += " · Người hỏi: " + q.AskerName
	}
	meta += " · Nhận ngày " + fmtDate(q.ReceivedOn)
	b.WriteString("<p>" + escapeText(meta) + "</p>")
	who := q.AnswerUnit
	if q.AnswerTitle != "" {
		who = strings.TrimSuffix(q.AnswerTitle+", "+who, ", ")
	}
	b.WriteString("<h3>Trả lời</h3><p>" + escapeText(strings.TrimSpace(who+" · ngày "+civilDate(q.FirstAnsweredAt))) + "</p>")
	if q.Apology != "" {
		b.WriteString("<p><strong>Lời xin lỗi vì trả lời chậm:</strong> " + escapeText(q.Apology) + "</p>")
	}
	b.WriteString(h.sanitize(q.Answer))
	return &feeds.Item{
		// The item's page is its permanent id: a later answer (after a
		// reopening) moves Updated, not the id.
		Id:          url,
		Title:       questionTitle(q),
		Link:        &feeds.Link{Href: url},
		Description: "Trả lời ngày " + civilDate(q.FirstAnsweredAt) + " – " + topicLabel(q.Topic),
		Content:     b.String(),
		Created:     q.FirstAnsweredAt,
		Updated:     q.AnsweredAt,
	}
}

// overdueFeed serves the feed of items that became overdue in the last
// days, for the people who watch the commune.
func (h *handler) overdueFeed(c *fiber.Ctx) error {
	format := c.Params("format")
	ctx := c.UserContext()
	st := h.settings(c)
	now := time.Now()
	return h.serveFeed(c, format, func(base string) ([]byte, time.Time, error) {
		qs, err := h.recentlyOverdue(ctx, now)
		if err != nil {
			return nil, time.Time{}, err
		}
		link := base + overduePath
		f := &feeds.Feed{
			Title:       "Câu hỏi mới quá hạn – " + st.CommuneName,
			Link:        &feeds.Link{Href: link},
			Description: "Câu hỏi, phản ánh của người dân mà " + st.CommuneName + " chưa trả lời đúng hạn, trong " + itoa(overdueWindowDays) + " ngày qua.",
			Id:          link,
			Author:      &feeds.Author{Name: "UBND " + st.CommuneName},
			Updated:     feedEpoch,
		}
		for _, q := range qs {
			// The day after the due date is when it became overdue: one
			// entry per due date, so an extension's new date is news.
			since := q.DueOn.AddDate(0, 0, 1).Add(-vietnamOffset * time.Second)
			url := base + questionPath(q.ID)
			content := "<p>Hạn trả lời: " + fmtDate(q.DueOn) + ". Tình trạng: " + escapeText(questionStateLabels[q.State]) + ".</p>"
			if !q.FirstAnsweredAt.IsZero() {
				content += "<p>Đã trả lời chậm ngày " + civilDate(q.FirstAnsweredAt) + ".</p>"
			}
			f.Items = append(f.Items, &feeds.Item{
				Id: url + "#qua-han-" + q.DueOn.Format("2006-01-02"), Title: questionTitle(q), Link: &feeds.Link{Href: url},
				Description: topicLabel(q.Topic), Content: content, Created: since, Updated: since,
			})
			if since.After(f.Updated) {
				f.Updated = since
			}
		}
		f.Created = f.Updated
		body, err := encodeFeed(f, format, base+overdueFeedPath(format), st)
		return body, f.Updated, err
	})
}
