package web

import (
	"sync"
	"time"

	"shuho/internal/digest"
)

// The week page's order as its reader last saw it. Every add or dismiss
// teaches the ranking, and a page ranked anew after each would move the
// stories under the reader's eyes (a story dismissed from security shown
// next under 週報対象外, the one below it now above). So the order and
// sections of a reader's week are kept as first shown, the decisions
// marked in place, until the reader asks for a fresh ranking (更新) or
// comes back after orderHeld; stories collected since are shown after
// the ones kept, in their own order.

// orderHeld is how long a reader's order is kept after its last view.
const orderHeld = 15 * time.Minute

// weekOrder is one reader's order of one week: each story's place and
// section as shown.
type weekOrder struct {
	seen time.Time
	pos  map[int64]int
	sec  map[int64]string
}

type orderKey struct {
	user string
	week digest.Date
}

// weekOrders are the readers' orders, forgotten orderHeld after their
// last view.
type weekOrders struct {
	mu sync.Mutex
	m  map[orderKey]*weekOrder
}

// get returns the reader's order of the week if it is still held, and
// marks it seen.
func (o *weekOrders) get(k orderKey, now time.Time) *weekOrder {
	o.mu.Lock()
	defer o.mu.Unlock()
	w := o.m[k]
	if w == nil || now.Sub(w.seen) > orderHeld {
		return nil
	}
	w.seen = now
	return w
}

// put keeps w as the reader's order of the week, and forgets the orders
// no longer held.
func (o *weekOrders) put(k orderKey, w *weekOrder, now time.Time) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.m == nil {
		o.m = map[orderKey]*weekOrder{}
	}
	for key, v := range o.m {
		if now.Sub(v.seen) > orderHeld {
			delete(o.m, key)
		}
	}
	w.seen = now
	o.m[k] = w
}

// section returns the section a story was shown in, if the order holds
// it.
func (w *weekOrder) section(story int64) (string, bool) {
	if w == nil {
		return "", false
	}
	s, ok := w.sec[story]
	return s, ok
}
