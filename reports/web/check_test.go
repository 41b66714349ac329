package web

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/redtape-vn/redtape/analyzer/check"
)

// draft is a draft with a dossier that asks for a certified copy of a
// paper the state holds, and a hostile line.
const draft = `# DỰ THẢO NGHỊ ĐỊNH

### Điều 1. Hồ sơ

1. Tổ chức gửi 01 bộ hồ sơ đề nghị cấp giấy phép gồm:

a) Đơn đề nghị theo Mẫu số 01;

b) **Bản sao có chứng thực** Giấy chứng nhận đăng ký doanh nghiệp;

c) Giấy tờ khác theo yêu cầu của cơ quan <script>alert(1)</script> [x](javascript:alert(1)).
`

// withChecker is the demo server with a checker that has no paper
// matcher (rule RT001 off, with a note).
func withChecker(t *testing.T) *Server {
	s := demoSrv(t)
	if s.opts.Checker == nil {
		c, err := check.New(check.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s.opts.Checker = c
	}
	return s
}

func post(t *testing.T, s http.Handler, target, contentType string, body []byte) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	s.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func TestCheckPage(t *testing.T) {
	s := withChecker(t)
	if code, _, body := get(t, s, "/check"); code != http.StatusOK || !strings.Contains(body, `<textarea id="draft" name="draft"`) {
		t.Fatalf("form: status %d", code)
	}
	form := url.Values{"draft": {draft}}
	code, body := post(t, s, "/check", "application/x-www-form-urlencoded", []byte(form.Encode()))
	if code != http.StatusOK {
		t.Fatalf("status %d:\n%s", code, body)
	}
	for _, want := range []string{`id="check-summary"`, `class="finding `, `href="/rule/RT003"`, `<span id="L9" class="line`, "<mark>", `href="#L9"`,
		"&lt;script&gt;alert(1)&lt;/script&gt;", "yêu cầu bản sao có chứng thực ("} {
		if !strings.Contains(body, want) {
			t.Errorf("check page lacks %q", want)
		}
	}
	if strings.Contains(body, "requires a certified copy") {
		t.Error("the Vietnamese check page gives a finding in English")
	}
	if strings.Contains(body, "<script>") || strings.Contains(body, `href="javascript:`) {
		t.Error("the draft's markup is rendered")
	}
	// The same draft uploaded as a file.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "du-thao.md")
	fw.Write([]byte(draft))
	mw.WriteField("format", "markdown")
	mw.Close()
	code, up := post(t, s, "/check?lang=en", mw.FormDataContentType(), buf.Bytes())
	if code != http.StatusOK || !strings.Contains(up, `href="/rule/RT003?lang=en"`) || !strings.Contains(up, "requires a certified copy (") {
		t.Errorf("upload: status %d, or the English page gives the finding in another language", code)
	}
	// Empty, too large, not text.
	if code, _ := post(t, s, "/check", "application/x-www-form-urlencoded", []byte("draft=+")); code != http.StatusBadRequest {
		t.Errorf("empty draft: status %d", code)
	}
	big := url.Values{"draft": {strings.Repeat("a", MaxDraft+1)}}
	if code, body := post(t, s, "/check", "application/x-www-form-urlencoded", []byte(big.Encode())); code != http.StatusBadRequest || !strings.Contains(body, "quá lớn") {
		t.Errorf("large draft: status %d", code)
	}
	if code, _ := post(t, s, "/check", "application/x-www-form-urlencoded", []byte("draft=%ff%fe")); code != http.StatusBadRequest {
		t.Errorf("binary draft: status %d", code)
	}
}

func TestCheckAPI(t *testing.T) {
	s := withChecker(t)
	code, body := post(t, s, "/api/check?name=du-thao.md", "text/markdown", []byte(draft))
	var out struct {
		Schema   string
		Findings []struct{ Rule string }
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil || code != http.StatusOK || out.Schema != check.SchemaVersion || len(out.Findings) == 0 {
		t.Fatalf("status %d, %v: %s", code, err, body)
	}
	if code, _ := post(t, s, "/api/check", "text/plain", nil); code != http.StatusBadRequest {
		t.Errorf("empty: status %d", code)
	}
}

func TestRulePage(t *testing.T) {
	s := withChecker(t)
	code, _, body := get(t, s, "/rule/RT001")
	if code != http.StatusOK || !strings.Contains(body, `id="rule-id"`) || !strings.Contains(body, `href="/rule/RT008"`) {
		t.Errorf("rule page: status %d", code)
	}
	if code, _, _ := get(t, s, "/rule/RT999"); code != http.StatusNotFound {
		t.Errorf("unknown rule: status %d", code)
	}
}
