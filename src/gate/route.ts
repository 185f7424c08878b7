import { checkRevision, parseIdAndRevision } from "../types/repo-ref.js";

/**
 * What a request to the gate asks for, read from the raw request target before any normalization, so that what
 * is decided on is exactly what is fetched. The Hub's paths, as its clients build them (hub-api.md §1.5, §4):
 * - `/api/models/{id}` and `/api/models/{id}/revision/{rev}` (model info, `expand` in the query);
 * - `/api/models/{id}/tree/{rev}[/{path}]` (file lists, paginated with `Link`);
 * - `/api/models/{id}/paths-info/{rev}` (POST, used by @huggingface/hub);
 * - `/{id}/resolve/{rev}/{path}` and `/{id}/raw/{rev}/{path}` (file bytes, HEAD and GET);
 * - the same for datasets: `/api/datasets/{id}…` and `/datasets/{id}/resolve|raw/{rev}/{path}` (`load_dataset`,
 *   `snapshot_download(repo_type="dataset")`), decided under the same policy;
 * - `/api/whoami-v2`; and the gate's own `/healthz`, `/readyz` and `/metrics`.
 * An id is `org/name` or a legacy `name`; revisions come percent-encoded (`refs%2Fpr%2F1`).
 */
export type GateRoute =
  | { kind: "healthz" }
  | { kind: "readyz" }
  | { kind: "metrics" }
  | { kind: "whoami"; upstreamPath: string }
  | ModelRoute;

export interface ModelRoute {
  kind: "model-info" | "tree" | "paths-info" | "file";
  /** `dataset` for a dataset's routes; absent for a model's. */
  repoType?: "dataset";
  repoId: string;
  /** null: the default branch, as the Hub reads `/api/models/{id}`. */
  revision: string | null;
  /** The path in the repo: the file for `file`, the folder for `tree`; null otherwise. */
  path: string | null;
  /** The same request for the upstream, re-encoded from the parsed parts. */
  upstreamPath: string;
}

export type RouteResult = { ok: true; route: GateRoute } | { ok: false; status: 400 | 404 | 405; reason: string };

/** Second segments after `/api/models/` that mean "legacy id, then this", as on the Hub. */
const MODEL_API_PARTS = new Set([
  "revision",
  "tree",
  "paths-info",
  "xet-read-token",
  "auth-check",
  "commits",
  "refs",
  "discussions",
]);
const FILE_PARTS = new Set(["resolve", "raw"]);

/** `method` and `target` as they arrived: `target` is the request line's, not a parsed URL. */
export function routeRequest(method: string, target: string): RouteResult {
  if (!target.startsWith("/")) {
    return refuse(
      400,
      "the gate is not a proxy: request paths only (absolute-form and authority-form targets are refused)",
    );
  }
  const queryAt = target.indexOf("?");
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  if (/[\u0000-\u0020\u007f\\]/.test(rawPath))
    return refuse(400, "the request path contains a control character, a space or a backslash");
  const rawSegments = rawPath.slice(1).split("/");
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(400, "the request path has a malformed percent-encoding");
    }
    if (segment === "." || segment === ".." || /(^|[/\\])\.\.?([/\\]|$)/.test(segment))
      return refuse(400, "the request path contains a '.' or '..' segment, plain or encoded");
    if (/[\u0000-\u001f\u007f\\]/.test(segment))
      return refuse(400, "the request path contains an encoded control character or backslash");
    segments.push(segment);
  }
  if (rawSegments.length > 1 && rawSegments.some((raw) => raw === ""))
    return refuse(400, "the request path has an empty segment ('//' or a trailing '/')");

  const route = match(rawSegments, segments);
  if (!route.ok) return route;
  const allowed = route.route.kind === "paths-info" ? ["POST"] : ["GET", "HEAD"];
  if (!allowed.includes(method))
    return refuse(405, `${method} is not served here; this path takes ${allowed.join(" and ")}`);
  return route;
}

