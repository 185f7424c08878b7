import nock from "nock";
import { describe, expect, it } from "vitest";
import { HubHttpError, HubTransportError } from "../../../src/acquire/hub/hub-error.js";
import { createHubFetch, parseRetryAfter } from "../../../src/acquire/hub/hub-fetch.js";
import { useNock } from "../../support/use-nock.js";

/** A socket failure as Node raises it: an Error with a code (nock emits a plain object on no request of node:http). */
function socketError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

const HUB = "https://huggingface.co";
const noSleep = async () => undefined;
const KIB = 1024;

useNock();

describe("createHubFetch", () => {
  it("sends a token of any shape to the endpoint as a Bearer header", async () => {
    nock(HUB).get("/api/whoami-v2").matchHeader("authorization", "Bearer internal-registry-token").reply(200, {});
    const hubFetch = createHubFetch({ endpoint: HUB, token: "internal-registry-token", timeoutMs: 5000 });
    expect((await hubFetch.read(`${HUB}/api/whoami-v2`, {}, KIB)).response.status).toBe(200);
  });

  it("follows a relative 307 rename with the token, and drops it on a redirect to another origin", async () => {
    nock(HUB)
      .get("/api/models/bert-base-uncased")
      .matchHeader("authorization", "Bearer hf_secret")
      .reply(307, "Temporary Redirect", { location: "/api/models/google-bert/bert-base-uncased" })
      .get("/api/models/google-bert/bert-base-uncased")
      .matchHeader("authorization", "Bearer hf_secret")
      .reply(302, "", { location: "https://cdn-lfs.example.org/blob" });
    nock("https://cdn-lfs.example.org")
      .get("/blob")
      .matchHeader("authorization", (value) => value === undefined)
      .reply(200, "bytes");
    const hubFetch = createHubFetch({ endpoint: HUB, token: "hf_secret", timeoutMs: 5000 });
    const { bytes } = await hubFetch.read(`${HUB}/api/models/bert-base-uncased`, {}, KIB);
    expect(bytes.toString()).toBe("bytes");
  });

  it("never sends the token to a host other than the endpoint, even when asked to", async () => {
    nock("https://elsewhere.example.org")
      .get("/")
      .matchHeader("authorization", (value) => value === undefined)
      .reply(200, "ok");
    const hubFetch = createHubFetch({ endpoint: HUB, token: "hf_secret", timeoutMs: 5000 });
    const { response } = await hubFetch.read(
      "https://elsewhere.example.org/",
      { headers: { authorization: "Bearer hf_secret" } },
      KIB,
    );
    expect(response.status).toBe(200);
  });

  it("waits for Retry-After on 429, then succeeds", async () => {
    const waits: number[] = [];
    nock(HUB).get("/x").reply(429, "slow down", { "retry-after": "7" }).get("/x").reply(200, "ok");
    const hubFetch = createHubFetch({ endpoint: HUB, timeoutMs: 5000, sleep: async (ms) => void waits.push(ms) });
    expect((await hubFetch.read(`${HUB}/x`, {}, KIB)).bytes.toString()).toBe("ok");
    expect(waits).toEqual([7000]);
  });

  it("tells onWait of every wait before it sleeps: its length and why, never the URL", async () => {
    nock(HUB)
      .get("/x")
      .reply(429, "slow down", { "retry-after": "7" })
      .get("/x")
      .reply(503, "busy")
      .get("/x")
      .replyWithError(socketError("ECONNRESET", "socket hang up"))
      .get("/x")
      .reply(200, "ok");
    const told: { ms: number; reason: string }[] = [];
    const slept: number[] = [];
    const hubFetch = createHubFetch({
      endpoint: HUB,
      timeoutMs: 5000,
      retryBaseMs: 100,
      sleep: async (ms) => void slept.push(ms),
      onWait: (wait) => void told.push(wait),
    });
    expect((await hubFetch.read(`${HUB}/x`, {}, KIB)).bytes.toString()).toBe("ok");
    expect(told.map((wait) => wait.reason)).toEqual([
      "429 Retry-After",
      "HTTP 503, backing off",
      "connection failed, retrying",
    ]);
    expect(told.map((wait) => wait.ms)).toEqual(slept);
    expect(told[0]!.ms).toBe(7000);
    expect(JSON.stringify(told)).not.toContain("huggingface.co");
  });

  it("gives up on a Retry-After longer than it will wait, reporting it", async () => {
    nock(HUB).get("/x").reply(429, "slow down", { "retry-after": "3600" });
    const hubFetch = createHubFetch({ endpoint: HUB, timeoutMs: 5000, sleep: noSleep });
    const error = await hubFetch.read(`${HUB}/x`, {}, KIB).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubHttpError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 3600 });
  });

  it("retries 5xx with a bounded number of attempts, keeping the Hub's error code and message", async () => {
    nock(HUB)
      .get("/x")
      .times(4)
      .reply(
        503,
        { error: "Service Unavailable" },
        { "x-error-code": "Overloaded", "content-type": "application/json" },
      );
    const hubFetch = createHubFetch({ endpoint: HUB, timeoutMs: 5000, maxRetries: 3, sleep: noSleep });
    const error = await hubFetch.read(`${HUB}/x`, {}, KIB).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 503, errorCode: "Overloaded", serverMessage: "Service Unavailable" });
  });

  it("retries a connection reset, then succeeds", async () => {
    nock(HUB).get("/x").replyWithError(socketError("ECONNRESET", "socket hang up")).get("/x").reply(200, "ok");
    const hubFetch = createHubFetch({ endpoint: HUB, timeoutMs: 5000, sleep: noSleep });
    expect((await hubFetch.read(`${HUB}/x`, {}, KIB)).bytes.toString()).toBe("ok");
  });

  it("does not retry a 4xx, and keeps X-Error-Code that HubApiError drops", async () => {
    nock(HUB).get("/x").reply(401, "Access restricted", {
      "x-error-code": "GatedRepo",
      "x-error-message": "Access to model x is restricted.",
    });
    const hubFetch = createHubFetch({ endpoint: HUB, timeoutMs: 5000, sleep: noSleep });
    const error = await hubFetch.read(`${HUB}/x`, {}, KIB).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 401,
      errorCode: "GatedRepo",
      serverMessage: "Access to model x is restricted.",
    });
  });

  it("times out a request that gets no answer", async () => {
    nock(HUB).get("/x").delay(2000).reply(200, "late");
    const hubFetch = createHubFetch({ endpoint: HUB, timeoutMs: 100, sleep: noSleep });
    const error = await hubFetch.read(`${HUB}/x`, {}, KIB).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubTransportError);
    expect(error).toMatchObject({ kind: "timeout" });
  });
});

describe("parseRetryAfter", () => {
  it.each([
    ["120", 0, 120_000],
    [" 0 ", 0, 0],
    ["Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:00 GMT"), 60_000],
    ["Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 08:00:00 GMT"), 0],
    ["soon", 0, null],
  ])("%j at %d → %j ms", (value, now, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
  it("is null without the header", () => expect(parseRetryAfter(null, 0)).toBeNull());
});
