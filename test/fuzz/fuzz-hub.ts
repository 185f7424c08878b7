import type { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackHub } from "../support/loopback-server.js";

/** One answer of the generated Hub: `{auth}` anywhere in a header value or the body becomes the Authorization it got. */
export interface FuzzAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** What the Hub holds in one run: each model's metadata answer and its files, by path. */
export interface FuzzWorld {
  models: Map<string, { info: FuzzAnswer; files: Map<string, FuzzAnswer> }>;
}

/**
 * A Hub on 127.0.0.1 that answers from a world the property generates, swapped before every run. Metadata is
 * `/api/models/{id}[/revision/{rev}]`, files `/{id}/resolve/{rev}/{path}`; anything else, or an id the world
 * lacks, is the Hub's 404 RepoNotFound / EntryNotFound. Answers may echo the Authorization header they got, as
 * some registries do, so a test can see whether lic passes an echoed token on.
 */
export class FuzzHub extends LoopbackHub {
  world: FuzzWorld = { models: new Map() };
  requests = 0;

  protected handle(request: IncomingMessage, response: ServerResponse): void {
    this.requests++;
    const auth = request.headers.authorization ?? "(none)";
    const path = new URL(request.url ?? "/", "http://fuzz").pathname;
    const send = (answer: FuzzAnswer) => {
      const headers = Object.fromEntries(
        Object.entries(answer.headers ?? {}).map(([name, value]) => [
          name,
          value.replaceAll("{auth}", headerSafe(auth)),
        ]),
      );
      const body = typeof answer.body === "string" ? answer.body.replaceAll("{auth}", auth) : answer.body;
      try {
        response.writeHead(answer.status, headers).end(body);
      } catch {
        response.destroy();
      }
    };
    const notFound = (code: string) =>
      send({
        status: code === "RepoNotFound" ? 401 : 404,
        headers: { "x-error-code": code, "content-type": "application/json" },
        body: `{"error":"${code}"}`,
      });

    if (path.startsWith("/api/models/")) {
      const id = decodeURIComponent(path.slice("/api/models/".length).split("/revision/")[0]!);
      const model = this.world.models.get(id);
      return model ? send(model.info) : notFound("RepoNotFound");
    }
    const resolve = path.indexOf("/resolve/");
    if (resolve > 0) {
      const model = this.world.models.get(decodeURIComponent(path.slice(1, resolve)));
      const file = decodeURIComponent(
        path
          .slice(resolve + "/resolve/".length)
          .split("/")
          .slice(1)
          .join("/"),
      );
      const answer = model?.files.get(file);
      return answer ? send(answer) : notFound(model ? "EntryNotFound" : "RepoNotFound");
    }
    notFound("RepoNotFound");
  }
}

/** Node refuses header values with characters outside Latin-1 or with CR/LF; an echo keeps what it can. */
function headerSafe(value: string): string {
  return value.replace(/[^\t\x20-\x7e\x80-\xff]/g, "?");
}
