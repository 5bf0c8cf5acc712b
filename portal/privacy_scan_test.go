package portal_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"minhbach/portal/households"
	"minhbach/portal/pii"
	"minhbach/store"
)

// Every test's portal is watched for personal data: every page a visitor
// (no officer session) fetched through env, and every line the portal
// logged, is scanned when the test ends for what residents gave in
// private — contacts, requesters' identities, withheld names, and the
// personal data officers removed from a question before publishing it,
// the names of poor households outside their list's posting window (and
// in any feed or export) — as that test's database holds them. Zero hits,
// in every test.

// visitorPages keeps the pages visitors fetched, per server.
var visitorPages = struct {
	sync.Mutex
	byServer map[string][]visitorPage
}{byServer: map[string][]visitorPage{}}

type visitorPage struct {
	path, body string
	at         time.Time // the portal's clock when it was fetched
}

// recordVisitorPage keeps a page fetched without an officer session. The
// asker's own pages (/tra-cuu…) show the asker what they wrote, and a form
// sent back with an error shows what was typed: both are theirs to see.
func recordVisitorPage(req *http.Request, jar http.CookieJar, body string, at time.Time) {
	if req.Method != http.MethodGet || strings.HasPrefix(req.URL.Path, "/tra-cuu") || strings.HasPrefix(req.URL.Path, "/can-bo") {
		return
	}
	if jar != nil {
		for _, c := range jar.Cookies(req.URL) {
			if c.Name == "mb_session" {
				return
			}
		}
	}
	base := req.URL.Scheme + "://" + req.URL.Host
	visitorPages.Lock()
	defer visitorPages.Unlock()
	if pages, ok := visitorPages.byServer[base]; ok {
		visitorPages.byServer[base] = append(pages, visitorPage{req.URL.RequestURI(), body, at})
	}
}

// watchPrivacy starts recording for a server and, when the test ends,
// scans what was recorded and logged.
func watchPrivacy(t testing.TB, e *env) {
	visitorPages.Lock()
	visitorPages.byServer[e.url] = []visitorPage{}
	visitorPages.Unlock()
	t.Cleanup(func() {
		for _, leak := range scanPrivacy(e, takeVisitorPages(e.url)) {
			t.Error(leak)
		}
	})
}

// takeVisitorPages returns and forgets what visitors fetched from a server.
func takeVisitorPages(base string) []visitorPage {
	visitorPages.Lock()
	defer visitorPages.Unlock()
	pages := visitorPages.byServer[base]
	delete(visitorPages.byServer, base)
	return pages
}

// scanPrivacy lists every private string found in the pages or the log.
func scanPrivacy(e *env, pages []visitorPage) []string {
	secrets, err := privateStrings(context.Background(), e.st)
	if err != nil {
		if strings.Contains(err.Error(), "database is closed") {
			return nil // the test closed the database on purpose (a failure test)
		}
		return []string{"privacy scan: " + err.Error()}
	}
	e.logsMu.Lock()
	logs := e.logs.String()
	e.logsMu.Unlock()
	var leaks []string
	for _, s := range secrets {
		for _, p := range pages {
			if strings.Contains(p.body, s.text) && !s.publicOn(p) {
				leaks = append(leaks, "privacy: "+s.what+" "+strconv.Quote(s.text)+" is on the public page "+p.path)
			}
		}
		if strings.Contains(logs, s.text) {
			leaks = append(leaks, "privacy: "+s.what+" "+strconv.Quote(s.text)+" is in the portal's log")
		}
	}
	return leaks
}

