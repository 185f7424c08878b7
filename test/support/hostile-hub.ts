import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { createGzip, gzipSync } from "node:zlib";
import type { JsonObject } from "../../src/types/snapshot.js";
import { LoopbackHub } from "./loopback-server.js";

/**
 * A Hub that misbehaves on purpose, on 127.0.0.1: the reproductions of the reliability review
 * (shared/docs/reliability-review.md, Appendix A) as named scenarios. A model id `x/<scenario>[.<nonce>]` picks the
 * scenario; the nonce gives a fresh id (and sha) for the same behaviour, so caches and decisions do not carry over.
 * Every request is logged with whether it carried Authorization, so a test can count upstream requests and see
 * where a token went.
 */
export type Scenario =
  | "ok" // an MIT model that behaves
  | "echo403" // metadata: 403 that echoes the Authorization header it got, in X-Error-Message and the body
  | "echo500" // metadata: 500 that echoes the Authorization header
  | "echoparent" // an MIT model whose base model is x/echo403
  | "echobody" // metadata: 200 whose license_name is the Authorization header it got
  | "manyparents" // 3,000 `base_model` tags, each a missing repo
  | "yamlkeys" // a README whose front matter has 50,000 keys
  | "loop" // metadata: a 307 to itself, forever
  | "resetmid" // metadata: 200, part of the body, then a reset
  | "resetfirst" // metadata: a reset before the headers on the first request only, then normal
  | "gzmeta" // metadata gzip-encoded although the client asked for identity
  | "gzbomb" // metadata: 1 GiB of JSON gzip-encoded, streamed
  | "bigjson" // metadata: 64 MiB (`bigJsonBytes`) of plain JSON
  | "slowbody" // metadata: headers at once, then a byte a second
  | "escid" // metadata whose `id` carries an ANSI escape sequence
  | "trav" // siblings and license_link with `../` reaching /api/whoami-v2
  | "none" // 401 RepoNotFound
  | "gatedecho" // LICENSE: 403 GatedRepo that echoes the Authorization header
  | "filereset" // LICENSE: 200 with Content-Length 100000, 12 bytes, then a reset
  | "utf16" // LICENSE: the MIT text in UTF-16LE with a BOM
  | "gzfile" // config.json: gzip-encoded, labelled Content-Encoding: gzip, although the client asked for identity
  | "private" // a private model with no license: with any Authorization it is readable, without it 401 RepoNotFound
  | "resetmidonce" // metadata: 200, part of the body, then a reset, on the first request only; then normal
  | "utf16be"; // LICENSE: the MIT text in UTF-16BE with a BOM

export interface HostileRequest {
  method: string;
  /** The path without the query. */
  path: string;
  /** Whether Authorization was sent at all. */
  auth: boolean;
  /** The Authorization header as received, for tests that check which token went where. */
  authorization: string | undefined;
}

export const MIT_TEXT =
  "MIT License\n\nCopyright (c) 2026 X\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n" +
  'of this software and associated documentation files (the "Software"), to deal\nin the Software without restriction, including without limitation the rights\n' +
  "to use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\n" +
  "furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\n" +
  "copies or substantial portions of the Software.\n\n" +
  'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\n' +
  "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\n" +
  "LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n";

export class HostileHub extends LoopbackHub {
  readonly requests: HostileRequest[] = [];
  /** How many `base_model` tags `manyparents` carries. */
  parentCount = 3000;
  /** How many keys `yamlkeys` puts in its front matter. */
  yamlKeys = 50_000;
  /** Decompressed size of `gzbomb`. */
  bombBytes = 1 << 30;
  /** Size of `bigjson`. */
  bigJsonBytes = 64 << 20;
  private readonly firstSeen = new Set<string>();

  /** Requests whose path starts with `prefix`. */
  requestsTo(prefix: string): HostileRequest[] {
    return this.requests.filter((request) => request.path.startsWith(prefix));
  }

