package synth

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml"
	"github.com/wizardsite/wizard/theme"
)

// hugoLayouts are the Hugo templates that draw a wizard as our theme does.
// The all: prefix keeps layouts/_default, which embed skips otherwise.
//
//go:embed all:hugo
var hugoLayouts embed.FS

// translation matches the name of a node file's translation, x.fr.md.
var translation = regexp.MustCompile(`\.[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\.md$`)

// siteSettings are the keys of site.yaml that the Hugo site needs.
type siteSettings struct {
	Title    string `yaml:"title"`
	Subtitle string `yaml:"subtitle"`
	Tagline  string `yaml:"tagline"`
	Language string `yaml:"language"`
	Contact  struct {
		Label string `yaml:"label"`
		URL   string `yaml:"url"`
	} `yaml:"contact"`
}

// readSite reads site.yaml and every file below content/ of a site root.
func readSite(src fs.FS) (map[string][]byte, error) {
	files := map[string][]byte{}
	data, err := fs.ReadFile(src, "site.yaml")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	files["site.yaml"] = data
	err = fs.WalkDir(src, "content", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[name], err = fs.ReadFile(src, name)
		return err
	})
	return files, err
}

// hugoFiles turns a wizard in our content format (site.yaml and content/,
// by path in the site root) into the files of a Hugo site that builds
// the same tree: hugo.toml, content/ with links to nodes as relref,
// layouts/, assets/ and static/ from the built-in theme. It is the
// default language's tree: the translations (x.fr.md) are left out, as
// the twin's layouts have no language switch to show them by.
func hugoFiles(site map[string][]byte) (map[string][]byte, error) {
	var s siteSettings
	if err := yaml.Unmarshal(site["site.yaml"], &s); err != nil {
		return nil, fmt.Errorf("site.yaml: %w", err)
	}
	if s.Language == "" {
		s.Language = "nl"
	}
	strs, err := fs.ReadFile(theme.FS(), "i18n/"+s.Language+".yaml")
	if err != nil {
		return nil, err
	}
	var t map[string]string
	if err := yaml.Unmarshal(strs, &t); err != nil {
		return nil, fmt.Errorf("theme i18n/%s.yaml: %w", s.Language, err)
	}
	files := map[string][]byte{"hugo.toml": hugoConfig(&s, t)}
	if err := copyTree(hugoLayouts, "hugo", "", files); err != nil {
		return nil, err
	}
	if err := copyTree(theme.FS(), "icons", "assets/icons", files); err != nil {
		return nil, err
	}
	for name, out := range map[string]string{"static/style.css": "assets/style.css", "static/favicon.svg": "static/favicon.svg"} {
		if files[out], err = fs.ReadFile(theme.FS(), name); err != nil {
			return nil, err
		}
	}
	for name, data := range site {
		rel, ok := strings.CutPrefix(name, "content/")
		if !ok || translation.MatchString(rel) {
			continue
		}
		switch {
		case rel == "_definitions.md":
			data = headless(data)
		case path.Ext(rel) == ".md":
			data = relrefs(data, path.Dir(rel))
		}
		files[name] = data
	}
	return files, nil
}

// copyTree copies the files below dir of fsys to below out in files.
func copyTree(fsys fs.FS, dir, out string, files map[string][]byte) error {
	return fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		files[path.Join(out, strings.TrimPrefix(name, dir+"/"))] = data
		return err
	})
}

// hugoConfig is hugo.toml: the site settings, the theme's interface
// strings as params (Hugo lower-cases param keys), and only the kinds of
// page our generator writes too.
func hugoConfig(s *siteSettings, t map[string]string) []byte {
	var b strings.Builder
	b.WriteString("# Written by bench/synth: the Hugo twin of a wizard, to compare build times.\n")
	b.WriteString(`baseURL = "/"` + "\n")
	fmt.Fprintf(&b, "languageCode = %s\ndefaultContentLanguage = %s\ntitle = %s\n",
		tomlString(s.Language), tomlString(s.Language), tomlString(s.Title))
	b.WriteString(`disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]` + "\n")
	b.WriteString("\n[markup.goldmark.extensions]\ntypographer = false\n")
	fmt.Fprintf(&b, "\n[params]\nsubtitle = %s\ntagline = %s\ncontactlabel = %s\ncontacturl = %s\n",
		tomlString(s.Subtitle), tomlString(s.Tagline), tomlString(s.Contact.Label), tomlString(s.Contact.URL))
	b.WriteString("\n[params.t]\n")
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s = %s\n", strings.ToLower(k), tomlString(t[k]))
	}
	return []byte(b.String())
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case unicode.IsControl(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// headless keeps content/_definitions.md out of Hugo's pages and lists,
// where site.GetPage still finds it for the popover.
func headless(data []byte) []byte {
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return data
	}
	// From the line break of the opening line on, so that an empty front
	// matter's closing line is found too.
	i := bytes.Index(data[3:], []byte("\n---\n"))
	if i < 0 {
		return data
	}
	i += 3
	return slices.Concat(data[:i], []byte("\n_build:\n  render: never\n  list: never"), data[i:])
}

// mdLink finds the destination of a Markdown inline link.
var mdLink = regexp.MustCompile(`\]\(([^()\s]+)\)`)

// relrefs rewrites the links of a body to node files, relative to the
// file's folder dir, as Hugo's relref shortcode with the path from the
// content root; a link to _definitions.md opens the popover.
func relrefs(data []byte, dir string) []byte {
	return mdLink.ReplaceAllFunc(data, func(m []byte) []byte {
		dest := string(m[2 : len(m)-1])
		file, frag, _ := strings.Cut(dest, "#")
		if strings.Contains(file, ":") || path.Ext(file) != ".md" {
			return m
		}
		target := path.Join(dir, file)
		if strings.HasPrefix(target, "../") {
			return m
		}
		if target == "_definitions.md" {
			return []byte("](#definitions)")
		}
		if frag != "" {
			target += "#" + frag
		}
		return []byte(`]({{< relref "/` + target + `" >}})`)
	})
}
