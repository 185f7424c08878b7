/**
 * The upstream for the gate benchmark, in its own process so that the gate, the upstream and the client do not
 * share a CPU's event loop: one model (apache-2.0, with README and LICENSE for the decision), a small file, and
 * weights of any size behind a 302 to "storage", streamed from one 1 MiB buffer with backpressure, as the Hub's CDN
 * would send them. Prints its URL on stdout.
 */
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const SHA = "b".repeat(40);
const LICENSE = readFileSync(new URL("../test/fixtures/license-texts/apache-2.0.txt", import.meta.url));
const README = Buffer.from("---\nlicense: apache-2.0\n---\n# bench model\n");
const CONFIG = Buffer.from(JSON.stringify({ architectures: ["BertModel"], model_type: "bert" }));
const CHUNK = Buffer.alloc(1024 * 1024, 7);
const INFO = JSON.stringify({
  _id: "bench",
  id: "bench/model",
  sha: SHA,
  private: false,
  gated: false,
  disabled: false,
  pipeline_tag: "fill-mask",
  tags: ["transformers", "license:apache-2.0"],
  cardData: { license: "apache-2.0" },
  siblings: [{ rfilename: "README.md" }, { rfilename: "LICENSE" }, { rfilename: "config.json" }],
});

const server = createServer((request, response) => {
  const path = new URL(request.url ?? "/", "http://upstream").pathname;
  if (/^\/api\/models\/bench\/model(\/revision\/[^/]+)?$/.test(path))
    return send(response, 200, INFO, "application/json");
  const file = /^\/bench\/model\/resolve\/[^/]+\/(.+)$/.exec(path);
  if (file) {
    const name = file[1]!;
    const small = name === "README.md" ? README : name === "LICENSE" ? LICENSE : name === "config.json" ? CONFIG : null;
    if (small) return send(response, 200, small, "text/plain", { etag: `"${"c".repeat(40)}"`, "x-repo-commit": SHA });
    const weights = /^weights-(\d+)\.bin$/.exec(name);
    if (weights) {
      response.writeHead(302, {
        location: `/storage/${weights[1]}`,
        "x-repo-commit": SHA,
        "x-linked-etag": `"${"d".repeat(64)}"`,
        "x-linked-size": weights[1]!,
        "content-length": "0",
      });
      return void response.end();
    }
  }
  const storage = /^\/storage\/(\d+)$/.exec(path);
  if (storage) return stream(response, Number(storage[1]));
  send(response, 404, JSON.stringify({ error: "Entry not found" }), "application/json", {
    "x-error-code": "EntryNotFound",
  });
});

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  headers: Record<string, string> = {},
): void {
  const bytes = Buffer.from(body);
  response
    .writeHead(status, { "content-type": type, "content-length": String(bytes.byteLength), ...headers })
    .end(bytes);
}

function stream(response: ServerResponse, size: number): void {
  response.writeHead(200, {
    "content-type": "application/octet-stream",
    "content-length": String(size),
    "accept-ranges": "bytes",
  });
  let left = size;
  const write = () => {
    while (left > 0) {
      const piece = left >= CHUNK.byteLength ? CHUNK : CHUNK.subarray(0, left);
      left -= piece.byteLength;
      if (!response.write(piece)) return void response.once("drain", write);
    }
    response.end();
  };
  write();
}

server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
