package main

import (
	"runtime"
	"sync"
)

// parallel runs fn(0) .. fn(n-1) on as many goroutines as there are CPUs.
// Each call must write only to its own index of whatever it fills in.
func parallel(n int, fn func(i int)) {
	next := make(chan int)

	var wg sync.WaitGroup

	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}

	for i := range n {
		next <- i
	}

	close(next)
	wg.Wait()
}
