import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeText, fetchModelSnapshot, MAX_METADATA_BYTES } from "../../../src/acquire/hub/fetch-model-snapshot.js";
import type { HubError } from "../../../src/acquire/hub/hub-error.js";
import { HostileHub, MIT_TEXT } from "../../support/hostile-hub.js";

/** The reliability review's Hub-side reproductions (shared/docs/reliability-review.md), against a hostile Hub. */
const TOKENS = ["hf_secret_rt_token", "corp-internal-rt-TOKEN-7f3a"];
const hub = new HostileHub();
let nonce = 0;
/** A fresh id per call, so no scenario's state (first request seen) carries over. */
const fresh = (scenario: string) => `x/${scenario}.n${nonce++}`;
const options = (token: string | undefined = TOKENS[0]) => ({
  endpoint: hub.url,
  token,
  timeoutMs: 10_000,
  sleep: async () => undefined,
});
const failure = (id: string, token?: string) =>
  fetchModelSnapshot(id, "main", options(token)).then(
    () => expect.unreachable(`${id} should fail`),
    (error: unknown) => error as HubError,
  );

beforeAll(() => hub.start());
afterAll(() => hub.stop());

describe("a Hub that echoes the token (H1)", () => {
  it.each(TOKENS)("a 403 that echoes %s in X-Error-Message: the HubError carries no token", async (token) => {
    const error = await failure(fresh("echo403"), token);
    expect(error).toMatchObject({ kind: "forbidden" });
    expect(error.message).toContain("Bearer [token]");
    expect(error.message).not.toContain(token);
  });

  it("a 500 that echoes it in the body's error, after retries: clean", async () => {
    const error = await failure(fresh("echo500"));
    expect(error).toMatchObject({ kind: "upstream" });
    expect(error.message).not.toContain(TOKENS[0]);
  });

  it.each(TOKENS)("a gated file whose 403 echoes %s: the gap's detail is clean", async (token) => {
    const snapshot = await fetchModelSnapshot(fresh("gatedecho"), "main", options(token));
    expect(snapshot.gaps).toEqual([
      expect.objectContaining({ path: "LICENSE", reason: "gated", detail: "Access denied for Bearer [token]" }),
    ]);
    expect(JSON.stringify(snapshot)).not.toContain(token);
  });

  it.each(TOKENS)("a 200 whose card echoes %s: the snapshot does not carry it", async (token) => {
    const snapshot = await fetchModelSnapshot(fresh("echobody"), "main", options(token));
    expect(snapshot.cardData?.["license_name"]).toBe("Bearer [token]");
    expect(JSON.stringify(snapshot)).not.toContain(token);
  });
});

describe("metadata bodies are bounded after decompression (M3)", () => {
  it(`refuses 64 MiB of plain JSON as over ${MAX_METADATA_BYTES / 1024 / 1024} MiB`, async () => {
    const id = fresh("bigjson");
    const error = await failure(id);
    expect(error).toMatchObject({ kind: "invalid-response" });
    expect(error.message).toBe(
      `${id}: ${hub.url} did not answer like a Hugging Face Hub: the metadata of ${id} is over 32 MiB`,
    );
  });

  it("refuses a gzip bomb (1 GiB unpacked) without unpacking it, and says why", async () => {
    const before = process.memoryUsage().rss;
    const id = fresh("gzbomb");
    const error = await failure(id);
    expect(error).toMatchObject({ kind: "invalid-response" });
    expect(error.message).toContain("is over 32 MiB");
    // Generous: the old code held the whole GiB; the bound holds 32 MiB and a chunk.
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });

  it("still reads gzip-encoded metadata that fits", async () => {
    const snapshot = await fetchModelSnapshot(fresh("gzmeta"), "main", options());
    expect(snapshot.cardData).toEqual({ license: "mit" });
  });
});

describe("transport faults", () => {
  it("a redirect loop is final: 6 requests, no retry, a clear error (L2)", async () => {
    const id = fresh("loop");
    const error = await failure(id);
    expect(error).toMatchObject({ kind: "invalid-response" });
    expect(error.message).toContain("redirected more than 5 times");
    expect(hub.requestsTo(`/api/models/${id}/`)).toHaveLength(6);
  });

  it("a reset mid-body is retried like a reset before the headers, and reported as one (L3)", async () => {
    const id = fresh("resetmid");
    const error = await failure(id);
    expect(error).toMatchObject({ kind: "network" });
    expect(error.message).toContain("the connection was cut while reading the answer");
    expect(hub.requestsTo(`/api/models/${id}/`)).toHaveLength(4);
  });

  it("a license file cut mid-body is retried too, then reported as a gap that says so (L3)", async () => {
    const id = fresh("filereset");
    const snapshot = await fetchModelSnapshot(id, "main", options());
    expect(snapshot.gaps).toEqual([
      expect.objectContaining({
        path: "LICENSE",
        reason: "error",
        detail: expect.stringContaining("the connection was cut while reading the answer"),
      }),
    ]);
    expect(hub.requestsTo(`/${id}/resolve/`).filter((request) => request.path.endsWith("/LICENSE"))).toHaveLength(4);
  });

  it("a reset mid-body once, then a whole answer: the retry succeeds (L3)", async () => {
    const id = fresh("resetmidonce");
    const snapshot = await fetchModelSnapshot(id, "main", options());
    expect(snapshot.id).toBe(id);
    expect(hub.requestsTo(`/api/models/${id}/`)).toHaveLength(2);
  });
});

describe("what the Hub says is checked like user input", () => {
  it("refuses an id with an ANSI escape as invalid-response, without printing it raw (L7)", async () => {
    const id = fresh("escid");
    const error = await failure(id);
    expect(error).toMatchObject({ kind: "invalid-response" });
    expect(error.message).toContain("is not a model id");
    expect(error.message).not.toContain("\u001b");
    expect(hub.requestsTo(`/${id}`)).toEqual([]);
  });

  it("never requests a sibling or license_link with `..` segments (L8)", async () => {
    const id = fresh("trav");
    const snapshot = await fetchModelSnapshot(id, "main", options());
    expect(hub.requestsTo("/api/whoami")).toEqual([]);
    expect(hub.requests.filter((request) => request.path.includes(id)).map((request) => request.path)).toEqual([
      expect.stringMatching(/^\/api\/models\//),
      expect.stringMatching(/\/README\.md$/),
    ]);
    expect(snapshot.texts.map((file) => file.path)).toEqual(["README.md"]);
  });
});

describe("UTF-16 license files", () => {
  it.each(["utf16", "utf16be"])("%s with a BOM is read as text, not as a binary", async (scenario) => {
    const snapshot = await fetchModelSnapshot(fresh(scenario), "main", options());
    expect(snapshot.gaps).toEqual([]);
    expect(snapshot.texts.find((file) => file.path === "LICENSE")?.text).toBe(MIT_TEXT);
  });

  it.each([
    [Buffer.from("MIT\u0000"), null],
    [Buffer.from("\uFEFFMIT"), "MIT"],
    [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("MIT", "utf16le")]), "MIT"],
    [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("MIT", "utf16le").swap16()]), "MIT"],
  ])("decodeText(%j) → %j", (bytes, text) => expect(decodeText(bytes)).toBe(text));
});
