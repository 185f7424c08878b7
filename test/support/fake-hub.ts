import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { JsonObject } from "../../src/types.js";

export interface FakeModel {
  /** The recorded API body; `id` is the canonical id, `sha` the commit of `main`. */
  info: JsonObject;
  /** File contents by path, served at any revision that resolves to the model's sha. */
  files?: Record<string, string | Buffer>;
  /** Files answer 401/403 GatedRepo without a granted token, as the Hub does. */
  gatedFiles?: boolean;
  /** Other refs (branches, tags) and the sha they resolve to. */
  refs?: Record<string, string>;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A Hub on 127.0.0.1 that answers as huggingface.co does (hub-api.md §2): `expand` filters the metadata,
 * renamed repos 307 to their new id, gated files need a granted token, errors carry X-Error-Code.
 */
export class FakeHub {
  readonly requests: { method: string; path: string; authorization: string | undefined }[] = [];
  private readonly scripted: { pattern: RegExp; answers: ScriptedAnswer[] }[] = [];
  private server: Server | null = null;
  url = "";

  constructor(
    private readonly models: Map<string, FakeModel>,
    private readonly renames: Map<string, string> = new Map(),
    /** Tokens whose users were granted access to gated repos. */
    private readonly grantedTokens: Set<string> = new Set(),
  ) {}

  static of(models: FakeModel[], options: { renames?: Record<string, string>; grantedTokens?: string[] } = {}): FakeHub {
    return new FakeHub(
      new Map(models.map((model) => [String(model.info["id"]), model])),
      new Map(Object.entries(options.renames ?? {})),
      new Set(options.grantedTokens ?? []),
    );
  }

  /** The next requests whose path matches `pattern` get these answers, in order, before the normal one. */
  script(pattern: RegExp, ...answers: ScriptedAnswer[]): void {
    this.scripted.push({ pattern, answers });
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? "/", "http://fake");
    this.requests.push({ method: request.method ?? "GET", path: url.pathname, authorization: request.headers.authorization });
    const scripted = this.scripted.find((entry) => entry.pattern.test(url.pathname) && entry.answers.length > 0);
    if (scripted) {
      const answer = scripted.answers.shift()!;
      response.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? "");
      return;
    }
    const api = /^\/api\/models\/(.+)\/revision\/([^/]+)$/.exec(url.pathname);
    if (api) return this.serveInfo(decodeURIComponent(api[1]!), decodeURIComponent(api[2]!), url, request, response);
    const file = /^\/(.+?)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.serveFile(file[1]!, file[2]!, decodeURIComponent(file[3]!), request, response);
    error(response, 404, "NotFound", "Not found");
  }

  private serveInfo(id: string, revision: string, url: URL, request: IncomingMessage, response: ServerResponse): void {
    const renamed = this.renames.get(id);
    if (renamed) {
      response
        .writeHead(307, { location: `/api/models/${renamed}/revision/${encodeURIComponent(revision)}${url.search}`, "content-type": "text/plain" })
        .end(`Temporary Redirect. Redirecting to /api/models/${renamed}`);
      return;
    }
    const model = this.models.get(id);
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

  private serveFile(id: string, revision: string, path: string, request: IncomingMessage, response: ServerResponse): void {
    const model = this.models.get(id);
    if (!model) return notFound(response, request);
    const sha = this.resolve(model, revision);
    if (!sha) return error(response, 404, "RevisionNotFound", `Invalid rev id: ${revision}`);
    if (model.gatedFiles) {
      const token = request.headers.authorization?.replace(/^Bearer /, "");
      if (!token) return error(response, 401, "GatedRepo", `Access to model ${id} is restricted. You must have access to it and be authenticated to access it. Please log in.`);
      if (!this.grantedTokens.has(token)) return error(response, 403, "GatedRepo", `Access to model ${id} is restricted and you are not in the authorized list.`);
    }
    const content = model.files?.[path];
    if (content === undefined) return error(response, 404, "EntryNotFound", "Entry not found", { "x-repo-commit": sha });
    const bytes = Buffer.from(content);
    response
      .writeHead(200, { "content-type": "text/plain; charset=utf-8", "content-length": String(bytes.byteLength), etag: `"${sha.slice(0, 40)}"`, "x-repo-commit": sha })
      .end(bytes);
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

function error(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  response
    .writeHead(status, { "content-type": "application/json", "x-error-code": code, "x-error-message": message, ...headers })
    .end(JSON.stringify({ error: message }));
}
