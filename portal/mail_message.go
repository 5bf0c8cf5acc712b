package portal

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net/mail"
	"strings"
	"time"

	"minhbach/store"
)

// What happened to a resident's question, for QuestionMail.
const (
	QuestionAnswered  = "answered"
	QuestionForwarded = "forwarded"
	QuestionRejected  = "rejected"
)

// QuestionMail is the message that tells the asker what happened to their
// question (kind: QuestionAnswered, QuestionForwarded or QuestionRejected)
// and where to read it: trackingURL, the absolute link of the tracking page,
// and code, their tracking code, which they type there (a code never goes
// into a URL, where logs and Referer headers would keep it). It holds
// nothing about the asker but the title they wrote.
// The caller queues it with the kind "question."+kind, the question's id
// as ref, and the asker's address, only when st.MailEnabled().
func QuestionMail(st store.Settings, kind, trackingURL, code, title string) (subject, body string) {
	commune := st.CommuneName
	if commune == "" {
		commune = "xã"
	}
	var what, see string
	switch kind {
	case QuestionAnswered:
		subject = "Câu hỏi của ông/bà đã được trả lời"
		what = "đã được trả lời."
		see = "Xem câu trả lời và toàn bộ quá trình xử lý tại:"
	case QuestionForwarded:
		subject = "Câu hỏi của ông/bà đã được chuyển đến cơ quan có thẩm quyền"
		what = "không thuộc thẩm quyền giải quyết của xã nên đã được chuyển đến cơ quan có thẩm quyền."
		see = "Xem nơi nhận, lý do chuyển và toàn bộ quá trình xử lý tại:"
	case QuestionRejected:
		subject = "Câu hỏi của ông/bà không được tiếp nhận"
		what = "không được tiếp nhận."
		see = "Xem lý do và toàn bộ quá trình xử lý tại:"
	default:
		subject = "Câu hỏi của ông/bà có cập nhật mới"
		what = "có cập nhật mới."
		see = "Xem chi tiết tại:"
	}
	subject += " – " + commune
	title = strings.Join(strings.Fields(title), " ")
	var b strings.Builder
	b.WriteString("Kính gửi ông/bà,\n\n")
	fmt.Fprintf(&b, "Câu hỏi «%s» ông/bà gửi đến Ủy ban nhân dân %s %s\n\n", title, commune, what)
	fmt.Fprintf(&b, "%s\n%s\nvới mã tra cứu: %s\n\n", see, trackingURL, code)
	if kind == QuestionAnswered {
		b.WriteString("Trên trang đó, ông/bà có thể xác nhận câu trả lời đã giải đáp được vấn đề, hoặc đề nghị xem xét lại nếu chưa thỏa đáng.\n\n")
	}
	b.WriteString("Mã tra cứu dành riêng cho ông/bà: xin đừng chia sẻ cho người khác.\n\n")
	fmt.Fprintf(&b, "Thư này được gửi tự động từ Cổng công khai %s vì ông/bà đã để lại địa chỉ thư điện tử khi gửi câu hỏi. Xin đừng trả lời thư này; nếu ông/bà không gửi câu hỏi nào, hãy bỏ qua thư.\n", commune)
	return subject, b.String()
}

// errHeaderInjection refuses a line break where a header is built.
var errHeaderInjection = errors.New("mail: line break in a header")

// formatMessage writes a message in wire form (CRLF line endings): UTF-8
// plain text in base64, the subject and the sender's name as RFC 2047
// encoded words. An address or subject with a line break is refused, so no
// header can be smuggled in.
func formatMessage(fromName, from, to, subject, body string, date time.Time) ([]byte, error) {
	for _, s := range []string{fromName, from, to, subject} {
		if strings.ContainsAny(s, "\r\n") {
			return nil, errHeaderInjection
		}
	}
	if !store.IsMailAddress(from) || !store.IsMailAddress(to) {
		return nil, errors.New("mail: bad address")
	}
	var b bytes.Buffer
	header := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	header("From", formatFrom(fromName, from))
	header("To", (&mail.Address{Address: to}).String())
	header("Subject", encodeHeaderWords(subject))
	header("Date", date.Format(time.RFC1123Z))
	header("Message-ID", messageID(from))
	header("Auto-Submitted", "auto-generated") // RFC 3834: no vacation replies
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=UTF-8")
	header("Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")
	body = strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n")
	enc := base64.StdEncoding.EncodeToString([]byte(body))
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return b.Bytes(), nil
}

// encodeHeaderWords encodes s as RFC 2047 words when it is not plain ASCII,
// each on a line of its own, so that no line holding one runs past the 76
// characters RFC 2047 allows.
func encodeHeaderWords(s string) string {
	enc := mime.BEncoding.Encode("UTF-8", s)
	if enc == s {
		return s
	}
	return "\r\n " + strings.ReplaceAll(enc, "?= =?", "?=\r\n =?")
}

// formatFrom is the From header's value: the name as encoded words when
// it is not plain ASCII, folded like the subject.
func formatFrom(name, addr string) string {
	if enc := encodeHeaderWords(name); enc != name {
		return enc + "\r\n <" + addr + ">"
	}
	return (&mail.Address{Name: name, Address: addr}).String()
}

// messageID is a unique Message-ID in the sender's domain.
func messageID(from string) string {
	b := make([]byte, 16)
	rand.Read(b)
	return "<" + hex.EncodeToString(b) + "@" + from[strings.LastIndex(from, "@")+1:] + ">"
}