  protected handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? "/", "http://hostile");
    const authorization = request.headers.authorization;
    this.requests.push({
      method: request.method ?? "GET",
      path: url.pathname,
      auth: authorization !== undefined,
      authorization,
    });
    const parts = url.pathname.split("/").slice(1).map(decodeURIComponent);
    if (parts[0] === "api" && parts[1] === "models")
      return this.serveInfo(`${parts[2]}/${parts[3]}`, request, response);
    if (parts[0] === "api") return json(response, 200, { type: "user", name: "whoever" });
    return this.serveFile(`${parts[0]}/${parts[1]}`, parts.slice(4).join("/"), request, response);
  }

  private serveInfo(id: string, request: IncomingMessage, response: ServerResponse): void {
    const auth = request.headers.authorization ?? "(none)";
    const scenario = scenarioOf(id);
    switch (scenario) {
      case "echo403":
        return json(
          response,
          403,
          { error: `token rejected: ${auth}` },
          { "x-error-message": `Invalid credentials: ${auth}` },
        );
      case "echo500":
        return json(response, 500, { error: `backend failed for ${auth}` });
      case "echobody":
        return json(response, 200, { ...info(id), cardData: { license: "other", license_name: auth } });
      case "loop":
        return void response.writeHead(307, { location: request.url ?? "/" }).end();
      case "resetmid":
        response.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
        response.write('{"id":"');
        return void setTimeout(() => request.socket.destroy(), 50);
      case "resetfirst":
        if (!this.firstSeen.has(id)) {
          this.firstSeen.add(id);
          return void request.socket.destroy();
        }
        return json(response, 200, info(id));
      case "gzmeta":
        return void response
          .writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" })
          .end(gzipSync(JSON.stringify(info(id))));
      case "gzbomb": {
        response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
        const body = jsonPadded(id, this.bombBytes).pipe(createGzip({ level: 1 }));
        response.on("close", () => body.destroy());
        return void body.pipe(response);
      }
      case "bigjson": {
        response.writeHead(200, { "content-type": "application/json" });
        const body = jsonPadded(id, this.bigJsonBytes);
        response.on("close", () => body.destroy());
        return void body.pipe(response);
      }
      case "slowbody": {
        response.writeHead(200, { "content-type": "application/json" });
        const body = JSON.stringify(info(id));
        let sent = 0;
        const timer = setInterval(() => {
          if (sent < body.length) {
            response.write(body[sent++]!);
            return;
          }
          clearInterval(timer);
          response.end();
        }, 1000);
        return void response.on("close", () => clearInterval(timer));
      }
      case "escid":
        return json(response, 200, { ...info(id), id: `${id}\u001b[31m` });
      case "trav":
        return json(response, 200, {
          ...info(id),
          cardData: { license: "mit", license_link: "../../../../api/whoami-v2" },
          siblings: [{ rfilename: "README.md" }, { rfilename: "../../../../api/whoami-v2" }],
        });
      case "none":
        return json(response, 401, { error: "Repository Not Found" }, { "x-error-code": "RepoNotFound" });
      case "manyparents":
        return json(response, 200, {
          ...info(id),
          tags: [
            "license:mit",
            ...Array.from({ length: this.parentCount }, (_, index) => `base_model:finetune:x/none.p${index}`),
          ],
        });
      case "echoparent":
        return json(response, 200, {
          ...info(id),
          tags: ["license:mit", "base_model:finetune:x/echo403"],
          cardData: { license: "mit", base_model: "x/echo403" },
        });
      case "private":
        if (request.headers.authorization === undefined)
          return json(response, 401, { error: "Repository Not Found" }, { "x-error-code": "RepoNotFound" });
        return json(response, 200, {
          ...info(id),
          private: true,
          tags: [],
          cardData: {},
          siblings: [{ rfilename: "README.md" }, { rfilename: "config.json" }],
        });
      case "resetmidonce":
        if (!this.firstSeen.has(id)) {
          this.firstSeen.add(id);
          response.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
          response.write('{"id":"');
          return void setTimeout(() => request.socket.destroy(), 50);
        }
        return json(response, 200, info(id));
      default:
        return json(response, 200, info(id));
    }
  }

  private serveFile(id: string, file: string, request: IncomingMessage, response: ServerResponse): void {
    const auth = request.headers.authorization ?? "(none)";
    const scenario = scenarioOf(id);
    response.setHeader("x-repo-commit", shaOf(id));
    if (scenario === "gatedecho" && file === "LICENSE") {
      return json(
        response,
        403,
        { error: `GatedRepo for ${auth}` },
        { "x-error-code": "GatedRepo", "x-error-message": `Access denied for ${auth}` },
      );
    }
    if (scenario === "filereset" && file === "LICENSE") {
      response.writeHead(200, { "content-length": "100000" });
      response.write("MIT License\n");
      return void setTimeout(() => request.socket.destroy(), 50);
    }
    if (scenario === "utf16" && file === "LICENSE") {
      return void response
        .writeHead(200, { "content-type": "text/plain" })
        .end(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MIT_TEXT, "utf16le")]));
    }
    if (scenario === "private" && request.headers.authorization === undefined) {
      return json(response, 401, { error: "Repository Not Found" }, { "x-error-code": "RepoNotFound" });
    }
    if (scenario === "private" && file === "README.md")
      return void response.writeHead(200, { "content-type": "text/plain" }).end("# A private model\n");
    if (scenario === "gzfile" && file === "config.json") {
      return void response
        .writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" })
        .end(gzipSync(GZFILE_JSON));
    }
    if (scenario === "utf16be" && file === "LICENSE") {
      return void response
        .writeHead(200, { "content-type": "text/plain" })
        .end(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(MIT_TEXT, "utf16le").swap16()]));
    }
    if (file === "README.md")
      return void response.writeHead(200, { "content-type": "text/plain" }).end(this.readmeOf(id));
    if (file === "LICENSE") return void response.writeHead(200, { "content-type": "text/plain" }).end(MIT_TEXT);
    if (file === "config.json") return void response.writeHead(200, { "content-type": "application/json" }).end("{}\n");
    json(response, 404, { error: "Entry not found" }, { "x-error-code": "EntryNotFound" });
  }

  private readmeOf(id: string): string {
    if (scenarioOf(id) !== "yamlkeys") return "---\nlicense: mit\n---\n# A model\n";
    return `---\n${Array.from({ length: this.yamlKeys }, (_, index) => `k${index}: v`).join("\n")}\nlicense: mit\n---\n`;
  }
}

