package main

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wizardsite/wizard/bench/synth"
	"github.com/wizardsite/wizard/internal/sitetest"
)

// TestBuildOverUndeletableOldOutput: when the old output cannot be
// removed whole (a file in it that cannot be deleted), the build has
// still succeeded, for the new site is in public/: exit status 0, and a
// warning that names the folder where the rest of the old one is. The
// next build, once the file can go, removes that folder.
func TestBuildOverUndeletableOldOutput(t *testing.T) {
	dir := writeFiles(t, sitetest.Small())
	public := filepath.Join(dir, "public")
	if code, _, stderr := runCmd("build", "--source", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	undo := sitetest.Undeletable(t, filepath.Join(public, "a", "een", "index.html"))
	sitetest.WriteFile(t, filepath.Join(dir, "content", "a", "een.md"), "---\ntitle: Een\n---\n\nNieuw. Zie ook [twee](twee.md).\n")
	code, stdout, stderr := runCmd("build", "--source", dir)
	if code != 0 || !strings.Contains(stdout, "wrote ") {
		t.Fatalf("exit %d, stdout %q, stderr %q: the new site is in place, so the build succeeded", code, stdout, stderr)
	}
	page, _ := os.ReadFile(filepath.Join(public, "a", "een", "index.html"))
	if !bytes.Contains(page, []byte("Nieuw.")) {
		t.Error("public/ does not hold the new site")
	}
	left := asides(t, dir, "public")
	if len(left) != 1 || !strings.HasPrefix(left[0], ".public.old-") || !strings.Contains(stderr, "warning: ") || !strings.Contains(stderr, left[0]) {
		t.Fatalf("beside public/: %v; stderr %q: want one .public.old-* folder, named in a warning", left, stderr)
	}
	undo()
	if code, _, stderr := runCmd("build", "--source", dir); code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if left := asides(t, dir, "public"); len(left) > 0 {
		t.Errorf("the next build left %v", left)
	}
}

// asides lists the folders and files in dir named .base.new-* or
// .base.old-*.
func asides(t *testing.T, dir, base string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+base+".new-") || strings.HasPrefix(e.Name(), "."+base+".old-") {
			names = append(names, e.Name())
		}
	}
	return names
}

// wizardRun is the wizard binary running in a process of its own.
type wizardRun struct {
	cmd    *exec.Cmd
	stderr bytes.Buffer
	done   chan struct{} // closed when the process has ended
}

func startWizard(t *testing.T, bin string, args ...string) *wizardRun {
	t.Helper()
	w := &wizardRun{cmd: exec.Command(bin, args...), done: make(chan struct{})}
	w.cmd.Stderr = &w.stderr
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		w.cmd.Wait()
		close(w.done)
	}()
	return w
}

// waitForAside waits until the run has made its new folder, named
// .base.new-*, in dir and written the first line of its marker, and
// returns the folder's name. It fails the test when the run ends first.
func (w *wizardRun) waitForAside(t *testing.T, dir, base string) string {
	t.Helper()
	for {
		for _, name := range asides(t, dir, base) {
			entries, _ := os.ReadDir(filepath.Join(dir, name))
			for _, e := range entries {
				if info, err := e.Info(); err == nil && strings.HasPrefix(e.Name(), ".wizard-") && info.Size() > 0 {
					return name
				}
			}
		}
		select {
		case <-w.done:
			t.Fatalf("%v ended before its new folder appeared: %s", w.cmd.Args, w.stderr.String())
		case <-time.After(time.Millisecond):
		}
	}
}

// exitStatus waits for the run to end and returns its exit status.
func (w *wizardRun) exitStatus() int {
	<-w.done
	return w.cmd.ProcessState.ExitCode()
}

