package generator

import (
	"os"
	"testing"
)

func TestZZGen(t *testing.T) {
	dir := os.Getenv("ZZ_SITE")
	if dir == "" {
		t.Skip()
	}
	if _, err := Generate(siteOptions(dir)); err != nil {
		t.Fatal(err)
	}
}
