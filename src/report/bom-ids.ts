/** How both BOM formats name a Hub repo, a license and the document itself: one spelling, shared. */
import { hash } from "node:crypto";
import type { Catalog } from "../catalog/catalog.js";
import { licenseRefOf } from "../identify/parse-expression.js";
import type { RepoKind } from "../types/code-reference.js";

/** Reports link to the public Hub: the result does not say which endpoint (or mirror) it was read through. */
const HUB = "https://huggingface.co";

/**
 * `pkg:huggingface/<namespace>/<name>@<commit>`. The purl type spells a legacy single-name id without a namespace
 * (its own example `pkg:huggingface/distilbert-base-uncased@043235d…`), keeps the case of namespace and name, and
 * lowercases the commit. Hub ids hold only letters, digits, `-`, `_` and `.`, none of which purl percent-encodes.
 * https://github.com/package-url/purl-spec/blob/main/types/huggingface-definition.json
 */
export function hubPurl(id: string, sha: string | null): string {
  return `pkg:huggingface/${id}${sha ? `@${sha.toLowerCase()}` : ""}`;
}

/** The repo's page on the Hub at a commit (its default branch without one). */
export function hubTreeUrl(kind: RepoKind, id: string, sha: string | null): string {
  return `${HUB}/${repoPath(kind, id)}${sha ? `/tree/${sha}` : ""}`;
}

/** A file of the repo at a commit, as the Hub shows it. */
export function hubFileUrl(kind: RepoKind, id: string, sha: string, path: string): string {
  return `${HUB}/${repoPath(kind, id)}/blob/${sha}/${path.split("/").map(encodeURIComponent).join("/")}`;
}

function repoPath(kind: RepoKind, id: string): string {
  return kind === "dataset" ? `datasets/${id}` : id;
}

/**
 * The BOM's own reference for a repo. A model's is its purl; the purl type covers models only, so a dataset's is
 * `dataset:<id>@<commit>` (the form wave2-research §2.4 validated).
 */
export function repoBomRef(kind: RepoKind, id: string, sha: string | null): string {
  return kind === "dataset" ? `dataset:${id}${sha ? `@${sha}` : ""}` : hubPurl(id, sha);
}

/**
 * A license key as SPDX spells it: its SPDX id where SPDX has one, else `LicenseRef-lic-<key>`, the spelling the
 * result's `license.expression` already uses (identify/parse-expression.ts), so every report names it alike.
 */
export function spdxIdOf(key: string, catalog: Catalog): string {
  return catalog.get(key)?.spdx ?? licenseRefOf(key);
}

/** Where a license's text is published, for a `LicenseRef-`: the catalog's URL, else the Hub's license list. */
export function licenseUrlOf(key: string, catalog: Catalog): string {
  return catalog.get(key)?.url ?? `${HUB}/docs/hub/repositories-licenses`;
}

/**
 * A name-based UUID (RFC 9562 §5.5 layout: version 5, variant 10) from the document's content, hashed with SHA-256
 * rather than SHA-1: the same report gives the same serial number, a changed one another.
 */
export function contentUuid(content: string): string {
  const bytes = hash("sha256", content, "buffer").subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A repo id's namespace (absent for a legacy single-name id) and name. */
export function splitRepoId(id: string): { namespace?: string; name: string } {
  const slash = id.indexOf("/");
  return slash === -1 ? { name: id } : { namespace: id.slice(0, slash), name: id.slice(slash + 1) };
}
