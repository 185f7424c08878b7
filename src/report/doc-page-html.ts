import { esc } from "./escape-html.js";

const LIST_ITEM = /^[-*] /;
const TABLE_ROW = /^\|/;
const HEADING = /^(#{1,6})\s+(.*)$/;

/**
 * One of lic's own docs pages (docs/findings/*.md) as HTML. The pages are simple Markdown: headings, paragraphs,
 * `-` lists (an indented line continues an item), tables, `code`, **bold** and *emphasis*, and only those become
 * markup.
 * Everything is escaped first, so anything else (a link, a code block) stays visible as text and nothing can
 * become a tag. `headingLevel` is the level a page's `#` title takes in the document that carries it.
 */
export function docPageHtml(markdown: string, headingLevel: number): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let at = 0;
  while (at < lines.length) {
    const line = lines[at]!;
    const heading = HEADING.exec(line);
    if (line.trim() === "") {
      at++;
    } else if (heading) {
      const level = Math.min(6, heading[1]!.length - 1 + headingLevel);
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
      at++;
    } else if (TABLE_ROW.test(line)) {
      const rows: string[] = [];
      while (at < lines.length && TABLE_ROW.test(lines[at]!)) rows.push(lines[at++]!);
      out.push(table(rows));
    } else if (LIST_ITEM.test(line)) {
      const items: string[] = [];
      while (at < lines.length && (LIST_ITEM.test(lines[at]!) || /^\s+\S/.test(lines[at]!))) {
        const next = lines[at++]!;
        if (LIST_ITEM.test(next)) items.push(next.slice(2));
        else items[items.length - 1] += ` ${next.trim()}`;
      }
      out.push(`<ul>${items.map((item) => `<li>${inline(item)}</li>`).join("")}</ul>`);
    } else {
      const words: string[] = [];
      while (at < lines.length && lines[at]!.trim() !== "" && !startsBlock(lines[at]!)) words.push(lines[at++]!.trim());
      out.push(`<p>${inline(words.join(" "))}</p>`);
    }
  }
  return out.join("\n");
}

function startsBlock(line: string): boolean {
  return HEADING.test(line) || TABLE_ROW.test(line) || LIST_ITEM.test(line);
}

/** A pipe table: the first row is the header, `|---|` rows are dropped. */
function table(rows: string[]): string {
  const cells = (row: string) =>
    row
      .replace(/^\|/, "")
      .replace(/\|\s*$/, "")
      .split("|")
      .map((cell) => inline(cell.trim()));
  const [header, ...body] = rows.filter((row) => !/^\|[\s:|-]+$/.test(row));
  const head = header
    ? `<thead><tr>${cells(header)
        .map((cell) => `<th>${cell}</th>`)
        .join("")}</tr></thead>`
    : "";
  const rowsHtml = body
    .map(
      (row) =>
        `<tr>${cells(row)
          .map((cell) => `<td>${cell}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  return `<table>${head}<tbody>${rowsHtml}</tbody></table>`;
}

/** `code` spans, then **bold** and *emphasis* in the rest; all of it escaped. */
function inline(text: string): string {
  return text
    .split(/`([^`]+)`/)
    .map((part, index) =>
      index % 2 === 1
        ? `<code>${esc(part)}</code>`
        : esc(part)
            .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
            .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=$|[\s.,;:)])/g, "$1<em>$2</em>"),
    )
    .join("");
}