// TestSignals runs the wizard binary on a wizard of 3,000 nodes, as a
// user does, and stops it: a build or pack stopped by SIGINT or SIGTERM
// removes its new folder and leaves the old output as it was, with the
// exit status a shell gives a program the signal ended; one killed
// (SIGKILL) leaves its new folder, which the next run removes, while it
// keeps a folder another running build writes and the folders with a
// name like ours that are not ours.
func TestSignals(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send to a process here")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "wizard")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := filepath.Join(tmp, "site")
	if err := synth.Write(site, 3000, synth.Wizard); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"build"}, {"pack"}} {
		if out, err := exec.Command(bin, append(args, "--source", site)...).CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	// From here on a build would change the start page.
	f, err := os.OpenFile(filepath.Join(site, "content", "_index.md"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\nNieuw.\n")
	f.Close()
	public := sitetest.Snapshot(t, filepath.Join(site, "public"))
	archive, _ := os.ReadFile(filepath.Join(site, "site.zip"))
	unchanged := func(t *testing.T) {
		t.Helper()
		if !maps.Equal(sitetest.Snapshot(t, filepath.Join(site, "public")), public) {
			t.Error("public/ changed")
		}
		if now, _ := os.ReadFile(filepath.Join(site, "site.zip")); !bytes.Equal(now, archive) {
			t.Error("site.zip changed")
		}
	}

	for _, c := range []struct {
		command string
		base    string
		sig     syscall.Signal
		want    int
	}{
		{"build", "public", syscall.SIGINT, 130},
		{"build", "public", syscall.SIGTERM, 143},
		{"pack", "site.zip", syscall.SIGINT, 130},
	} {
		t.Run(c.command+" "+c.sig.String(), func(t *testing.T) {
			w := startWizard(t, bin, c.command, "--source", site)
			w.waitForAside(t, site, c.base)
			w.cmd.Process.Signal(c.sig)
			if got := w.exitStatus(); got != c.want || !strings.Contains(w.stderr.String(), "stopped ("+c.sig.String()+")") {
				t.Errorf("exit status %d, stderr %q; want %d and a message that it stopped", got, w.stderr.String(), c.want)
			}
			if left := asides(t, site, c.base); len(left) > 0 {
				t.Errorf("left %v", left)
			}
			unchanged(t)
		})
	}

	t.Run("leftovers of killed runs", func(t *testing.T) {
		var dead []string
		for _, c := range [][2]string{{"build", "public"}, {"pack", "site.zip"}} {
			w := startWizard(t, bin, c[0], "--source", site)
			dead = append(dead, w.waitForAside(t, site, c[1]))
			w.cmd.Process.Kill()
			w.exitStatus()
		}
		unchanged(t)
		foreign := []string{".public.new-notes", ".public.old-notes", ".site.zip.new-notes"}
		for _, name := range foreign {
			sitetest.WriteFile(t, filepath.Join(site, name, "notes.txt"), "keep me")
		}
		running := startWizard(t, bin, "build", "--source", site)
		busy := running.waitForAside(t, site, "public")
		for _, args := range [][]string{{"build"}, {"pack"}} {
			if out, err := exec.Command(bin, append(args, "--source", site)...).CombinedOutput(); err != nil {
				t.Fatalf("%v beside a running build: %v\n%s", args, err, out)
			}
		}
		if got := running.exitStatus(); got != 0 {
			t.Errorf("the build that ran beside another failed (%d): %s", got, running.stderr.String())
		}
		for _, name := range dead {
			if _, err := os.Stat(filepath.Join(site, name)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s, left by a killed run, is still there: %v", name, err)
			}
		}
		for _, name := range foreign {
			if data, err := os.ReadFile(filepath.Join(site, name, "notes.txt")); string(data) != "keep me" {
				t.Errorf("%s, not ours, was touched: %v", name, err)
			}
		}
		if left := append(asides(t, site, "public"), asides(t, site, "site.zip")...); len(left) != len(foreign) {
			t.Errorf("beside the outputs: %v; want only %v (%s was the running build's)", left, foreign, busy)
		}
	})
}