function match(raw: string[], segments: string[]): RouteResult {
  const [first, second] = segments;
  if (segments.length === 1 && first === "healthz") return { ok: true, route: { kind: "healthz" } };
  if (segments.length === 1 && first === "readyz") return { ok: true, route: { kind: "readyz" } };
  if (segments.length === 1 && first === "metrics") return { ok: true, route: { kind: "metrics" } };
  if (first === "api") {
    if (second === "whoami-v2" && segments.length === 2)
      return { ok: true, route: { kind: "whoami", upstreamPath: "/api/whoami-v2" } };
    if (second === "models") return matchRepoApi(MODEL, raw.slice(2), segments.slice(2));
    if (second === "datasets") return matchRepoApi(DATASET, raw.slice(2), segments.slice(2));
    return refuse(
      404,
      `/${raw.slice(0, 2).join("/")} is not served by lic gate: it serves models (/api/models/…), datasets (/api/datasets/…), their files and /api/whoami-v2`,
    );
  }
  if (first === "spaces") return refuse(404, "lic gate serves models and datasets, not spaces");
  if (first === "datasets") return matchFile(DATASET, raw.slice(1), segments.slice(1));
  return matchFile(MODEL, raw, segments);
}

/** How a kind of repo is spelled in the Hub's paths. */
interface RepoPaths {
  repoType: "model" | "dataset";
  /** `/api/models`, `/api/datasets`. */
  api: string;
  /** What comes before the id in a file URL: nothing for a model, `/datasets` for a dataset. */
  files: string;
}

const MODEL: RepoPaths = { repoType: "model", api: "/api/models", files: "" };
const DATASET: RepoPaths = { repoType: "dataset", api: "/api/datasets", files: "/datasets" };

/** `{id}/resolve|raw/{rev}/{path}`, after the repo type's prefix. */
function matchFile(repo: RepoPaths, raw: string[], segments: string[]): RouteResult {
  const fileAt = FILE_PARTS.has(segments[1] ?? "") ? 1 : FILE_PARTS.has(segments[2] ?? "") ? 2 : -1;
  if (fileAt === -1)
    return refuse(
      404,
      "not a path lic gate serves: it serves /api/models/…, /api/datasets/…, /{model}/resolve/{revision}/{file}, /datasets/{dataset}/resolve/…, their raw/…, /api/whoami-v2, /healthz, /readyz and /metrics",
    );
  const repoId = checkedId(raw.slice(0, fileAt), repo);
  if (!repoId.ok) return repoId;
  const tail = splitRevision(segments.slice(fileAt + 1));
  if (!tail.ok) return tail;
  if (tail.rest.length === 0) return refuse(404, "the request names a revision but no file");
  const path = tail.rest.join("/");
  return repoRoute(
    repo,
    "file",
    repoId.id,
    tail.revision,
    path,
    `${repo.files}/${repoId.id}/${segments[fileAt]}/${encodeURIComponent(tail.revision)}/${encodePath(tail.rest)}`,
  );
}

function matchRepoApi(repo: RepoPaths, raw: string[], segments: string[]): RouteResult {
  if (segments.length === 0)
    return refuse(404, `${repo.repoType} search (${repo.api}) is not served by lic gate; ask for one ${repo.repoType}`);
  const idLength = segments.length >= 2 && !MODEL_API_PARTS.has(segments[1]!) ? 2 : 1;
  const repoId = checkedId(raw.slice(0, idLength), repo);
  if (!repoId.ok) return repoId;
  const [part, ...after] = segments.slice(idLength);
  const base = `${repo.api}/${repoId.id}`;
  if (part === undefined) return repoRoute(repo, "model-info", repoId.id, null, null, base);
  if (part === "revision" || part === "tree" || part === "paths-info") {
    const tail = splitRevision(after);
    if (!tail.ok) return tail;
    const revisionPath = `${base}/${part}/${encodeURIComponent(tail.revision)}`;
    if (part === "tree") {
      const path = tail.rest.length > 0 ? tail.rest.join("/") : null;
      return repoRoute(
        repo,
        "tree",
        repoId.id,
        tail.revision,
        path,
        tail.rest.length > 0 ? `${revisionPath}/${encodePath(tail.rest)}` : revisionPath,
      );
    }
    if (tail.rest.length > 0)
      return refuse(404, `${repo.api}/{id}/${part}/{revision} takes nothing after the revision`);
    return repoRoute(
      repo,
      part === "revision" ? "model-info" : "paths-info",
      repoId.id,
      tail.revision,
      null,
      revisionPath,
    );
  }
  if (part === "xet-read-token") {
    return refuse(
      404,
      "lic gate streams files over plain HTTP and does not hand out Xet tokens; the client falls back to HTTP (or set HF_HUB_DISABLE_XET=1)",
    );
  }
  return refuse(404, `${repo.api}/{id}/${part} is not served by lic gate`);
}

