package portal

import (
	"errors"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"minhbach/portal/rules"
	"minhbach/store"
)

// Reply templates: answers officers start from, per topic (or for any
// topic), inserted on an item's answer form. Every officer edits them.

type replyTemplateForm struct {
	Topic, Title, Body string
}

var replyTemplateFields = []string{"topic", "title", "body"}

type replyTemplateGroup struct {
	Topic, Label string
	Items        []store.ReplyTemplate
}

type replyTemplatesPage struct {
	Base
	Groups []replyTemplateGroup
	Edit   *store.ReplyTemplate // the template being edited; nil: a new one
	Form   replyTemplateForm
	Errors fieldErrors
}

func (p *replyTemplatesPage) ErrorSummary() []fieldError {
	return p.Errors.inOrder(replyTemplateFields)
}

// Action is where the form posts.
func (p *replyTemplatesPage) Action() string {
	if p.Edit != nil {
		return replyTemplatePath(p.Edit.ID)
	}
	return replyTemplatesPath
}

// TopicOptions are the topics a template may be for, "any" first.
func (p *replyTemplatesPage) TopicOptions() []fieldOption {
	return append([]fieldOption{{"*", "Mọi chủ đề"}}, topicOptions()...)
}

// anyTopic is the form's value for a template of every topic (stored "").
const anyTopic = "*"

func (h *handler) replyTemplates(c *fiber.Ctx) error {
	return h.renderReplyTemplates(c, nil, replyTemplateForm{}, nil)
}

// replyTemplateEdit opens a template in the form.
func (h *handler) replyTemplateEdit(c *fiber.Ctx) error {
	t, err := h.replyTemplate(c)
	if err != nil {
		return err
	}
	f := replyTemplateForm{Topic: t.Topic, Title: t.Title, Body: t.Body}
	if f.Topic == "" {
		f.Topic = anyTopic
	}
	return h.renderReplyTemplates(c, &t, f, nil)
}

// replyTemplate is the template the URL names.
func (h *handler) replyTemplate(c *fiber.Ctx) (store.ReplyTemplate, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return store.ReplyTemplate{}, errNotFound()
	}
	all, err := h.store.ReplyTemplates(c.UserContext(), "")
	if err != nil {
		return store.ReplyTemplate{}, err
	}
	i := slices.IndexFunc(all, func(t store.ReplyTemplate) bool { return t.ID == id })
	if i < 0 {
		return store.ReplyTemplate{}, errNotFound()
	}
	return all[i], nil
}

func (h *handler) renderReplyTemplates(c *fiber.Ctx, edit *store.ReplyTemplate, f replyTemplateForm, errs fieldErrors) error {
	all, err := h.store.ReplyTemplates(c.UserContext(), "")
	if err != nil {
		return err
	}
	groups := []replyTemplateGroup{{Topic: "", Label: "Mọi chủ đề"}}
	for _, t := range rules.Topics() {
		groups = append(groups, replyTemplateGroup{Topic: t.Slug, Label: t.Name})
	}
	for _, t := range all {
		for i := range groups {
			if groups[i].Topic == t.Topic {
				groups[i].Items = append(groups[i].Items, t)
			}
		}
	}
	title := "Mẫu trả lời"
	if edit != nil {
		title = "Sửa mẫu: " + edit.Title
	}
	p := &replyTemplatesPage{Base: h.base(c, title), Groups: groups, Edit: edit, Form: f, Errors: errs}
	return h.renderStatus(c, formStatus(errs), "reply_templates", p)
}

// replyTemplateSave creates a template, or changes the one in the URL.
func (h *handler) replyTemplateSave(c *fiber.Ctx) error {
	var edit *store.ReplyTemplate
	if c.Params("id") != "" {
		t, err := h.replyTemplate(c)
		if err != nil {
			return err
		}
		edit = &t
	}
	f := replyTemplateForm{Topic: formText(c, "topic"), Title: oneLine(c.FormValue("title")), Body: formText(c, "body")}
	errs := fieldErrors{}
	topic := f.Topic
	if topic == anyTopic {
		topic = ""
	} else if _, ok := rules.TopicBySlug(topic); !ok {
		errs["topic"] = "Vui lòng chọn chủ đề."
	}
	plainText(errs, "title", f.Title, "tên mẫu", true, 150)
	body := h.answerHTML(f.Body)
	switch {
	case htmlToText(body) == "":
		errs["body"] = "Vui lòng nhập nội dung mẫu."
	case utf8.RuneCountInString(f.Body) > maxBody:
		errs["body"] = "Nội dung mẫu quá dài."
	case dangerous.MatchString(f.Body) || unsafeLink(f.Body):
		errs["body"] = "Nội dung có mã hoặc liên kết không được phép. Hệ thống đã bỏ phần đó; hãy kiểm tra lại rồi lưu."
		f.Body = body
	}
	if len(errs) > 0 {
		return h.renderReplyTemplates(c, edit, f, errs)
	}
	t := store.ReplyTemplate{Topic: topic, Title: f.Title, Body: body}
	if edit != nil {
		t.ID = edit.ID
	}
	if _, err := h.store.SaveReplyTemplate(c.UserContext(), t, currentUser(c).ID); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errNotFound()
		}
		return err
	}
	h.setFlash(c, "Đã lưu mẫu trả lời “"+f.Title+"”.")
	return c.Redirect(replyTemplatesPath, fiber.StatusSeeOther)
}

// replyTemplateDelete removes a template.
func (h *handler) replyTemplateDelete(c *fiber.Ctx) error {
	t, err := h.replyTemplate(c)
	if err != nil {
		return err
	}
	if err := h.store.DeleteReplyTemplate(c.UserContext(), t.ID, currentUser(c).ID); err != nil {
		return err
	}
	h.setFlash(c, "Đã xóa mẫu trả lời “"+t.Title+"”.")
	return c.Redirect(replyTemplatesPath, fiber.StatusSeeOther)
}
