import type { Parser } from "web-tree-sitter";
import { type Extracted, SourceParseError } from "./extracted.js";
import { extractPythonSources, type PythonSource } from "./python.js";

interface NotebookCell {
  cell_type?: unknown;
  source?: unknown;
}

/**
 * The Hub repos a Jupyter notebook's code cells load. The cells run top to bottom as one module, so a constant of an
 * earlier cell resolves in a later one. Lines are those of the `.ipynb` file, where nbformat writes each source line
 * as a JSON string of its own line.
 */
export function extractNotebook(text: string, file: string, parser: Parser): Extracted {
  const cells = cellsOf(text);
  const locator = new SourceLocator(text);
  const sources: PythonSource[] = [];
  for (const cell of cells) {
    // Every cell's lines are located, markdown too, so that the next cell's search starts after them.
    const located = locator.locate(sourceLines(cell.source));
    if (cell.cell_type === "code") sources.push(pythonOf(located));
  }
  return extractPythonSources(sources, file, parser);
}

function cellsOf(text: string): NotebookCell[] {
  let notebook: unknown;
  try {
    notebook = JSON.parse(text);
  } catch (error) {
    throw new SourceParseError(`not valid JSON: ${(error as Error).message}`);
  }
  const cells = (notebook as { cells?: unknown } | null)?.cells;
  if (typeof notebook !== "object" || !Array.isArray(cells)) throw new SourceParseError("not a Jupyter notebook");
  return cells.filter((cell): cell is NotebookCell => typeof cell === "object" && cell !== null);
}

/** A cell's source as nbformat holds it: a list of lines (each ending in `\n` but the last), or one string. */
function sourceLines(source: unknown): string[] {
  if (typeof source === "string") return [source];
  return Array.isArray(source) ? source.filter((line): line is string => typeof line === "string") : [];
}

/** A cell's code lines, each with the line of the `.ipynb` file it stands on. */
interface LocatedLines {
  lines: string[];
  fileLines: number[];
  /** The line the cell's source starts on, for lines that could not be told apart. */
  firstLine: number;
}

function pythonOf(cell: LocatedLines): PythonSource {
  const lines = blankMagics(cell.lines);
  return { text: lines.join("\n"), lineOf: (row) => cell.fileLines[row] ?? cell.firstLine };
}

/**
 * IPython magics (`%pip install`, `!hf download …`) are no Python: blanked, so the rows keep their lines. A `%%` cell
 * magic makes the whole cell another language (`%%bash`, `%%writefile`).
 */
function blankMagics(lines: readonly string[]): string[] {
  if (lines[0]?.trimStart().startsWith("%%")) return lines.map(() => "");
  return lines.map((line) => (/^\s*[%!]/.test(line) ? "" : line));
}

/**
 * Finds cells' source lines in the raw notebook text, in order: each cell's `"source":` key, then its lines as JSON
 * strings on the lines after it. Compared decoded, so a writer's escaping (`\u00e9` or `é`) does not matter.
 */
class SourceLocator {
  private readonly rawLines: string[];
  /** The 0-based raw line the next search starts from. */
  private cursor = 0;

  constructor(text: string) {
    this.rawLines = text.split(/\r?\n/);
  }

  locate(elements: readonly string[]): LocatedLines {
    const sourceKey = this.findSourceKey();
    const firstLine = sourceKey + 1;
    const located: LocatedLines = { lines: [], fileLines: [], firstLine };
    let row = sourceKey;
    for (const element of elements) {
      const own = jsonStringOf(this.rawLines[row + 1]) === element;
      if (own) row += 1;
      // An element holding several lines (a writer that does not split them) puts them all on its raw line.
      for (const line of element.replace(/\n$/, "").split(/\r?\n/)) {
        located.lines.push(line);
        located.fileLines.push(own ? row + 1 : firstLine);
      }
    }
    this.cursor = row + 1;
    return located;
  }

  /** The raw line of the next `"source":` key; where none is found, the cursor's line. */
  private findSourceKey(): number {
    for (let row = this.cursor; row < this.rawLines.length; row++) {
      if (/^\s*"source"\s*:/.test(this.rawLines[row]!)) return row;
    }
    return Math.min(this.cursor, this.rawLines.length - 1);
  }
}

/** The string a raw line holds when the line is one JSON string (a list item, with or without its comma). */
function jsonStringOf(rawLine: string | undefined): string | null {
  const item = rawLine?.trim().replace(/,$/, "");
  if (!item?.startsWith('"')) return null;
  try {
    const value: unknown = JSON.parse(item);
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}