/** An id from its raw segments: no percent-encoding at all, and the Hub's rules for names (model-ref.ts). */
function checkedId(
  raw: string[],
  repo: RepoPaths,
): { ok: true; id: string } | { ok: false; status: 400; reason: string } {
  const id = raw.join("/");
  const parsed = parseIdAndRevision(id, repo.repoType);
  if (!parsed.ok || parsed.ref.revision !== null)
    return {
      ok: false,
      status: 400,
      reason: `"${id}" is not a ${repo.repoType} id: ${parsed.ok ? "it contains '@'" : parsed.reason}`,
    };
  return { ok: true, id };
}

/**
 * The revision, then the rest. A revision arrives in one segment, percent-encoded (`refs%2Fpr%2F1`), except in
 * listFiles, which writes `refs/pr/1` unencoded: the Hub's `refs/pr/N` and `refs/convert/NAME` are read whole.
 */
function splitRevision(
  segments: string[],
): { ok: true; revision: string; rest: string[] } | { ok: false; status: 400 | 404; reason: string } {
  const [head, kind, name, ...after] = segments;
  if (head === undefined) return refuse(404, "the request names no revision");
  const whole = head === "refs" && (kind === "pr" || kind === "convert") && name !== undefined;
  const revision = whole ? `refs/${kind}/${name}` : head;
  const problem = checkRevision(revision);
  if (problem) return refuse(400, `revision "${revision}": ${problem}`);
  return { ok: true, revision, rest: whole ? after : segments.slice(1) };
}

function encodePath(segments: string[]): string {
  return segments.map(encodeURIComponent).join("/");
}

/** A route of the repo type's paths: a dataset's says so; a model's carries no type, as before datasets. */
function repoRoute(
  repo: RepoPaths,
  kind: ModelRoute["kind"],
  repoId: string,
  revision: string | null,
  path: string | null,
  upstreamPath: string,
): RouteResult {
  const route: ModelRoute = { kind, repoId, revision, path, upstreamPath };
  return { ok: true, route: repo.repoType === "dataset" ? { ...route, repoType: "dataset" } : route };
}

function refuse<Status extends 400 | 404 | 405>(
  status: Status,
  reason: string,
): { ok: false; status: Status; reason: string } {
  return { ok: false, status, reason };
}

/**
 * `routeRequest` remembered for the targets asked for again, as a registry's are (every CI job pulls the same
 * files): parsing and checking a target was a sixth of the gate's own time on a cached decision. A route is a pure
 * function of method and target, and is never changed by its readers. The memory is bounded (targets up to 1 KiB,
 * 4,096 of them: at most 4 MiB of keys, however hostile the targets), and emptied when full.
 */
export function rememberedRoutes(maxEntries = 4096): (method: string, target: string) => RouteResult {
  const remembered = new Map<string, RouteResult>();
  return (method, target) => {
    if (target.length > 1024) return routeRequest(method, target);
    const key = `${method} ${target}`;
    let result = remembered.get(key);
    if (result === undefined) {
      result = routeRequest(method, target);
      if (remembered.size >= maxEntries) remembered.clear();
      remembered.set(key, result);
    }
    return result;
  };
}
