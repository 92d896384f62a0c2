package store_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"shuho/internal/digest"
	"shuho/internal/digest/digesttest"
	"shuho/internal/store"
	"shuho/internal/store/storetest"
)

// crashDigest is the digest the crash child saves as its n-th save: week n
// from 2000, generated from n, so that the parent can make it again.
func crashDigest(n int) *digest.Digest {
	r := rand.New(rand.NewPCG(uint64(n), 99))
	return digesttest.Digest(r, digesttest.Options{Items: 25, Start: digest.NewDate(2000, 1, 1).AddDays(7 * n)})
}

// TestCrashChild is the child of TestCrashSafety: it saves digests in a loop
// into $SHUHO_CRASH_DSN, from number $SHUHO_CRASH_FROM on, and prints
// "saved N" after each save that returned without error, until it is
// killed.
func TestCrashChild(t *testing.T) {
	dsn := os.Getenv("SHUHO_CRASH_DSN")
	if dsn == "" {
		t.Skip("the child of TestCrashSafety")
	}
	from, _ := strconv.Atoi(os.Getenv("SHUHO_CRASH_FROM"))
	s, err := store.Open(ctx, dsn, store.Options{SkipCheck: true})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	fmt.Println("ready")
	for n := from; ; n++ {
		// Every fourth save revises an earlier week, so that a kill can
		// also fall inside a revision.
		d := crashDigest(n)
		if n%4 == 3 {
			d = crashDigest(n - 2)
			d.Sections[0].Items[0].HeadlineEN += fmt.Sprintf(" (revised by %d)", n)
		}
		if _, err := s.SaveDigest(ctx, d, store.SaveOptions{Author: "crash", Source: strconv.Itoa(n)}); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		fmt.Println("saved", n)
	}
}

// TestCrashSafety kills a process that saves digests with SIGKILL at random
// moments, again and again (200 times under CI=true), and after each kill
// finds the database intact and every save that reported success in it
// (D2).
func TestCrashSafety(t *testing.T) {
	rounds := 25
	if os.Getenv("CI") == "true" {
		rounds = 200
	}
	for _, e := range storetest.Engines(t) {
		t.Run(string(e), func(t *testing.T) {
			n := rounds
			if e == store.Postgres {
				n = rounds / 10 // the server keeps itself whole; this checks our transactions
			}
			dsn := storetest.DSN(t, e)
			s, err := store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			saved := map[int]*digest.Digest{} // the last content of each week that reported success
			next := 0
			r := rand.New(rand.NewPCG(1, 2))
			for round := range n {
				cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
				cmd.Env = append(os.Environ(), "SHUHO_CRASH_DSN="+dsn, "SHUHO_CRASH_FROM="+strconv.Itoa(next), "CI=")
				out, err := cmd.StdoutPipe()
				if err != nil {
					t.Fatal(err)
				}
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				lines := make(chan string)
				go func() {
					sc := bufio.NewScanner(out)
					for sc.Scan() {
						lines <- sc.Text()
					}
					close(lines)
				}()
				if l := <-lines; l != "ready" {
					t.Fatalf("round %d: the child said %q", round, l)
				}
				kill := time.After(time.Duration(r.IntN(120)) * time.Millisecond)
			wait:
				for {
					select {
					case l, ok := <-lines:
						if !ok {
							break wait
						}
						if m, found := strings.CutPrefix(l, "saved "); found {
							k, _ := strconv.Atoi(m)
							d := crashDigest(k)
							if k%4 == 3 {
								d = crashDigest(k - 2)
								d.Sections[0].Items[0].HeadlineEN += fmt.Sprintf(" (revised by %d)", k)
								saved[k-2] = d
							} else {
								saved[k] = d
							}
							next = k + 1
						} else if strings.HasPrefix(l, "error") {
							t.Fatalf("round %d: %s", round, l)
						}
					case <-kill:
						cmd.Process.Signal(syscall.SIGKILL)
						kill = nil
					}
				}
				cmd.Wait()
				// A save may have been cut between its commit and its
				// report: that week is allowed in either state, so skip
				// past it.
				next++
				s, err := store.Open(ctx, dsn, store.Options{}) // checks integrity
				if err != nil {
					t.Fatalf("round %d: after the kill: %v", round, err)
				}
				for k, want := range saved {
					got, _, err := s.Digest(ctx, want.Profile, want.Period)
					if err != nil {
						t.Fatalf("round %d: week %d reported saved is missing: %v", round, k, err)
					}
					if !reflect.DeepEqual(got, want) && !strings.Contains(got.Sections[0].Items[0].HeadlineEN, "(revised by") {
						t.Fatalf("round %d: week %d differs from what was saved", round, k)
					}
				}
				s.Close()
			}
			t.Logf("%d kills, %d weeks saved and found", n, len(saved))
		})
	}
}
