package generator

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReadDisk(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("Een antwoord. "), 10_000) // far past the least buffer, 512 bytes
	tests := []struct {
		name    string
		data    []byte // nil: name is not written
		want    []byte
		wantErr error // nil: any error will not do
	}{
		{name: "empty.md", data: []byte{}, want: []byte{}},
		{name: "small.md", data: []byte("---\ntitle: Een\n---\n"), want: []byte("---\ntitle: Een\n---\n")},
		{name: "big.md", data: big, want: big},
		{name: "missing.md", wantErr: fs.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			full := filepath.Join(dir, tt.name)
			if tt.data != nil {
				if err := writeDisk(full, tt.data); err != nil {
					t.Fatal(err)
				}
				info, err := os.Stat(full)
				if err != nil || info.Mode().Perm() != 0o644&^umask(t) {
					t.Errorf("written with %v (%v), want %v", info.Mode().Perm(), err, fs.FileMode(0o644&^umask(t)))
				}
			}
			got, err := readDisk(full)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got == nil || !bytes.Equal(got, tt.want) {
				t.Errorf("read %d bytes (nil: %v), want %d", len(got), got == nil, len(tt.want))
			}
		})
	}
	t.Run("a folder", func(t *testing.T) {
		if _, err := readDisk(dir); err == nil {
			t.Error("a folder was read as a file")
		}
	})
	t.Run("shorter than before", func(t *testing.T) {
		full := filepath.Join(dir, "shorter.md")
		for _, data := range []string{"a longer text", "short"} {
			if err := writeDisk(full, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		if got, err := readDisk(full); err != nil || string(got) != "short" {
			t.Errorf("read %q, %v; want \"short\": writeDisk truncates", got, err)
		}
	})
}

// umask returns the process's file mode creation mask, as a file made
// with all permissions shows it.
func umask(t *testing.T) fs.FileMode {
	full := filepath.Join(t.TempDir(), "mask")
	if err := os.WriteFile(full, nil, 0o777); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(full)
	if err != nil {
		t.Fatal(err)
	}
	return 0o777 &^ info.Mode().Perm()
}