// The scan finds what an officer's mistake would publish: it is not a test
// that cannot fail.
func TestPrivacyScanFindsALeak(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	officer, err := e.st.UserByLogin(ctx, "canbo")
	if err != nil {
		t.Fatal(err)
	}
	id, err := e.st.SubmitQuestion(ctx, store.NewQuestion{CodeHash: "scan", Kind: "question", Topic: "khac", Channel: store.ChannelWeb,
		Title: "Hỏi", Body: "Gọi tôi: 0987 654 321", AskerName: "Trần Thị Kín Tên", Contact: "kin.ten@example.vn"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The officer publishes the phone number, the name and the address.
	err = e.st.Act(ctx, id, store.Action{Kind: store.ActAccept, PublicTitle: "Hỏi",
		PublicBody: "Gọi tôi: [đã che]. Trần Thị Kín Tên, kin.ten@example.vn"}, store.Actor{UserID: officer.ID})
	if err != nil {
		t.Fatal(err)
	}
	e.get("/hoi-dap/" + itoa(id))
	leaks := scanPrivacy(e, takeVisitorPages(e.url))
	if len(leaks) != 2 {
		t.Fatalf("the scan found %d leaks, want the contact and the withheld name: %v", len(leaks), leaks)
	}
	// The phone number was removed: the scan must not flag what is gone.
	for _, l := range leaks {
		if strings.Contains(l, "0987") {
			t.Errorf("a removed number is flagged: %s", l)
		}
	}
}

type secret struct {
	what, text string
	// windows are the spans of time in which the text may be on a public
	// page (not a feed or an export): a household's name while a list
	// holding it is posted. None: never.
	windows [][2]time.Time
}

// publicOn reports whether the secret may be on page p.
func (s secret) publicOn(p visitorPage) bool {
	if strings.Contains(p.path, "/feed.") || strings.Contains(p.path, "/xuat.") {
		return false // copies that cannot be recalled
	}
	for _, w := range s.windows {
		if !p.at.Before(w[0]) && p.at.Before(w[1]) {
			return true
		}
	}
	return false
}

// privateStrings reads what residents gave in private from the database.
func privateStrings(ctx context.Context, st *store.Store) ([]secret, error) {
	var out []secret
	add := func(what, text string) {
		text = strings.TrimSpace(text)
		if len([]rune(text)) >= 6 {
			out = append(out, secret{what: what, text: text})
		}
	}
	var after store.Cursor
	for {
		qs, err := st.Questions(ctx, store.QuestionFilter{Limit: 500, Older: after})
		if err != nil {
			return nil, err
		}
		if len(qs) == 0 {
			break
		}
		for _, q := range qs {
			add("a contact", q.Contact)
			if !q.NamePublic && strings.Count(q.AskerName, " ") >= 2 && !strings.ContainsAny(q.AskerName, "()") {
				add("a withheld name", q.AskerName)
			}
			if q.Redacted {
				for _, text := range []string{q.Title, q.Body} {
					for _, sp := range pii.Find(text) {
						removed := text[sp.Start:sp.End]
						if !strings.Contains(q.PublicTitle+q.PublicBody, removed) {
							add("personal data removed from a question", removed)
						}
					}
				}
			}
			if id, err := st.QuestionIdentity(ctx, q.ID); err == nil {
				add("a requester's name", id.FullName)
				add("a requester's ID number", id.IDNumber)
			}
		}
		after = store.QuestionCursor(qs[len(qs)-1])
	}
	names, err := householdNames(ctx, st)
	if err != nil {
		return nil, err
	}
	for name, windows := range names {
		if len([]rune(name)) >= 6 {
			out = append(out, secret{"a household head's name", name, windows})
		}
	}
	return out, nil
}

// householdNames are the heads of household in every version of every
// public household list, each with the posting windows of the lists that
// hold it (none for a withdrawn list).
func householdNames(ctx context.Context, st *store.Store) (map[string][][2]time.Time, error) {
	names := map[string][][2]time.Time{}
	lists, err := st.Disclosures(ctx, store.DisclosureFilter{Public: true, Category: households.Category, Limit: 1000})
	if err != nil {
		return nil, err
	}
	for _, d := range lists {
		var window [][2]time.Time
		if !d.IsWithdrawn() && !d.PostingUntil.IsZero() {
			window = [][2]time.Time{{households.WindowStart(d.PostingFrom), households.WindowEnd(d.PostingUntil)}}
		}
		vs, err := st.Versions(ctx, d.ID)
		if err != nil {
			return nil, err
		}
		seen := map[int64]bool{}
		for _, v := range vs {
			if v.RowsVersion == 0 || seen[v.RowsVersion] {
				continue
			}
			seen[v.RowsVersion] = true
			err := st.EachVersionRow(ctx, v.RowsVersion, func(row []byte) error {
				var r households.Row
				if err := json.Unmarshal(row, &r); err != nil {
					return err
				}
				names[r.Head] = append(names[r.Head], window...) // the key is set even with no window
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	return names, nil
}
