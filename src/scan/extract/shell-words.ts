/** A word of a shell command: its text with quotes and escapes removed (`$VAR` kept as written), and where it starts. */
export interface Word {
  value: string;
  line: number;
  column: number;
}

/**
 * Where a piece of shell text sits in its file: the line and column of its first character, and for the lines after
 * the first, the columns they were shifted by (a YAML block scalar's indentation, which its value no longer holds).
 */
export interface Origin {
  line: number;
  column: number;
  indent: number;
}

export const FILE_START: Origin = { line: 1, column: 1, indent: 0 };

/** Ends a command: the next word starts a new one (`&&`, `||`, `;`, `|`, `&`, a newline, a subshell's parentheses). */
const SEPARATORS = new Set([";", "&", "|", "(", ")", "\n"]);

/**
 * The commands of a shell text, each a list of words. A small tokenizer, enough to find commands and their arguments:
 * quotes, backslash escapes and line continuations, `#` comments, `${…}` and `$(…)` kept whole inside a word, and
 * redirections dropped with their target (`> log.txt`, `2>&1`). Heredocs, aliases and functions are not followed.
 */
export function shellCommands(text: string, origin: Origin = FILE_START): Word[][] {
  return new Tokenizer(text, origin).commands();
}

class Tokenizer {
  private index = 0;
  private line = 1;
  private column = 1;
  private readonly done: Word[][] = [];
  private current: Word[] = [];
  private word: Word | null = null;
  /** The next word is a redirection's target, not an argument. */
  private redirecting = false;

  constructor(
    private readonly text: string,
    private readonly origin: Origin,
  ) {}

  commands(): Word[][] {
    while (this.index < this.text.length) this.step();
    this.endCommand();
    return this.done;
  }

  private step(): void {
    const char = this.text[this.index]!;
    const next = this.text[this.index + 1];
    if (char === "\\" && next === "\n") {
      this.skip(2);
      return;
    }
    if (char === "\\" && next === "\r" && this.text[this.index + 2] === "\n") {
      this.skip(3);
      return;
    }
    if (char === "#" && this.word === null) {
      this.skipComment();
      return;
    }
    if (char === " " || char === "\t" || char === "\r") {
      this.endWord();
      this.skip(1);
      return;
    }
    if (char === ">" || char === "<") {
      this.redirect();
      return;
    }
    if (SEPARATORS.has(char)) {
      this.endCommand();
      this.skip(1);
      return;
    }
    if (char === "'") {
      this.quoted("'");
      return;
    }
    if (char === '"') {
      this.quoted('"');
      return;
    }
    if (char === "\\") {
      this.skip(1);
      this.take();
      return;
    }
    if (char === "$" && (next === "{" || next === "(")) {
      this.expansion(next === "{" ? "}" : ")");
      return;
    }
    if (char === "`") {
      this.expansion("`", 1);
      return;
    }
    this.take();
  }

  /** `2>&1`, `>> log`, `< input`: the fd before the operator and the target after it are no arguments. */
  private redirect(): void {
    if (this.word && /^\d+$/.test(this.word.value)) this.word = null;
    this.endWord();
    while (/[<>&-]/.test(this.text[this.index] ?? "")) this.skip(1);
    const duplicatesFd = /[&-]$/.test(this.text.slice(0, this.index)) && /\d/.test(this.text[this.index] ?? "");
    if (duplicatesFd) while (/\d/.test(this.text[this.index] ?? "")) this.skip(1);
    else this.redirecting = true;
  }

  private quoted(quote: "'" | '"'): void {
    this.startWord();
    this.skip(1);
    while (this.index < this.text.length && this.text[this.index] !== quote) {
      const char = this.text[this.index]!;
      if (quote === '"' && char === "\\" && this.text[this.index + 1] === "\n") this.skip(2);
      else if (quote === '"' && char === "\\" && /["\\$`]/.test(this.text[this.index + 1] ?? "")) {
        this.skip(1);
        this.take();
      } else this.take();
    }
    this.skip(1);
  }

  /** `${…}`, `$(…)` or a backtick substitution, kept whole in the word (its spaces and separators included). */
  private expansion(close: string, opening = 2): void {
    const open = this.text[this.index + opening - 1]!;
    let depth = 0;
    for (let taken = 0; this.index < this.text.length; taken++) {
      const char = this.text[this.index]!;
      this.take();
      if (taken < opening) continue;
      if (char === open && close !== "`") depth++;
      else if (char === close && depth-- === 0) return;
    }
  }

  private skipComment(): void {
    while (this.index < this.text.length && this.text[this.index] !== "\n") this.skip(1);
  }

  private startWord(): void {
    this.word ??= { value: "", ...this.place() };
  }

  private take(): void {
    this.startWord();
    this.word!.value += this.text[this.index] ?? "";
    this.skip(1);
  }

  private skip(count: number): void {
    for (let step = 0; step < count && this.index < this.text.length; step++) {
      if (this.text[this.index] === "\n") {
        this.line++;
        this.column = 1;
      } else this.column++;
      this.index++;
    }
  }

  private endWord(): void {
    if (this.word === null) return;
    if (this.redirecting) this.redirecting = false;
    else this.current.push(this.word);
    this.word = null;
  }

  private endCommand(): void {
    this.endWord();
    this.redirecting = false;
    if (this.current.length > 0) this.done.push(this.current);
    this.current = [];
  }

  /** The file position of the character at the cursor. */
  private place(): { line: number; column: number } {
    const { origin } = this;
    return this.line === 1
      ? { line: origin.line, column: origin.column + this.column - 1 }
      : { line: origin.line + this.line - 1, column: origin.indent + this.column };
  }
}
