package portal

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"minhbach/store"
)

// housekeepingEvery is how often the portal erases what it must no longer
// keep: requesters' identities past their period (rules.LimitIdentityKeep).
const housekeepingEvery = time.Hour

// housekeeper runs the erasures while the portal serves, once at start and
// then every interval.
type housekeeper struct {
	st    *store.Store
	log   *slog.Logger
	every time.Duration

	once   sync.Once
	cancel context.CancelFunc
	done   chan struct{}
}

func newHousekeeper(st *store.Store, log *slog.Logger, every time.Duration) *housekeeper {
	if every <= 0 {
		every = housekeepingEvery
	}
	return &housekeeper{st: st, log: log, every: every, done: make(chan struct{})}
}

func (k *housekeeper) start() {
	k.once.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		k.cancel = cancel
		go k.run(ctx)
	})
}

// stop ends the housekeeper and waits for it; before start it does nothing.
func (k *housekeeper) stop() {
	started := true
	k.once.Do(func() { started = false })
	if started && k.cancel != nil {
		k.cancel()
		<-k.done
	}
}

func (k *housekeeper) run(ctx context.Context) {
	defer close(k.done)
	tick := time.NewTimer(0)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		n, err := k.st.EraseExpiredIdentities(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			k.log.Error("erasing requesters' identities", "err", err)
		case n > 0:
			k.log.Info("requesters' identities erased", "count", n)
		}
		tick.Reset(k.every)
	}
}
