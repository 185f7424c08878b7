import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { JsonObject } from "../../src/types/snapshot.js";

export interface FakeModel {
  /** The recorded API body; `id` is the canonical id, `sha` the commit of `main`. */
  info: JsonObject;
  /** File contents by path, served at any revision that resolves to the model's sha. */
  files?: Record<string, string | Buffer>;
  /** Files answer 401/403 GatedRepo without a granted token, as the Hub does. */
  gatedFiles?: boolean;
  /** Other refs (branches, tags) and the sha they resolve to. */
  refs?: Record<string, string>;
  /**
   * Files stored in LFS/Xet: `resolve` answers 302 to the storage server with X-Linked-Etag (sha256), X-Linked-Size
   * and Xet headers, as huggingface.co does (hub-api.md §2.4); `raw` gives the LFS pointer.
   */
  lfsFiles?: Record<string, Buffer>;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Where a repo type lives on the Hub: models at `/api/models/{id}` and `/{id}/resolve/…`, datasets at
 * `/api/datasets/{id}` and `/datasets/{id}/resolve/…` (huggingface_hub `hf_hub_url`, constants.REPO_TYPES_URL_PREFIXES).
 */
interface RepoSpace {
  noun: "model" | "dataset";
  repos: Map<string, FakeModel>;
  renames: Map<string, string>;
  /** `/api/models`, `/api/datasets`. */
  api: string;
  /** Before `/{id}/resolve/…`: "" for models, `/datasets` for datasets. */
  files: string;
}

/**
 * A Hub on 127.0.0.1 that answers as huggingface.co does (hub-api.md §2): `expand` filters the metadata,
 * renamed repos 307 to their new id, gated files need a granted token, errors carry X-Error-Code. Datasets are
 * served under their own routes (`/api/datasets/{id}/revision/{rev}`, `/datasets/{id}/resolve/{rev}/{path}`), apart
 * from models, which may share their ids.
 */
export class FakeHub {
  readonly requests: { method: string; path: string; authorization: string | undefined }[] = [];
  private readonly scripted: { pattern: RegExp; answers: ScriptedAnswer[] }[] = [];
  /** What the storage server (the Hub's CDN) was asked, with the Authorization it got. */
  readonly storageRequests: {
    method: string;
    path: string;
    authorization: string | undefined;
    range: string | undefined;
  }[] = [];
  private server: Server | null = null;
  private storage: Server | null = null;
  private readonly blobs = new Map<string, Buffer>();
  url = "";
  storageUrl = "";
  private readonly modelSpace: RepoSpace;
  private readonly datasetSpace: RepoSpace;
  /** Entries per page of /tree; the rest come through `Link: <…>; rel="next"`, as on the Hub. */
  treePageSize = 1000;

  constructor(
    private readonly models: Map<string, FakeModel>,
    renames: Map<string, string> = new Map(),
    /** Tokens whose users were granted access to gated repos. */
    private readonly grantedTokens: Set<string> = new Set(),
    /** Dataset repos, by id, as `models` are; their `info` is the /api/datasets body (siblings, cardData…). */
    datasets: Map<string, FakeModel> = new Map(),
    datasetRenames: Map<string, string> = new Map(),
  ) {
    this.modelSpace = { noun: "model", repos: models, renames, api: "/api/models", files: "" };
    this.datasetSpace = {
      noun: "dataset",
      repos: datasets,
      renames: datasetRenames,
      api: "/api/datasets",
      files: "/datasets",
    };
  }

  static of(
    models: FakeModel[],
    options: {
      renames?: Record<string, string>;
      grantedTokens?: string[];
      datasets?: FakeModel[];
      datasetRenames?: Record<string, string>;
    } = {},
  ): FakeHub {
    const byId = (repos: FakeModel[]) => new Map(repos.map((repo) => [String(repo.info["id"]), repo]));
    return new FakeHub(
      byId(models),
      new Map(Object.entries(options.renames ?? {})),
      new Set(options.grantedTokens ?? []),
      byId(options.datasets ?? []),
      new Map(Object.entries(options.datasetRenames ?? {})),
    );
  }

  /** The next requests whose path matches `pattern` get these answers, in order, before the normal one. */
  script(pattern: RegExp, ...answers: ScriptedAnswer[]): void {
    this.scripted.push({ pattern, answers });
  }

