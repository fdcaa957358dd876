package main

import (
	"runtime"
	"sync"
)

// parallel runs fn(0) .. fn(n-1) on as many goroutines as there are CPUs.
// Each call must write only to its own index of whatever it fills in. A
// panic in one call is raised again on the caller's goroutine once all are
// done, where main turns it into exit status 2.
func parallel(n int, fn func(i int)) {
	next := make(chan int)

	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		failure any
	)

	record := func(r any) {
		mu.Lock()
		defer mu.Unlock()

		if failure == nil {
			failure = r
		}
	}

	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				runGuarded(fn, i, record)
			}
		})
	}

	for i := range n {
		next <- i
	}

	close(next)
	wg.Wait()

	if failure != nil {
		panic(failure)
	}
}

func runGuarded(fn func(i int), i int, record func(any)) {
	defer func() {
		if r := recover(); r != nil {
			record(r)
		}
	}()

	fn(i)
}
