import { describe, expect, it } from "vitest";
import { docPageHtml } from "../../src/report/doc-page-html.js";
import { FINDING_PAGES } from "../../src/report/finding-pages.js";

describe("docPageHtml", () => {
  it.each([
    ["# `code`", "<h3><code>code</code></h3>"],
    ["## What it means", "<h4>What it means</h4>"],
    ["###### deep", "<h6>deep</h6>"],
    ["one\nparagraph\n\ntwo", "<p>one paragraph</p>\n<p>two</p>"],
    [
      "**Bold.** and *emphasis* and `a*b*c`",
      "<p><strong>Bold.</strong> and <em>emphasis</em> and <code>a*b*c</code></p>",
    ],
    ["- one\n  continued\n- two", "<ul><li>one continued</li><li>two</li></ul>"],
    ["text\n- item", "<p>text</p>\n<ul><li>item</li></ul>"],
    [
      "| a | b |\n|---|---|\n| `x` | y |",
      "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td><code>x</code></td><td>y</td></tr></tbody></table>",
    ],
  ])("%j", (markdown, html) => {
    expect(docPageHtml(markdown, 3)).toBe(html);
  });

  it("escapes everything, and leaves what it does not know as text", () => {
    const html = docPageHtml(
      '# <script>x</script>\n\n[link](javascript:alert(1)) <img src=x onerror="y"> & `<b>`\n\n```\ncode\n```',
      3,
    );
    expect(html).not.toMatch(/<(script|img|a|b)\b/);
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(html).toContain(
      "[link](javascript:alert(1)) &lt;img src=x onerror=&quot;y&quot;&gt; &amp; <code>&lt;b&gt;</code>",
    );
  });

  it.each(Object.entries(FINDING_PAGES))("%s: every construct the page uses becomes markup", (_, page) => {
    const text = docPageHtml(page, 3)
      .replace(/<code>.*?<\/code>/g, "")
      .replace(/&#39;/g, "");
    expect(text).not.toMatch(/[*`|#]/);
  });
});