  /** Listens on 127.0.0.1, over TLS with `tls` (a key and certificate in PEM), as the real Hub and its storage do. */
  async start(options: { tls?: { key: string; cert: string } } = {}): Promise<string> {
    for (const model of [...this.models.values(), ...this.datasetSpace.repos.values()])
      for (const bytes of Object.values(model.lfsFiles ?? {})) this.blobs.set(sha256(bytes), bytes);
    const { tls } = options;
    const serve = (handler: (request: IncomingMessage, response: ServerResponse) => void): Server =>
      tls ? createTlsServer(tls, handler) : createServer(handler);
    this.storage = serve((request, response) => this.serveBlob(request, response));
    this.server = serve((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.storage!.listen(0, "127.0.0.1", resolve));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const scheme = tls ? "https" : "http";
    this.storageUrl = `${scheme}://127.0.0.1:${(this.storage.address() as AddressInfo).port}`;
    this.url = `${scheme}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const server of [this.server, this.storage]) {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    }
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? "/", "http://fake");
    this.requests.push({
      method: request.method ?? "GET",
      path: url.pathname,
      authorization: request.headers.authorization,
    });
    const scripted = this.scripted.find((entry) => entry.pattern.test(url.pathname) && entry.answers.length > 0);
    if (scripted) {
      const answer = scripted.answers.shift()!;
      response.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? "");
      return;
    }
    if (url.pathname === "/api/whoami-v2") return this.serveWhoami(request, response);
    if (url.pathname === "/api/models") return this.serveSearch(this.modelSpace, url, response);
    if (url.pathname === "/api/datasets") return this.serveSearch(this.datasetSpace, url, response);
    const datasetApi = /^\/api\/datasets\/(.+)\/revision\/([^/]+)$/.exec(url.pathname);
    if (datasetApi) {
      const [id, revision] = [decodeURIComponent(datasetApi[1]!), decodeURIComponent(datasetApi[2]!)];
      return this.serveInfo(id, revision, url, request, response, this.datasetSpace);
    }
    const datasetInfo = /^\/api\/datasets\/([^/]+(?:\/[^/]+)?)$/.exec(url.pathname);
    if (datasetInfo) return this.serveInfo(datasetInfo[1]!, "main", url, request, response, this.datasetSpace);
    const datasetFile = /^\/datasets\/(.+?)\/(resolve|raw)\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (datasetFile) {
      const [id, revision, path] = [datasetFile[1]!, decodeURIComponent(datasetFile[3]!), datasetFile[4]!];
      const isRaw = datasetFile[2] === "raw";
      return this.serveFile(id, revision, decodeURIComponent(path), request, response, isRaw, this.datasetSpace);
    }
    const api = /^\/api\/models\/(.+)\/revision\/([^/]+)$/.exec(url.pathname);
    if (api) return this.serveInfo(decodeURIComponent(api[1]!), decodeURIComponent(api[2]!), url, request, response);
    const tree = /^\/api\/models\/([^/]+(?:\/[^/]+)?)\/tree\/([^/]+)(?:\/(.+))?$/.exec(url.pathname);
    if (tree)
      return this.serveTree(
        tree[1]!,
        decodeURIComponent(tree[2]!),
        tree[3] ? decodeURIComponent(tree[3]) : "",
        url,
        request,
        response,
      );
    const pathsInfo = /^\/api\/models\/(.+)\/paths-info\/([^/]+)$/.exec(url.pathname);
    if (pathsInfo && request.method === "POST")
      return this.servePathsInfo(pathsInfo[1]!, decodeURIComponent(pathsInfo[2]!), request, response);
    const info = /^\/api\/models\/([^/]+(?:\/[^/]+)?)$/.exec(url.pathname);
    if (info) return this.serveInfo(info[1]!, "main", url, request, response);
    const file = /^\/(.+?)\/(resolve|raw)\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (file)
      return this.serveFile(
        file[1]!,
        decodeURIComponent(file[3]!),
        decodeURIComponent(file[4]!),
        request,
        response,
        file[2] === "raw",
      );
    error(response, 404, "NotFound", "Not found");
  }

  private serveInfo(
    id: string,
    revision: string,
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
    space: RepoSpace = this.modelSpace,
  ): void {
    const renamed = space.renames.get(id);
    if (renamed) {
      response
        .writeHead(307, {
          location: `${space.api}/${renamed}/revision/${encodeURIComponent(revision)}${url.search}`,
          "content-type": "text/plain",
        })
        .end(`Temporary Redirect. Redirecting to ${space.api}/${renamed}`);
      return;
    }
    const model = space.repos.get(id);
    if (!model) return notFound(response, request);
    const sha = this.resolve(model, revision);
    if (!sha) return error(response, 404, "RevisionNotFound", `Invalid rev id: ${revision}`);
    const expand = url.searchParams.getAll("expand");
    const full: JsonObject = { ...model.info, sha };
    const body: JsonObject = { _id: full["_id"] ?? "0", id: full["id"] ?? id };
    for (const key of expand) if (key in full) body[key] = full[key]!;
    if (expand.length === 0) Object.assign(body, full);
    response.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
  }

  private serveFile(
    id: string,
    revision: string,
    path: string,
    request: IncomingMessage,
    response: ServerResponse,
    raw = false,
    space: RepoSpace = this.modelSpace,
  ): void {
    const renamed = space.renames.get(id);
    if (renamed) {
      response
        .writeHead(307, {
          location: `${space.files}/${renamed}/${raw ? "raw" : "resolve"}/${encodeURIComponent(revision)}/${path}`,
          "content-type": "text/plain",
        })
        .end(`Temporary Redirect. Redirecting to ${space.files}/${renamed}`);
      return;
    }
    const model = space.repos.get(id);
    if (!model) return notFound(response, request);
    const sha = this.resolve(model, revision);
    if (!sha) return error(response, 404, "RevisionNotFound", `Invalid rev id: ${revision}`);
    if (model.gatedFiles) {
      const token = request.headers.authorization?.replace(/^Bearer /, "");
      if (!token)
        return error(
          response,
          401,
          "GatedRepo",
          `Access to ${space.noun} ${id} is restricted. You must have access to it and be authenticated to access it. Please log in.`,
        );
      if (!this.grantedTokens.has(token))
        return error(
          response,
          403,
          "GatedRepo",
          `Access to ${space.noun} ${id} is restricted and you are not in the authorized list.`,
        );
    }
    const lfs = model.lfsFiles?.[path];
    if (lfs && !raw) {
      const oid = sha256(lfs);
      response
        .writeHead(302, {
          location: `${this.storageUrl}/blob/${oid}?X-Amz-Signature=fake`,
          "x-repo-commit": sha,
          "x-linked-etag": `"${oid}"`,
          "x-linked-size": String(lfs.byteLength),
          etag: `"${gitBlobSha(pointerOf(lfs))}"`,
          "accept-ranges": "bytes",
          "x-xet-hash": "f".repeat(64),
          link: `<${this.url}/api/models/${id}/xet-read-token/${sha}>; rel="xet-auth", <${this.storageUrl}/v1/reconstructions/${"f".repeat(64)}>; rel="xet-reconstruction-info"`,
          "content-type": "text/plain; charset=utf-8",
        })
        .end(request.method === "HEAD" ? undefined : `Found. Redirecting to ${this.storageUrl}/blob/${oid}`);
      return;
    }
    const content = lfs ? pointerOf(lfs) : model.files?.[path];
    if (content === undefined)
      return error(response, 404, "EntryNotFound", "Entry not found", { "x-repo-commit": sha });
    sendBytes(Buffer.from(content), request, response, {
      "content-type": "text/plain; charset=utf-8",
      etag: `"${gitBlobSha(Buffer.from(content))}"`,
      "x-repo-commit": sha,
    });
  }

  /** The CDN: blobs by sha256, with Range, and no knowledge of tokens. */
  private serveBlob(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? "/", "http://storage");
    this.storageRequests.push({
      method: request.method ?? "GET",
      path: url.pathname,
      authorization: request.headers.authorization,
      range: request.headers.range,
    });
    const bytes = this.blobs.get(url.pathname.replace(/^\/blob\//, ""));
    if (!bytes) return void response.writeHead(404, { "content-type": "text/plain" }).end("NoSuchKey");
    sendBytes(bytes, request, response, { "content-type": "binary/octet-stream", etag: `"${"f".repeat(64)}"` });
  }

  private serveTree(
    id: string,
    revision: string,
    folder: string,
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
  ): void {
    const model = this.models.get(id);
    if (!model) return notFound(response, request);
    const sha = this.resolve(model, revision);
    if (!sha) return error(response, 404, "RevisionNotFound", `Invalid rev id: ${revision}`);
    const entries = this.entriesOf(model).filter((entry) => folder === "" || entry.path.startsWith(`${folder}/`));
    const cursor = Number(url.searchParams.get("cursor") ?? "0");
    const page = entries.slice(cursor, cursor + this.treePageSize);
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
    if (cursor + this.treePageSize < entries.length) {
      const next = new URL(url.pathname + url.search, this.url);
      next.searchParams.set("cursor", String(cursor + this.treePageSize));
      headers["link"] = `<${next.href}>; rel="next"`;
    }
    response.writeHead(200, headers).end(JSON.stringify(page));
  }

  private servePathsInfo(id: string, revision: string, request: IncomingMessage, response: ServerResponse): void {
    const model = this.models.get(id);
    if (!model) return notFound(response, request);
    const sha = this.resolve(model, revision);
    if (!sha) return error(response, 404, "RevisionNotFound", `Invalid rev id: ${revision}`);
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const paths = new Set((JSON.parse(body) as { paths: string[] }).paths);
      const entries = this.entriesOf(model).filter((entry) => paths.has(entry.path));
      response
        .writeHead(200, { "content-type": "application/json; charset=utf-8" })
        .end(JSON.stringify(entries.map((entry) => ({ ...entry, lastCommit: { id: sha } }))));
    });
  }

  private serveWhoami(request: IncomingMessage, response: ServerResponse): void {
    const token = request.headers.authorization?.replace(/^Bearer /, "");
    if (!token) return error(response, 401, "Unauthorized", "Invalid credentials in Authorization header");
    response.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        type: "user",
        name: `user-of-${token.slice(0, 6)}`,
        auth: {
          type: "access_token",
          accessToken: { displayName: "test", role: "read", createdAt: "2026-01-01T00:00:00.000Z" },
        },
      }),
    );
  }

  /** /tree entries as the Hub gives them: git blob oid and size, and `lfs` with the sha256 for LFS files. */
  private entriesOf(model: FakeModel): (JsonObject & { path: string })[] {
    const plain = Object.entries(model.files ?? {}).map(([path, content]) => {
      const bytes = Buffer.from(content);
      return { type: "file", oid: gitBlobSha(bytes), size: bytes.byteLength, path };
    });
    const lfs = Object.entries(model.lfsFiles ?? {}).map(([path, bytes]) => {
      const pointer = pointerOf(bytes);
      return {
        type: "file",
        oid: gitBlobSha(pointer),
        size: bytes.byteLength,
        lfs: { oid: sha256(bytes), size: bytes.byteLength, pointerSize: pointer.byteLength },
        path,
      };
    });
    return [...plain, ...lfs].sort((a, b) => a.path.localeCompare(b.path));
  }

  /** `GET /api/models?search=` (or datasets): the repos whose id contains the text, as the Hub lists them. */
  private serveSearch(space: RepoSpace, url: URL, response: ServerResponse): void {
    const text = (url.searchParams.get("search") ?? "").toLowerCase();
    const limit = Number(url.searchParams.get("limit") ?? "1000");
    const found = [...space.repos.values()]
      .map((model) => model.info)
      .filter((info) => String(info["id"]).toLowerCase().includes(text))
      .slice(0, limit)
      .map((info) => ({ _id: info["_id"] ?? "0", id: info["id"], likes: info["likes"] ?? 0, private: false }));
    response.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(found));
  }

  private resolve(model: FakeModel, revision: string): string | null {
    const sha = String(model.info["sha"]);
    if (revision === "main" || revision === "HEAD" || revision === sha) return sha;
    return model.refs?.[revision] ?? null;
  }
}

/** Anonymous requests for missing or private repos get 401, authenticated ones 404 (hub-api.md §2.4). */
function notFound(response: ServerResponse, request: IncomingMessage): void {
  const status = request.headers.authorization ? 404 : 401;
  error(response, status, "RepoNotFound", "Repository not found");
}

function error(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  response
    .writeHead(status, {
      "content-type": "application/json",
      "x-error-code": code,
      "x-error-message": message,
      ...headers,
    })
    .end(JSON.stringify({ error: message }));
}

/** A body, or the part a `Range: bytes=a-b` asks for (206 with Content-Range); HEAD gets the headers only. */
function sendBytes(
  bytes: Buffer,
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
): void {
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
  let status = 200;
  let body = bytes;
  const all: Record<string, string> = { ...headers, "accept-ranges": "bytes" };
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, bytes.byteLength - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), bytes.byteLength - 1) : bytes.byteLength - 1;
    if (start > end || start >= bytes.byteLength) {
      response.writeHead(416, { "content-range": `bytes */${bytes.byteLength}` }).end();
      return;
    }
    status = 206;
    body = bytes.subarray(start, end + 1);
    all["content-range"] = `bytes ${start}-${end}/${bytes.byteLength}`;
  }
  all["content-length"] = String(body.byteLength);
  response.writeHead(status, all).end(request.method === "HEAD" ? undefined : body);
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** git's blob id: sha1 of "blob <size>\0" and the content; the Hub's ETag for files kept in git. */
function gitBlobSha(bytes: Buffer): string {
  return createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}

/** The LFS pointer git stores in place of the file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
function pointerOf(bytes: Buffer): Buffer {
  return Buffer.from(
    `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256(bytes)}\nsize ${bytes.byteLength}\n`,
  );
}
