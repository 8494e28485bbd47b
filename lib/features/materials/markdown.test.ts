import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/features/materials/markdown";

// Payloads from the OWASP XSS filter evasion cheat sheet and friends, in markdown and raw HTML.
const PAYLOADS = [
  "<script>window.__xss = 1</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  '<img src=x onerror="window.__xss=1">',
  "<img src=x onerror=window.__xss=1//",
  '<svg onload="window.__xss=1"><circle r="1"/></svg>',
  '<svg><script>window.__xss=1</script></svg>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  "[click](javascript:window.__xss=1)",
  "[click](JaVaScRiPt:window.__xss=1)",
  "[click](java\tscript:window.__xss=1)",
  "[click](&#106;avascript:window.__xss=1)",
  "[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  '![x](x" onerror="window.__xss=1)',
  "![x](javascript:window.__xss=1)",
  '<div style="background:url(javascript:window.__xss=1)">x</div>',
  '<body onload="window.__xss=1">',
  '<details open ontoggle="window.__xss=1">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<form action="javascript:window.__xss=1"><button>go</button></form>',
  '<input autofocus onfocus="window.__xss=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:/">',
  '<link rel="stylesheet" href="javascript:window.__xss=1">',
  "<style>*{background:url(javascript:window.__xss=1)}</style>",
  '[a](https://ok.example "title" onclick="window.__xss=1")',
  '<a href="https://ok.example" onclick="window.__xss=1">x</a>',
  "<<script>script>window.__xss=1<</script>/script>",
  '<img """><script>window.__xss=1</script>">',
  "`<script>window.__xss=1</script>`",
];

/** Renders the payload into a real DOM with scripts enabled and reports what got through. */
function inspect(markdown: string) {
  const html = renderMarkdown(markdown);
  const dom = new JSDOM(`<!doctype html><body>${html}</body>`, { runScripts: "dangerously" });
  const doc = dom.window.document;
  const dangerousAttrs = [...doc.querySelectorAll("*")].flatMap((el) =>
    [...el.attributes]
      .filter((a) => /^on/i.test(a.name) || a.name === "style" || /^\s*(javascript|data|vbscript):/i.test(a.value))
      .map((a) => `${el.tagName}[${a.name}]`),
  );
  const dangerousTags = [
    ...doc.querySelectorAll("script, svg, iframe, object, embed, form, input, meta, base, link, style, math, body body"),
  ].map((el) => el.tagName);
  const executed = (dom.window as unknown as { __xss?: number }).__xss === 1;
  dom.window.close();
  return { html, dangerousAttrs, dangerousTags, executed };
}

describe("renderMarkdown", () => {
  it.each(PAYLOADS)("renders %s harmlessly", (payload) => {
    const result = inspect(payload);
    expect(result.executed).toBe(false);
    expect(result.dangerousTags).toEqual([]);
    expect(result.dangerousAttrs).toEqual([]);
    // Escaped text may mention the payload; no tag may carry it.
    expect(result.html).not.toMatch(/<script|<[^>]*\son\w+=|<[^>]*(javascript|data):/i);
  });

  it("keeps ordinary markdown: headings, lists, tables, links, https images", () => {
    const html = renderMarkdown(
      "## Syarat\n\n- KTP\n- **Paspor**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[KP2MI](https://kp2mi.go.id) ![f](https://x.example/a.png) [telp](tel:+62211500222)",
    );
    expect(html).toContain("<h2>Syarat</h2>");
    expect(html).toContain("<li><strong>Paspor</strong></li>");
    expect(html).toContain("<table>");
    expect(html).toContain('<a href="https://kp2mi.go.id">KP2MI</a>');
    expect(html).toContain('<img src="https://x.example/a.png" alt="f">');
    expect(html).toContain('href="tel:+62211500222"');
  });

  it("would flag a payload that slipped through (the check can fail)", () => {
    const dom = new JSDOM('<!doctype html><body><img src=x onerror="window.__xss=1"></body>', { runScripts: "dangerously" });
    expect(dom.window.document.querySelector("img")?.getAttribute("onerror")).toBeTruthy();
    dom.window.close();
  });
});
