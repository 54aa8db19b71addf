package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// stopped is the cause of a command that a signal stopped.
type stopped struct{ sig syscall.Signal }

func (s stopped) Error() string { return s.sig.String() }

// stopOnSignal returns a context that the first SIGINT (Ctrl+C) or
// SIGTERM cancels, with a stopped as its cause: build and pack then
// remove their new folder before they end. A second signal ends the
// program at once, as it would without this; what that leaves, the next
// build or pack removes.
func stopOnSignal(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		select {
		case sig := <-sigs:
			signal.Stop(sigs)
			cancel(stopped{sig.(syscall.Signal)})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		cancel(nil)
	}
}