/** What `gzfile` serves as config.json, before gzip. */
export const GZFILE_JSON = '{"model_type":"gzipped"}\n';

export function scenarioOf(id: string): Scenario {
  return id.split("/")[1]!.split(".")[0] as Scenario;
}

/** The commit every revision of `id` resolves to: stable per id, different per nonce. */
export function shaOf(id: string): string {
  return createHash("sha1").update(id).digest("hex");
}

function info(id: string): JsonObject {
  return {
    _id: "0",
    id,
    sha: shaOf(id),
    private: false,
    gated: false,
    tags: ["license:mit"],
    cardData: { license: "mit" },
    siblings: [{ rfilename: "README.md" }, { rfilename: "LICENSE" }, { rfilename: "config.json" }],
  };
}

/** `{"id":…,"sha":…,"pad":"aaaa…"}` of about `size` bytes, generated as it is read. */
function jsonPadded(id: string, size: number): Readable {
  const chunk = Buffer.alloc(64 * 1024, 97);
  let left = size;
  let started = false;
  return new Readable({
    read() {
      if (!started) {
        started = true;
        this.push(`{"id":"${id}","sha":"${shaOf(id)}","pad":"`);
        return;
      }
      if (left <= 0) {
        this.push('"}');
        this.push(null);
        return;
      }
      const piece = left >= chunk.byteLength ? chunk : chunk.subarray(0, left);
      left -= piece.byteLength;
      this.push(piece);
    },
  });
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
