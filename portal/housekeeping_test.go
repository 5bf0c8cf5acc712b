package portal_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"minhbach/portal"
	"minhbach/store"
)

// A requester's identity is erased by the running portal once its period
// after the request ended has passed, without anyone asking.
func TestServingPortalErasesExpiredIdentities(t *testing.T) {
	ctx := context.Background()
	e := newEnvConfig(t, true, portal.Config{HousekeepingEvery: 20 * time.Millisecond})
	officer, err := e.st.UserByLogin(ctx, "canbo")
	if err != nil {
		t.Fatal(err)
	}
	id, err := e.st.SubmitQuestion(ctx, store.NewQuestion{CodeHash: "hk", Kind: "info_request", Topic: "dat-dai",
		Channel: store.ChannelWeb, Title: "Yêu cầu", Body: "Cung cấp kế hoạch",
		Identity: &store.Identity{FullName: "Đinh Văn Yêu", Address: "Thôn Nam", IDNumber: "001099012345"}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	by := store.Actor{UserID: officer.ID}
	for _, a := range []store.Action{{Kind: store.ActAccept, PublicTitle: "Yêu cầu", PublicBody: "Cung cấp kế hoạch"},
		{Kind: store.ActAnswer, Answer: "<p>Đã cung cấp.</p>"}} {
		if err := e.st.Act(ctx, id, a, by); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(100 * time.Millisecond) // several rounds: the identity is not due yet
	if _, err := e.st.QuestionIdentity(ctx, id); err != nil {
		t.Fatalf("identity erased before its time: %v", err)
	}
	e.st.SetClock(func() time.Time { return time.Now().AddDate(1, 0, 2) })
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := e.st.QuestionIdentity(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("identity still kept a year after the request ended: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
