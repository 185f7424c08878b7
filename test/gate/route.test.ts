import { describe, expect, it } from "vitest";
import { rememberedRoutes, routeRequest } from "../../src/gate/route.js";

const route = (target: string, method = "GET") => routeRequest(method, target);

describe("routeRequest: the Hub's paths, read from the raw request target", () => {
  it.each([
    [
      "/api/models/google-bert/bert-base-uncased",
      {
        kind: "model-info",
        repoId: "google-bert/bert-base-uncased",
        revision: null,
        path: null,
        upstreamPath: "/api/models/google-bert/bert-base-uncased",
      },
    ],
    ["/api/models/gpt2", { kind: "model-info", repoId: "gpt2", revision: null }],
    [
      "/api/models/gpt2/revision/main",
      { kind: "model-info", repoId: "gpt2", revision: "main", upstreamPath: "/api/models/gpt2/revision/main" },
    ],
    [
      "/api/models/org/m/revision/refs%2Fpr%2F1?expand=sha",
      {
        kind: "model-info",
        repoId: "org/m",
        revision: "refs/pr/1",
        upstreamPath: "/api/models/org/m/revision/refs%2Fpr%2F1",
      },
    ],
    ["/api/models/org/m/tree/main", { kind: "tree", repoId: "org/m", revision: "main", path: null }],
    [
      "/api/models/org/m/tree/refs/pr/3/sub/dir?recursive=true",
      {
        kind: "tree",
        revision: "refs/pr/3",
        path: "sub/dir",
        upstreamPath: "/api/models/org/m/tree/refs%2Fpr%2F3/sub/dir",
      },
    ],
    [
      "/org/m/resolve/main/model.safetensors",
      {
        kind: "file",
        repoId: "org/m",
        revision: "main",
        path: "model.safetensors",
        upstreamPath: "/org/m/resolve/main/model.safetensors",
      },
    ],
    ["/gpt2/resolve/main/config.json", { kind: "file", repoId: "gpt2", path: "config.json" }],
    [
      "/org/m/raw/0123456789abcdef0123456789abcdef01234567/sub/a%20b.txt",
      {
        kind: "file",
        revision: "0123456789abcdef0123456789abcdef01234567",
        path: "sub/a b.txt",
        upstreamPath: "/org/m/raw/0123456789abcdef0123456789abcdef01234567/sub/a%20b.txt",
      },
    ],
  ])("%s", (target, expected) => {
    const routed = route(target);
    expect(routed.ok && routed.route).toMatchObject(expected);
  });

  it("takes paths-info by POST only, and files by GET and HEAD only", () => {
    expect(route("/api/models/org/m/paths-info/main", "POST")).toMatchObject({
      ok: true,
      route: { kind: "paths-info", revision: "main" },
    });
    expect(route("/api/models/org/m/paths-info/main", "GET")).toMatchObject({ ok: false, status: 405 });
    expect(route("/org/m/resolve/main/x", "HEAD")).toMatchObject({ ok: true });
    expect(route("/org/m/resolve/main/x", "DELETE")).toMatchObject({
      ok: false,
      status: 405,
      reason: "DELETE is not served here; this path takes GET and HEAD",
    });
  });

  it.each([
    ["http://169.254.169.254/latest", 400, "the gate is not a proxy"],
    ["example.com:443", 400, "the gate is not a proxy"],
    ["*", 400, "the gate is not a proxy"],
    ["/api/models/../../etc/passwd", 400, "'.' or '..' segment"],
    ["/api/models/%2e%2e/x", 400, "'.' or '..' segment"],
    ["/org/m/resolve/main/..%2F..%2Fsecret", 400, "'.' or '..' segment"],
    ["/org/m/resolve/main/a%5cb", 400, "backslash"],
    ["/org/m/resolve/main/a\\b", 400, "backslash"],
    ["/org/m/resolve/main/%00", 400, "control character"],
    ["/org/m/resolve/main/%zz", 400, "malformed percent-encoding"],
    ["/api/models/org%2Fm", 400, "is not a model id"],
    ["/api/models/org/m%2Fx/revision/main", 400, "is not a model id"],
    ["/org//m/resolve/main/x", 400, "empty segment"],
    ["/org/m/resolve/ma..in/x", 400, "contains '..'"],
    ["/org/m/resolve/main", 404, "no file"],
    ["/api/models", 404, "model search"],
    ["/api/datasets", 404, "dataset search"],
    ["/api/datasets/org%2Fd", 400, "is not a dataset id"],
    ["/api/datasets/org/d/parquet", 404, "/api/datasets/{id}/parquet is not served"],
    ["/datasets/org/d/resolve/main", 404, "no file"],
    ["/datasets/org/../d/resolve/main/x", 400, "'.' or '..' segment"],
    ["/spaces/org/s/resolve/main/app.py", 404, "not spaces"],
    ["/api/spaces/org/s", 404, "not served by lic gate"],
    ["/api/models/org/m/xet-read-token/main", 404, "Xet"],
    ["/api/models/org/m/discussions", 404, "not served"],
    ["/", 404, "not a path lic gate serves"],
  ])("refuses %s (%i)", (target, status, reason) => {
    const routed = route(target);
    expect(routed.ok).toBe(false);
    expect(!routed.ok && [routed.status, routed.reason]).toEqual([status, expect.stringContaining(reason)]);
  });

  it.each([
    [
      "/api/datasets/rajpurkar/squad",
      { kind: "model-info", repoType: "dataset", repoId: "rajpurkar/squad", revision: null, path: null },
      "/api/datasets/rajpurkar/squad",
    ],
    [
      "/api/datasets/imdb/revision/main",
      { kind: "model-info", repoType: "dataset", repoId: "imdb", revision: "main", path: null },
      "/api/datasets/imdb/revision/main",
    ],
    [
      "/api/datasets/org/d/tree/refs%2Fconvert%2Fparquet/plain_text?recursive=true",
      { kind: "tree", repoType: "dataset", repoId: "org/d", revision: "refs/convert/parquet", path: "plain_text" },
      "/api/datasets/org/d/tree/refs%2Fconvert%2Fparquet/plain_text",
    ],
    [
      "/datasets/org/d/resolve/main/data/train-00000-of-00001.parquet",
      {
        kind: "file",
        repoType: "dataset",
        repoId: "org/d",
        revision: "main",
        path: "data/train-00000-of-00001.parquet",
      },
      "/datasets/org/d/resolve/main/data/train-00000-of-00001.parquet",
    ],
    [
      "/datasets/imdb/resolve/refs%2Fconvert%2Fparquet/plain_text/train/0000.parquet",
      { kind: "file", repoType: "dataset", repoId: "imdb", revision: "refs/convert/parquet" },
      "/datasets/imdb/resolve/refs%2Fconvert%2Fparquet/plain_text/train/0000.parquet",
    ],
  ])("routes the dataset path %s, re-encoded for the upstream", (target, expected, upstreamPath) => {
    const routed = route(target);
    expect(routed.ok && routed.route).toMatchObject({ ...expected, upstreamPath });
  });

  it("routes a dataset's paths-info as POST only, like a model's", () => {
    expect(route("/api/datasets/org/d/paths-info/main", "POST")).toMatchObject({
      ok: true,
      route: { kind: "paths-info", repoType: "dataset", repoId: "org/d" },
    });
    expect(route("/api/datasets/org/d/paths-info/main").ok).toBe(false);
  });

  it("gives a model's routes no repoType, so a model is read as before", () => {
    const routed = route("/org/m/resolve/main/config.json");
    expect(routed.ok && "repoType" in routed.route).toBe(false);
  });

  it("serves its own /healthz and /metrics, and /api/whoami-v2", () => {
    expect(route("/healthz")).toEqual({ ok: true, route: { kind: "healthz" } });
    expect(route("/metrics")).toEqual({ ok: true, route: { kind: "metrics" } });
    expect(route("/api/whoami-v2")).toEqual({ ok: true, route: { kind: "whoami", upstreamPath: "/api/whoami-v2" } });
  });
});

