package generator

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// parallel calls fn for every index below n, on as many goroutines as
// there are processors. Each fn writes only to its own index's slot, so
// the result does not depend on the order in which they run.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}
