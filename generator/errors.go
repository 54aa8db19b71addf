package generator

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Error is one problem in the input, at a place a writer can go to.
// It prints as "file:line:col: message", or with fewer parts when the
// line or column is not known.
type Error struct {
	File string // path of the file, as the writer names it (site root joined with the file's path)
	Line int    // 1-based line in File; 0 when the problem is the whole file
	Col  int    // 1-based column; 0 when not known
	Err  error  // what is wrong
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem a build found, sorted by file and line.
type ErrorList []*Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// sort orders the list by file, line and column, and drops exact repeats.
func (l ErrorList) sort() ErrorList {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Err.Error(), b.Err.Error()))
	})
	return slices.CompactFunc(l, func(a, b *Error) bool { return a.Error() == b.Error() })
}

// Errors returns the problems held in err: the list of an ErrorList, the
// one Error, or nil when err carries no position.
func Errors(err error) []*Error {
	var list ErrorList
	if errors.As(err, &list) {
		return list
	}
	var one *Error
	if errors.As(err, &one) {
		return []*Error{one}
	}
	return nil
}

// problems collects errors while a build goes on, so that a writer sees
// all of them at once.
// It is safe for concurrent use: pages are rendered in parallel.
type problems struct {
	mu   sync.Mutex
	list ErrorList
}

func (p *problems) add(file string, line int, format string, args ...any) {
	p.addErr(&Error{File: file, Line: line, Err: fmt.Errorf(format, args...)})
}

func (p *problems) addErr(e *Error) {
	p.mu.Lock()
	p.list = append(p.list, e)
	p.mu.Unlock()
}

// count is how many problems there are so far.
func (p *problems) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.list)
}

// err returns the collected problems as one error, or nil.
func (p *problems) err() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.list) == 0 {
		return nil
	}
	return slices.Clone(p.list).sort()
}
