import { datasetInfo, modelInfo } from "@huggingface/hub";
import * as z from "zod";
import { parseModelRef } from "../../types/repo-ref.js";
import type { EvidenceGap, JsonObject, JsonValue, ModelSnapshot, SnapshotFile } from "../../types/snapshot.js";
import type { Redactor } from "../../util/redact.js";
import type { HubAnswer } from "./http-exchange.js";
import { HubAnswerError, HubError, HubHttpError, HubTransportError } from "./hub-error.js";
import { createHubFetch, type HubFetch, type HubFetchOptions, hubRedactor } from "./hub-fetch.js";
import { readRepoFile } from "./read-repo-file.js";
import { type EvidenceFile, selectEvidenceFiles } from "./select-evidence-files.js";
import { suggestRepos } from "./suggest-repo.js";

export interface FetchSnapshotOptions extends HubFetchOptions {
  /** Bytes read per evidence file at most; larger files are read up to this and marked truncated. */
  maxFileBytes?: number;
  /** Read no files: the metadata (card data, tags, gate prompt) is all that is wanted, as for a model's ancestors. */
  metadataOnly?: boolean;
  /** `dataset`: the repo is a dataset (`/api/datasets/{id}`, `/datasets/{id}/resolve/…`); absent: a model. */
  repoType?: "dataset" | undefined;
}

/** Enough for any license text we know (the longest, RAIL with attachments, is ~30 KB) and most model cards. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/**
 * Bound on a metadata body, counted after decompression. The Hub's largest answers (repos with tens of thousands of
 * files listed) are a few MiB; a body this large is an attack or a fault, not metadata.
 */
export const MAX_METADATA_BYTES = 32 * 1024 * 1024;

/** A git blob or text file has no NUL in its head; a binary does. */
const SNIFF_BYTES = 8192;

/**
 * The metadata fields we ask for with `expand`. `baseModels` is a server-side key the library's types lack
 * (hub-api.md §1.3); it passes through at run time.
 */
const ADDITIONAL_FIELDS = ["cardData", "tags", "filePaths", "sha", "config", "library_name", "baseModels" as "sha"];

/**
 * The same for a dataset. `datasetInfo` has no `filePaths`: the Hub's `siblings` expand key gives the file list
 * (huggingface_hub `ExpandDatasetProperty_T`), which the library's types leave out; it passes through at run time.
 */
const DATASET_FIELDS = ["cardData", "tags", "sha", "siblings" as "sha"];

const jsonObjectOrNull = z
  .unknown()
  .transform((value) => (value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : null));

/** What models and datasets share in the Hub's metadata. */
const repoInfoFields = {
  name: z.string().min(1),
  sha: z.string().regex(/^[0-9a-f]{40}$/, "a 40-hex commit sha"),
  private: z.boolean().catch(false),
  gated: z.unknown().transform((value) => (value === "auto" || value === "manual" ? value : value ? "manual" : false)),
  tags: z
    .array(z.unknown())
    .catch([])
    .transform((tags) => tags.filter((tag) => typeof tag === "string")),
};

/** The Hub's metadata as `modelInfo` returns it, checked at the boundary: messy cards must not crash the core. */
const ModelInfoSchema = z.object({
  ...repoInfoFields,
  task: z.string().nullish().catch(null),
  library_name: z.string().nullish().catch(null),
  filePaths: z
    .array(z.unknown())
    .catch([])
    .transform((paths) => paths.filter((path) => typeof path === "string")),
  cardData: jsonObjectOrNull,
  config: jsonObjectOrNull,
  baseModels: z.unknown().transform((value) => (value === undefined ? null : (value as JsonValue))),
});

export type ModelInfo = z.infer<typeof ModelInfoSchema>;

/**
 * A dataset card's `license` is a license id or a list of them (hub-docs datasetcard.md; huggingface.js
 * `ApiDatasetMetadata.license: License | License[]`): a list keeps its strings, any other shape is dropped, so the
 * core reads what a card could mean and nothing else.
 */
const datasetCardData = jsonObjectOrNull.transform((card) => {
  if (!card || !("license" in card)) return card;
  const license = card["license"];
  if (typeof license === "string") return card;
  const { license: _dropped, ...rest } = card;
  if (!Array.isArray(license)) return rest;
  return { ...rest, license: license.filter((entry) => typeof entry === "string") };
});

