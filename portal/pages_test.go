package portal_test

import (
	"context"
	"strings"
	"testing"
)

// sectionOf cuts the HTML from the first occurrence of start to the next end.
func sectionOf(t *testing.T, body, start, end string) string {
	t.Helper()
	i := strings.Index(body, start)
	if i < 0 {
		t.Fatalf("no %q in the page", start)
	}
	j := strings.Index(body[i:], end)
	if j < 0 {
		t.Fatalf("no %q after %q", end, start)
	}
	return body[i : i+j]
}

// The item page lists its versions newest first, each with its own number,
// and no list numbering that could contradict them.
func TestItemPageListsVersionsNewestFirst(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for _, id := range e.publicIDs() {
		vs, err := e.st.Versions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) < 2 {
			continue
		}
		list := sectionOf(t, e.get("/cong-khai/"+itoa(id)).body, `<section class="history"`, "</section>")
		if strings.Contains(list, "<ol") {
			t.Errorf("version list is numbered by the browser:\n%s", list)
		}
		prev := -1
		for i := len(vs) - 1; i >= 0; i-- {
			at := strings.Index(list, ">Phiên bản "+itoa(int64(vs[i].Number))+"<")
			if at < 0 || at < prev {
				t.Fatalf("version %d missing or out of order (newest first):\n%s", vs[i].Number, list)
			}
			prev = at
		}
		return
	}
	t.Fatal("no revised item in the demo data")
}
