/** A model the user asked about: a Hub repo id and, optionally, a revision (branch, tag or commit sha). */
export interface ModelRef {
  id: string;
  revision: string | null;
  /** `dataset` for a dataset repo (`dataset:org/name`, `--type dataset`); absent for a model. */
  repoType?: "dataset";
}

export type ParsedModelRef = { ok: true; ref: ModelRef } | { ok: false; reason: string };

/** The kinds of Hub repo lic checks; a model when nothing says otherwise. */
export type RepoType = "model" | "dataset";

/** The prefixes that name a repo's type in an id (`dataset:org/name`), as `lic check` takes them. */
const TYPE_PREFIX = /^(model|dataset):/;

/** The Hub caps repo names at 96 characters (huggingface_hub `validate_repo_id`). */
const MAX_NAME_LENGTH = 96;
const MAX_REVISION_LENGTH = 255;

/**
 * One path segment of a repo id. Mirrors huggingface_hub's REPO_ID_REGEX
 * `^(\b[\w\-.]+\b/)?\b[\w\-.]{1,96}\b$`: word characters, `-` and `.`, starting and ending on a word character.
 * https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/utils/_validators.py
 */
const SEGMENT = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
/** Branch, tag or sha as git allows them in practice on the Hub (`main`, `v1.0`, `refs/pr/1`, a 40-hex sha). */
const REVISION = /^[A-Za-z0-9_](?:[A-Za-z0-9_./-]*[A-Za-z0-9_])?$/;

export const COMMIT_SHA = /^[0-9a-f]{40}$/;

export function isCommitSha(revision: string): boolean {
  return COMMIT_SHA.test(revision);
}

/**
 * Parses `org/name`, a legacy `name`, or either with `@REV`. Refuses anything that could change the meaning of
 * the URL it ends up in (traversal, encoded characters, whitespace, control characters) before any request is made.
 */
export function parseModelRef(input: string): ParsedModelRef {
  return parseIdAndRevision(input, "model");
}

/**
 * Parses a repo of either type: `dataset:org/name[@rev]`, `model:org/name[@rev]`, or a plain id, which is of
 * `defaultType`. The id is checked as parseModelRef checks a model's; legacy single names (`squad`, `imdb`) are
 * dataset ids too.
 */
export function parseRepoRef(input: string, defaultType: RepoType): ParsedModelRef {
  const prefix = TYPE_PREFIX.exec(input);
  const type = prefix ? (prefix[1] as RepoType) : defaultType;
  const parsed = parseIdAndRevision(prefix ? input.slice(prefix[0].length) : input, type);
  if (!parsed.ok || type === "model") return parsed;
  return { ok: true, ref: { ...parsed.ref, repoType: "dataset" } };
}

/** Parses `org/name[@rev]` (or a legacy `name`) as an id of `type`, its errors naming that type; no prefix is read. */
export function parseIdAndRevision(input: string, type: RepoType): ParsedModelRef {
  if (input.length === 0) return fail(`the ${type} id is empty`);
  if (/[\u0000-\u001f\u007f]/.test(input)) return fail(`the ${type} id contains a control character`);
  if (/\s/.test(input)) return fail(`the ${type} id contains white space`);
  if (input.includes("%")) return fail(`the ${type} id contains '%': write it unencoded, as the Hub shows it`);
  if (input.includes("..")) return fail(`the ${type} id contains '..'`);

  const at = input.indexOf("@");
  const id = at === -1 ? input : input.slice(0, at);
  const revision = at === -1 ? null : input.slice(at + 1);

  const segments = id.split("/");
  if (segments.length > 2) return fail(`a ${type} id is 'org/name' or 'name': it has more than one '/'`);
  for (const segment of segments) {
    if (segment.length === 0) return fail(`the ${type} id has an empty part`);
    if (segment.length > MAX_NAME_LENGTH)
      return fail(`a part of the ${type} id is longer than ${MAX_NAME_LENGTH} characters`);
    if (!SEGMENT.test(segment)) {
      return fail(
        `a ${type} id may only contain letters, digits, '-', '_' and '.', and must start and end with a letter or digit`,
      );
    }
    if (segment.includes("--")) return fail(`the ${type} id contains '--'`);
  }
  if (id.endsWith(".git")) return fail(`the ${type} id ends in '.git'`);

  if (revision !== null) {
    const problem = checkRevision(revision);
    if (problem) return fail(problem);
  }
  return { ok: true, ref: { id, revision } };
}

/** Returns why a revision is refused, or null when it is acceptable. */
export function checkRevision(revision: string): string | null {
  if (revision.length === 0) return "the revision after '@' is empty";
  if (revision.length > MAX_REVISION_LENGTH) return `the revision is longer than ${MAX_REVISION_LENGTH} characters`;
  if (revision.includes("..") || revision.includes("//")) return "the revision contains '..' or '//'";
  if (!REVISION.test(revision)) {
    return "a revision may only contain letters, digits, '-', '_', '.' and '/' (a branch, a tag or a commit sha)";
  }
  return null;
}

function fail(reason: string): ParsedModelRef {
  return { ok: false, reason };
}