/**
 * The Hub's metadata of a dataset as `datasetInfo` returns it (`GET /api/datasets/{id}/revision/{rev}`), checked
 * like a model's and put in the same shape: a dataset has no pipeline, library, config or base models.
 */
const DatasetInfoSchema = z
  .object({
    ...repoInfoFields,
    siblings: z
      .array(z.unknown())
      .catch([])
      .transform((siblings) =>
        siblings.flatMap((sibling) =>
          sibling && typeof sibling === "object" && "rfilename" in sibling && typeof sibling.rfilename === "string"
            ? [sibling.rfilename]
            : [],
        ),
      ),
    cardData: datasetCardData,
  })
  .transform(
    ({ siblings, ...info }): ModelInfo => ({
      ...info,
      task: null,
      library_name: null,
      filePaths: siblings,
      config: null,
      baseModels: null,
    }),
  );

/** How messages name a repo of this type. */
function repoNoun(options: Pick<FetchSnapshotOptions, "repoType">): "model" | "dataset" {
  return options.repoType === "dataset" ? "dataset" : "model";
}

/**
 * Reads one model (or dataset, with `repoType`) at one commit: resolves `revision` to the commit sha with one
 * metadata request, then reads every license evidence file at that sha, one request each. Unreadable files become
 * evidence gaps; only failures that leave nothing to decide on throw (as HubError).
 */
export async function fetchModelSnapshot(
  repoId: string,
  revision: string,
  options: FetchSnapshotOptions,
): Promise<ModelSnapshot> {
  const info = await fetchModelInfo(repoId, revision, options);
  return fetchEvidence(repoId, revision, info, options);
}

/** The repo's metadata at `revision` (branch, tag or sha), including the commit sha it resolves to. */
export async function fetchModelInfo(
  repoId: string,
  revision: string,
  options: FetchSnapshotOptions,
): Promise<ModelInfo> {
  const redact = hubRedactor(options);
  const invalid = (reason: string) =>
    redactError(
      new HubError(
        "invalid-response",
        `${repoId}: ${options.endpoint} did not answer like a Hugging Face Hub: ${reason}`,
        { repoId },
      ),
      redact,
    );
  const metadata = { holdsSecret: false };
  const request = {
    name: repoId,
    revision,
    hubUrl: options.endpoint,
    fetch: createMetadataFetch(createHubFetch(options), repoId, redact, metadata),
  };
  const isDataset = options.repoType === "dataset";
  const answer: Promise<unknown> = isDataset
    ? datasetInfo({ ...request, additionalFields: DATASET_FIELDS as ("sha" | "cardData")[] })
    : modelInfo({ ...request, additionalFields: ADDITIONAL_FIELDS as ("sha" | "cardData")[] });
  const raw = await answer.catch(async (error: unknown) => {
    const failed = toHubError(error, repoId, revision, options);
    throw redactError(
      failed.kind === "repo-not-found" ? await withSuggestion(failed, repoId, options) : failed,
      redact,
    );
  });
  const parsed = (isDataset ? DatasetInfoSchema : ModelInfoSchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`${issue?.path.join(".")}: ${issue?.message}`);
  }
  // The id names every file URL that follows and is printed: it must pass the rules a user's id does.
  const id = parseModelRef(parsed.data.name);
  if (!id.ok || id.ref.revision !== null)
    throw invalid(
      `the id it gave, ${JSON.stringify(parsed.data.name).slice(0, 200)}, is not a ${repoNoun(options)} id`,
    );
  if (!metadata.holdsSecret) return parsed.data;
  try {
    return redact.deepSecrets(parsed.data);
  } catch {
    throw invalid("its metadata is nested too deeply to read");
  }
}

/**
 * The fetch `modelInfo` reads the metadata through: the body is read inside the retry policy (a connection cut
 * mid-body is retried), at most MAX_METADATA_BYTES after decompression, and noted when it echoes our token.
 */
