package app

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// typedFast is what a person might type or paste into the search field,
// n characters of names, words and letters that match nothing.
func typedFast(n int) string {
	words := "castillo lopez obrador peru mexico asylum zqx boluarte lima ebrard coup "
	return strings.Repeat(words, n/len(words)+1)[:n]
}

// TestWindow_ThreeThousandKeystrokes types 3,000 characters into the
// search field, each keystroke a search that cancels the one before: as
// the window waits for a keystroke's results (keystrokeWait), and with
// every keystroke coming before its search ends. The last query's results
// are the ones shown, and no goroutine is left behind. The time it took is
// logged (go test -v), not asserted.
func TestWindow_ThreeThousandKeystrokes(t *testing.T) {
	if testing.Short() {
		t.Skip("3,000 searches")
	}
	for name, wait := range map[string]time.Duration{"keystroke wait": keystrokeWait, "no wait": 0} {
		t.Run(name, func(t *testing.T) {
			v, w := newTestWindow(t)
			v.searchWait = wait
			typeQuery(t, v, w, "warm") // the search index loaded
			v.search.SetText("")
			v.waitForSearch()
			start := runtime.NumGoroutine()

			q := typedFast(3000)
			t0 := time.Now()
			typeQuery(t, v, w, q)
			t.Logf("3,000 keystrokes: %v", time.Since(t0))
			if v.search.Text != q {
				t.Fatalf("the field holds %d characters, want %d", len(v.search.Text), len(q))
			}
			if v.query != q {
				t.Errorf("the results shown are for %.40q (%d characters), want the last query's", v.query, len(v.query))
			}
			// The searches' goroutines end once their results have run;
			// give the scheduler a few turns to reap them.
			n := runtime.NumGoroutine()
			for i := 0; i < 100 && n > start+5; i++ {
				time.Sleep(10 * time.Millisecond)
				n = runtime.NumGoroutine()
			}
			if n > start+5 {
				t.Errorf("%d goroutines after 3,000 keystrokes, %d before", n, start)
			}
		})
	}
}
