import { describe, expect, it } from "vitest";
import {
  clientResponseHeaders,
  headerSafe,
  mapUpstreamUrl,
  rewriteLinks,
  upstreamRequestHeaders,
} from "../../src/gate/headers.js";

const UPSTREAM = "https://huggingface.co";
const GATE = "http://gate.internal:8080";
const ASKED = "https://huggingface.co/api/models/org/m/tree/main?recursive=true";

describe("headers across the gate", () => {
  it("forwards only what the Hub needs, without Xet, and asks for bytes as stored", () => {
    const client = {
      authorization: "Bearer hf_x",
      range: "bytes=0-0",
      accept: "application/vnd.xet-fileinfo+json, */*",
      "user-agent": "huggingface_hub/1.0",
      host: "gate.internal:8080",
      cookie: "session=1",
      "x-forwarded-for": "10.0.0.1",
      "proxy-authorization": "Basic abc",
    };
    expect(upstreamRequestHeaders(client)).toEqual({
      authorization: "Bearer hf_x",
      range: "bytes=0-0",
      accept: "*/*",
      "user-agent": "huggingface_hub/1.0",
      "accept-encoding": "identity",
    });
    expect(upstreamRequestHeaders({ accept: "application/vnd.xet-fileinfo+json" })).not.toHaveProperty("accept");
  });

  it("passes on the Hub's headers (Content-Encoding too: it labels the bytes) and drops hop-by-hop, cookies and Xet", () => {
    const upstream = {
      "x-repo-commit": "a".repeat(40),
      etag: '"abc"',
      "x-linked-etag": '"def"',
      "x-linked-size": "10",
      "content-length": "10",
      "accept-ranges": "bytes",
      "content-range": "bytes 0-9/10",
      "content-encoding": "gzip",
      "x-error-code": "EntryNotFound",
      "x-xet-hash": "f".repeat(64),
      "x-xet-refresh-route": "/api/models/x/xet-read-token/main",
      "set-cookie": "a=b",
      connection: "keep-alive",
      "transfer-encoding": "chunked",
      location: "/elsewhere",
      link: '<https://huggingface.co/x>; rel="next"',
    };
    expect(Object.keys(clientResponseHeaders(upstream)).sort()).toEqual([
      "accept-ranges",
      "content-encoding",
      "content-length",
      "content-range",
      "etag",
      "x-error-code",
      "x-linked-etag",
      "x-linked-size",
      "x-repo-commit",
    ]);
  });

  it("maps upstream URLs onto the gate: relative stays relative, absolute becomes the gate's, others are not the gate's", () => {
    expect(mapUpstreamUrl("/api/models/new/name", ASKED, UPSTREAM, GATE)).toBe("/api/models/new/name");
    expect(mapUpstreamUrl("https://huggingface.co/api/models/org/m/tree/main?cursor=2", ASKED, UPSTREAM, GATE)).toBe(
      `${GATE}/api/models/org/m/tree/main?cursor=2`,
    );
    expect(mapUpstreamUrl("https://cdn-lfs.hf.co/repos/ab/cd?sig=1", ASKED, UPSTREAM, GATE)).toBeNull();
    expect(mapUpstreamUrl("https://huggingface.co.evil.example/x", ASKED, UPSTREAM, GATE)).toBeNull();
    // An upstream with a path prefix: only URLs under it are its own, and the prefix goes.
    expect(
      mapUpstreamUrl("/hf/org/m/resolve/main/x", "https://mirror/hf/org/m/resolve/main/x", "https://mirror/hf", GATE),
    ).toBe("/org/m/resolve/main/x");
    expect(mapUpstreamUrl("/other/x", "https://mirror/hf/x", "https://mirror/hf", GATE)).toBeNull();
    // A gate published under a path prefix keeps it in relative redirects.
    expect(mapUpstreamUrl("/api/models/new/name", ASKED, UPSTREAM, "https://corp.example/hub")).toBe(
      "/hub/api/models/new/name",
    );
  });

  it("rewrites pagination links to the gate and drops Xet and foreign links", () => {
    const link =
      '<https://huggingface.co/api/models/org/m/tree/main?cursor=abc>; rel="next", <https://huggingface.co/api/models/org/m/xet-read-token/main>; rel="xet-auth", <https://cas.example/r>; rel="xet-reconstruction-info"';
    expect(rewriteLinks(link, ASKED, UPSTREAM, GATE)).toBe(
      `<${GATE}/api/models/org/m/tree/main?cursor=abc>; rel="next"`,
    );
    expect(rewriteLinks('<https://elsewhere.example/x>; rel="next"', ASKED, UPSTREAM, GATE)).toBeNull();
    expect(rewriteLinks(undefined, ASKED, UPSTREAM, GATE)).toBeNull();
  });

  it("makes any text a safe header value", () => {
    expect(headerSafe("blocked → by “policy”\nnext line")).toBe("blocked by policy next line");
    expect(headerSafe("x".repeat(50), 10)).toBe("xxxxxxx...");
  });
});