function createMetadataFetch(
  hubFetch: HubFetch,
  repoId: string,
  redact: Redactor,
  metadata: { holdsSecret: boolean },
): typeof fetch {
  const metadataFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const { response, bytes, truncated } = await hubFetch.read(url, init, MAX_METADATA_BYTES);
    if (truncated)
      throw new HubAnswerError(`the metadata of ${repoId} is over ${MAX_METADATA_BYTES / 1024 / 1024} MiB`);
    const text = bytes.toString("utf8");
    metadata.holdsSecret = redact.holdsSecret(text);
    return readAnswer(url, response, text);
  };
  return metadataFetch as typeof fetch;
}

/**
 * The answer `modelInfo` gets: always a 2xx (`read` throws on any other), of which the library reads `ok` and
 * `json()`, and on a failure the status, URL, headers and text. Not a `Response`: building one makes a Web stream of
 * the text, and the first one loads Node's fetch implementation (some 20 ms of a 100-model run, which reads nothing
 * else through it).
 */
function readAnswer(url: string, response: HubAnswer, text: string): Response {
  const answer = {
    ok: response.ok,
    status: response.status,
    url,
    headers: response.headers,
    json: async (): Promise<unknown> => JSON.parse(text),
    text: async () => text,
  };
  return answer as unknown as Response;
}

function redactError(error: HubError, redact: Redactor): HubError {
  const message = redact(error.message);
  return message === error.message ? error : new HubError(error.kind, message, error.details);
}

/** Reads the license evidence files listed in `info` at its commit, and assembles the snapshot. */
export async function fetchEvidence(
  repoId: string,
  revision: string,
  info: ModelInfo,
  options: FetchSnapshotOptions,
): Promise<ModelSnapshot> {
  const hubFetch = createHubFetch(options);
  const redact = hubRedactor(options);
  const evidenceFiles = options.metadataOnly
    ? []
    : selectEvidenceFiles(info.name, info.filePaths, info.cardData, options.repoType);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const reads = await Promise.all(
    evidenceFiles.map((file) => readEvidenceFile(hubFetch, options, info.name, info.sha, file, maxBytes, redact)),
  );

  return {
    ...(options.repoType === "dataset" ? { repoType: "dataset" as const } : {}),
    requestedId: repoId,
    requestedRevision: revision,
    id: info.name,
    sha: info.sha,
    gated: info.gated,
    private: info.private,
    pipelineTag: info.task ?? null,
    libraryName: info.library_name ?? null,
    tags: info.tags,
    cardData: info.cardData,
    config: info.config,
    baseModels: info.baseModels,
    files: info.filePaths,
    texts: reads.filter((read): read is SnapshotFile => "text" in read),
    gaps: reads.filter((read): read is EvidenceGap => "reason" in read),
  };
}

async function readEvidenceFile(
  hubFetch: HubFetch,
  options: FetchSnapshotOptions,
  repoId: string,
  sha: string,
  file: EvidenceFile,
  maxBytes: number,
  redact: Redactor,
): Promise<SnapshotFile | EvidenceGap> {
  try {
    const { bytes, sha256, truncated } = await readRepoFile(
      hubFetch,
      options.endpoint,
      repoId,
      sha,
      file.path,
      maxBytes,
      options.repoType,
    );
    const text = decodeText(bytes);
    if (text === null) return { ...file, reason: "not-text", detail: "the file is binary" };
    return {
      ...file,
      text: redact.holdsSecret(text) ? redact(text) : text,
      sha256,
      bytes: bytes.byteLength,
      truncated,
    };
  } catch (error) {
    const gap = toGap(file, error);
    return { ...gap, detail: redact(gap.detail) };
  }
}

/**
 * A file's text: UTF-8 (with or without a BOM), or UTF-16 with its BOM (Windows editors save licenses so); null
 * for a binary, which has a NUL in its head where a text has none.
 */
export function decodeText(bytes: Buffer): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return null;
  return bytes.toString("utf8").replace(/^\uFEFF/, "");
}

