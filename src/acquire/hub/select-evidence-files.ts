import type { FileRole, JsonObject } from "../../types/snapshot.js";

/** More candidates than this in one repo is not a license, it is a data set of them: read the first ones. */
export const MAX_EVIDENCE_FILES = 12;

const TEXT_EXTENSION = /^(|\.txt|\.md|\.markdown|\.rst|\.text)$/i;

/**
 * Root-level files that carry license terms, by the names the Hub's repos use:
 * LICENSE, LICENCE, LICENSE.md, LICENSE-MODEL, MODEL_LICENSE, LICENSE_Llama2.txt, COPYING, NOTICE,
 * USE_POLICY.md, ACCEPTABLE_USE_POLICY, TERMS_OF_USE.md.
 */
const ROLE_PATTERNS: [FileRole, RegExp][] = [
  ["use-policy", /(^|[-_ .])(acceptable[-_ ]?)?use[-_ ]?policy([-_ .]|$)/i],
  ["notice", /(^|[-_ .])notice([-_ .]|$)/i],
  ["license", /(^|[-_ .])(licen[cs]es?|copying|terms[-_ ]?of[-_ ]?use)([-_ .]|$)/i],
];

export interface EvidenceFile {
  path: string;
  role: FileRole;
}

/**
 * Chooses which files of a repo to read as license evidence: README.md (its front matter and license
 * section), the root-level license, notice and use-policy files, and the in-repo file `license_link` names.
 */
export function selectEvidenceFiles(
  repoId: string,
  files: string[],
  cardData: JsonObject | null,
  repoType?: "dataset",
): EvidenceFile[] {
  const present = new Set(files);
  const selected = new Map<string, FileRole>();
  if (present.has("README.md")) selected.set("README.md", "readme");

  const linked = linkedRepoFile(repoId, cardData?.["license_link"], repoType);
  if (linked && present.has(linked) && isSafeRepoPath(linked)) selected.set(linked, "license-link");

  for (const path of [...files].sort()) {
    if (path.includes("/") || !isSafeRepoPath(path)) continue;
    const dot = path.lastIndexOf(".");
    const extension = dot > 0 ? path.slice(dot) : "";
    if (!TEXT_EXTENSION.test(extension) && !/^\.\d/.test(extension)) continue;
    const role = ROLE_PATTERNS.find(([, pattern]) => pattern.test(path))?.[0];
    if (role && !selected.has(path)) selected.set(path, role);
  }
  return [...selected].slice(0, MAX_EVIDENCE_FILES).map(([path, role]) => ({ path, role }));
}

/**
 * A path git can hold and a URL keeps inside the repo: relative, `/`-separated, with no empty, `.` or `..` segment,
 * no backslash (which URL parsers read as `/`) and no control character. The Hub lists only such paths.
 */
export function isSafeRepoPath(path: string): boolean {
  if (path.length === 0 || path.length > 1000 || path.includes("\\") || /[\u0000-\u001f\u007f]/.test(path))
    return false;
  return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/**
 * `license_link` is "LICENSE" or "LICENSE.md" for a file in the repo, or a URL (hub-docs modelcard.md).
 * A URL into this same repo (`https://huggingface.co/<id>/blob|resolve/<rev>/<path>`, a dataset's under
 * `/datasets/<id>/…`) also names an in-repo file.
 */
export function linkedRepoFile(repoId: string, link: unknown, repoType?: "dataset"): string | null {
  if (typeof link !== "string") return null;
  const trimmed = link.trim().replace(/^\.\//, "");
  if (trimmed.length === 0 || trimmed.length > 500) return null;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed.split(/[?#]/)[0] ?? null;
  const match = /^https?:\/\/[^/]+\/(.+?)\/(?:blob|resolve|raw)\/[^/]+\/(.+?)(?:[?#].*)?$/.exec(trimmed);
  const repoPath = repoType === "dataset" ? `datasets/${repoId}` : repoId;
  if (!match || match[1] !== repoPath || !match[2]) return null;
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return null;
  }
}
