/**
 * The HTML report's one stylesheet, inline so the page carries no external asset. The screen rules make a page to
 * browse (a table of contents, links back to it); the print rules make a document to sign off: no navigation, no
 * in-page link spelled out as a URL, compact type, sections that flow on from one another rather than one per page.
 */
export const HTML_STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 15px; line-height: 1.45; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px 32px 48px; }
h1 { font-size: 1.7em; margin: 0 0 .3em; }
h2 { font-size: 1.35em; margin: 0 0 .4em; border-bottom: 2px solid #d0d7de; padding-bottom: .2em; overflow-wrap: anywhere; }
h3 { font-size: 1.08em; margin: 1em 0 .3em; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .88em; background: #f3f4f6; padding: 0 .25em; border-radius: 3px; overflow-wrap: anywhere; }
a { color: #0a58ca; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f6f8fa; overflow-wrap: normal; }
#verdicts td:nth-child(2), #verdicts td:nth-child(4) { white-space: nowrap; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 1em; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
nav.contents { margin: 0 0 1.2em; color: #57606a; }
nav.contents a { margin-right: .8em; }
.generated { color: #57606a; margin: 0 0 1em; }
.policy-warning { border: 2px solid #bf8700; background: #fff8c5; color: #5c3b00; padding: .5em .8em; margin: .4em 0 .8em; font-weight: 600; }
.totals { font-size: 1.05em; margin: .2em 0 1em; padding-left: 1.2em; }
.verdict { font-weight: 700; white-space: nowrap; }
[data-verdict="allow"] { color: #116329; background: #dafbe1; }
[data-verdict="warn"] { color: #7d4e00; background: #fff8c5; }
[data-verdict="block"] { color: #a40e26; background: #ffebe9; }
.not-checked { color: #57606a; background: #eaeef2; font-weight: 700; }
section { margin-top: 2em; }
p.reason { font-weight: 600; margin: 0 0 .5em; }
.refs { color: #57606a; white-space: nowrap; }
ul, ol { margin: .2em 0 .6em; padding-left: 1.4em; }
li { margin: .15em 0; }
ol.duties > li, ol.evidence > li { list-style: none; margin-left: -1.4em; }
.ref { font-weight: 700; margin-right: .4em; }
.duty .applies { display: block; color: #444; font-size: .92em; }
.evidence .fields { display: block; color: #444; font-size: .92em; }
.field { margin-right: 1em; }
.field .k { font-variant: small-caps; color: #57606a; }
q { font-style: italic; }
.finding { border-left: 4px solid #d0d7de; padding: .3em 0 .3em .8em; margin: .6em 0; }
.finding.error { border-left-color: #cf222e; }
.finding.warning { border-left-color: #bf8700; }
.finding.info { border-left-color: #0969da; }
.finding h4 { margin: 0 0 .3em; font-size: 1em; }
.severity { font-weight: 700; text-transform: uppercase; margin-right: .4em; }
.finding .message { margin: 0 0 .3em; }
.none { color: #57606a; font-style: italic; }
.back { margin: 1em 0 0; font-size: .9em; }
.explanation { border-top: 1px solid #d0d7de; margin-top: 1em; }
.sign-off { border: 2px solid #1a1a1a; padding: .6em 1em 1em; }
.sign-off th { width: 12em; background: none; }
.sign-off td { height: 2.2em; }
.sign-off td.conditions { height: 5em; }
.choice { display: inline-block; margin-right: 2em; white-space: nowrap; }
.box { display: inline-block; width: .9em; height: .9em; border: 1.5px solid #1a1a1a; vertical-align: -.1em; margin-right: .4em; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  /* Backgrounds are left to the browser, which prints none unless asked: the verdicts carry a border as well. */
  body { font-size: 8.5pt; line-height: 1.3; max-width: none; padding: 0; color: #000; }
  /* The way around the page is for the screen; on paper each finding code is explained at the end. */
  nav.contents, .back, li.docs { display: none; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11.5pt; }
  h3 { font-size: 9.5pt; margin: .6em 0 .2em; }
  section { margin-top: 1.2em; }
  th, td { padding: 2px 5px; }
  /* A model's section flows on after the one before it; only its heading and short blocks are kept whole. */
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .finding, tr, li, dl.meta, .policy-warning { break-inside: avoid; page-break-inside: avoid; }
  section.sign-off { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: #000; text-decoration: none; }
  /* Only a link that leaves the page is worth its address on paper, and only where the text does not show it. */
  a[href^="http"]:not(.url)::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
  [data-verdict], .not-checked { border: 1px solid #000; }
  .policy-warning { border: 2px solid #000; }
}
`;