describe("rememberedRoutes", () => {
  it("answers as routeRequest does, for routes and refusals alike, and the same object for a target asked again", () => {
    const route = rememberedRoutes();
    for (const [method, target] of [
      ["GET", "/org/model/resolve/main/config.json"],
      ["HEAD", "/api/models/org/model/revision/main"],
      ["POST", "/org/model/resolve/main/config.json"],
      ["GET", "/org/../x/resolve/main/a"],
    ] as const) {
      expect(route(method, target)).toEqual(routeRequest(method, target));
      expect(route(method, target)).toBe(route(method, target));
    }
  });

  it("keeps the method apart, and does not remember targets over 1 KiB", () => {
    const route = rememberedRoutes();
    expect(route("POST", "/org/model/resolve/main/a").ok).toBe(false);
    expect(route("GET", "/org/model/resolve/main/a").ok).toBe(true);
    const long = `/org/model/resolve/main/${"a".repeat(1100)}`;
    expect(route("GET", long)).not.toBe(route("GET", long));
  });

  it("empties its memory when full, and still answers right", () => {
    const route = rememberedRoutes(2);
    const first = route("GET", "/a/b/resolve/main/1");
    route("GET", "/a/b/resolve/main/2");
    route("GET", "/a/b/resolve/main/3");
    expect(route("GET", "/a/b/resolve/main/1")).not.toBe(first);
    expect(route("GET", "/a/b/resolve/main/1")).toEqual(first);
  });
});