function toGap(file: EvidenceFile, error: unknown): EvidenceGap {
  if (error instanceof HubHttpError) {
    const { status, errorCode } = error;
    const detail = error.serverMessage ?? `HTTP ${status}`;
    if (errorCode === "GatedRepo") return { ...file, reason: "gated", status, detail };
    if (status === 401 || status === 403) return { ...file, reason: "unauthorized", status, detail };
    if (status === 404) return { ...file, reason: "not-found", status, detail };
    return { ...file, reason: "error", status, detail };
  }
  if (error instanceof HubTransportError) return { ...file, reason: "error", detail: error.message };
  return { ...file, reason: "error", detail: error instanceof Error ? error.message : String(error) };
}

/** A bare name the Hub does not know, with the repos of that name it does know, when its search finds them. */
async function withSuggestion(error: HubError, repoId: string, options: FetchSnapshotOptions): Promise<HubError> {
  const found = await suggestRepos(repoId, options, options.repoType);
  if (found.length === 0) return error;
  return new HubError(error.kind, `${error.message}; did you mean ${found.join(" or ")}?`, error.details);
}

/** Turns a failed metadata request into an error that names the repo and what the user can do. */
function toHubError(error: unknown, repoId: string, revision: string, options: FetchSnapshotOptions): HubError {
  const { endpoint, timeoutMs } = options;
  if (error instanceof HubHttpError) {
    const { status, errorCode, serverMessage } = error;
    const said = serverMessage ? ` (the Hub said: ${serverMessage})` : "";
    const details = { repoId, status };
    if (errorCode === "RevisionNotFound") {
      return new HubError(
        "revision-not-found",
        `${repoId}: revision "${revision}" does not exist; use a branch, tag or commit sha of this repo`,
        details,
      );
    }
    if (errorCode === "GatedRepo") {
      return new HubError(
        "gated",
        `${repoId}: the Hub refuses even the metadata of this gated repo${said}; request access on the Hub, then pass a token with --token or HF_TOKEN`,
        details,
      );
    }
    if (errorCode === "RepoNotFound" || status === 404 || status === 401) {
      return new HubError(
        "repo-not-found",
        `${repoId}: no such ${repoNoun(options)} on ${endpoint}, or it is private; check the id, or pass a token with read access (--token or HF_TOKEN)`,
        details,
      );
    }
    if (status === 403) {
      return new HubError("forbidden", `${repoId}: the Hub refuses access (HTTP 403)${said}`, details);
    }
    if (status === 429) {
      const wait = error.retryAfterSeconds === null ? "" : `; retry after ${error.retryAfterSeconds} s`;
      return new HubError("rate-limited", `${repoId}: the Hub is rate-limiting requests (HTTP 429)${wait}`, {
        ...details,
        ...(error.retryAfterSeconds === null ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
      });
    }
    return new HubError(
      "upstream",
      `${repoId}: the Hub failed (HTTP ${status})${said} after retries; try again later`,
      details,
    );
  }
  if (error instanceof HubTransportError && error.kind === "network" && error.duringBody) {
    return new HubError(
      "network",
      `${repoId}: ${endpoint} answered, but ${error.message}, also when asked again; try again later`,
      { repoId },
    );
  }
  if (error instanceof HubTransportError) {
    return error.kind === "timeout"
      ? new HubError(
          "timeout",
          `${repoId}: ${endpoint} ${error.duringBody ? "stopped answering" : "gave no answer"} within ${Math.round(timeoutMs / 1000)} s; try again, or raise --timeout`,
          { repoId },
        )
      : new HubError(
          "network",
          `${repoId}: cannot reach ${endpoint}: ${error.message}${error.final ? "" : "; check --endpoint or HF_ENDPOINT, and the network"}`,
          { repoId },
        );
  }
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return new HubError(
      "timeout",
      `${repoId}: ${endpoint} stopped answering within ${Math.round(timeoutMs / 1000)} s; try again, or raise --timeout`,
      { repoId },
    );
  }
  if (error instanceof HubAnswerError) {
    return new HubError(
      "invalid-response",
      `${repoId}: ${endpoint} did not answer like a Hugging Face Hub: ${error.message}`,
      { repoId },
    );
  }
  const reason =
    error instanceof SyntaxError ? "its answer is not JSON" : error instanceof Error ? error.message : String(error);
  return new HubError("invalid-response", `${repoId}: ${endpoint} did not answer like a Hugging Face Hub: ${reason}`, {
    repoId,
  });
}
