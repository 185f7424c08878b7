/** What `lic scan` finds in a codebase: the Hub repos its code and configs load, and the loads it cannot resolve. */

export type RepoKind = "model" | "dataset";

/** A place in the scanned tree: a path relative to the scanned root (always `/`-separated), 1-based line and column. */
export interface CodeLocation {
  file: string;
  line: number;
  column: number;
}

/** One place where code or a config loads a Hub repo. The same model loaded in three files is three references. */
export interface CodeReference extends CodeLocation {
  /** The Hub id as written (`org/name`, or a legacy single name such as `gpt2` in a loading call). */
  id: string;
  kind: RepoKind;
  /** The revision the code asks for (a literal or a resolved constant), or null when it names none. */
  revision: string | null;
  /** Pinned to a commit: the revision is 7 to 40 hex digits. */
  pinned: boolean;
  /** The call, key or command that loads it: `transformers.from_pretrained`, `config:model_id`, `hf download`. */
  via: string;
  /** The environment variable that can override it, when the id is the default of `os.environ.get("X", "id")`. */
  env?: string;
  /** The repo is an adapter (LoRA, peft) loaded onto another model: a model reference of its own. */
  adapter?: true;
}

/** A loading call whose repo is computed at run time: reported with its expression, never dropped. */
export interface DynamicReference extends CodeLocation {
  via: string;
  /** The argument's source text, at most 200 characters. */
  expression: string;
}

/** A file the scan did not read, or read only in part, and why. */
export interface ScanNote {
  file: string;
  reason: "unparsable" | "too-large" | "binary" | "symlink-outside" | "unreadable";
  message: string;
}

/** A Hub id that is also a directory in the scanned tree: the loader would take the local folder (model confusion). */
export interface LocalConfusion {
  id: string;
  /** The directory, relative to the scanned root. */
  directory: string;
  references: (CodeLocation & { via: string })[];
}

export interface ScanResult {
  /** In file, line, column order. */
  references: CodeReference[];
  dynamic: DynamicReference[];
  confusions: LocalConfusion[];
  notes: ScanNote[];
  /** Files read. */
  files: number;
}
