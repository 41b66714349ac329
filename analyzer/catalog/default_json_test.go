package catalog

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "write catalog.json from catalog.yaml")

// defaultData is the source of the built-in catalog, which the binary
// embeds as catalog.json.
//
//go:embed catalog.yaml
var defaultData []byte

// defaultAsJSON decodes the catalog file as Parse does and writes it as the
// built-in catalog.json.
func defaultAsJSON(data []byte) ([]byte, error) {
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("decode catalog.yaml: %w", err)
	}
	out, err := json.MarshalIndent(f, "", "\t")
	if err != nil {
		return nil, fmt.Errorf("encode catalog.json: %w", err)
	}
	return append(out, '\n'), nil
}

// TestDefaultJSONIsTheYAML: the embedded catalog.json is catalog.yaml as
// decoded, so that editing the YAML without writing the JSON anew fails.
func TestDefaultJSONIsTheYAML(t *testing.T) {
	want, err := defaultAsJSON(defaultData)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("catalog.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(defaultJSON, want) {
		t.Fatal("catalog.json is not catalog.yaml as decoded: run go test ./analyzer/catalog -update")
	}
}

// TestDefaultIsParsedYAML: the catalog Default reads from the JSON is the
// one Parse makes of the YAML, entry for entry.
func TestDefaultIsParsedYAML(t *testing.T) {
	fromJSON, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := Parse(DefaultName, defaultData, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(fromJSON.Entries) != len(fromYAML.Entries) {
		t.Fatalf("%d entries from the JSON, %d from the YAML", len(fromJSON.Entries), len(fromYAML.Entries))
	}
	for i := range fromYAML.Entries {
		if !reflect.DeepEqual(fromJSON.Entries[i], fromYAML.Entries[i]) {
			t.Errorf("entry %d differs:\nJSON %+v\nYAML %+v", i, fromJSON.Entries[i], fromYAML.Entries[i])
		}
	}
	rest := func(c *Catalog) Catalog {
		r := *c
		r.Entries = nil
		return r
	}
	if a, b := rest(fromJSON), rest(fromYAML); !reflect.DeepEqual(a, b) {
		t.Errorf("catalogs differ outside the entries:\nJSON %+v\nYAML %+v", a, b)
	}
}

// TestParseJSONRejectsUnknownFields: a field the JSON has and the file
// format does not is an error, as in a YAML file, not dropped.
func TestParseJSONRejectsUnknownFields(t *testing.T) {
	if _, err := parseJSON(DefaultName, defaultJSON); err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(defaultJSON, []byte(`"coverage"`), []byte(`"coverages"`), 1)
	if _, err := parseJSON(DefaultName, bad); err == nil || !strings.Contains(err.Error(), "coverages") {
		t.Errorf("a catalog.json with an unknown field: %v", err)
	}
}
