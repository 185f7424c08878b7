import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHubFetch } from "../../src/acquire/hub/hub-fetch.js";
import { nodeHttpTransport } from "../../src/acquire/hub/node-http-transport.js";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel } from "../support/hub-models.js";
import { runLic } from "../support/run-lic.js";

/** A certificate for 127.0.0.1 that no system trusts: only a client told of it (NODE_EXTRA_CA_CERTS) accepts it. */
const CERT = fileURLToPath(new URL("../fixtures/tls/test-hub.cert.pem", import.meta.url));
const KEY = fileURLToPath(new URL("../fixtures/tls/test-hub.key.pem", import.meta.url));
const BERT = "google-bert/bert-base-uncased";

const hub = FakeHub.of([bertModel()]);
const homes: string[] = [];
const home = () => {
  const made = mkdtempSync(join(tmpdir(), "lic-tls-"));
  homes.push(made);
  return made;
};

beforeAll(() => hub.start({ tls: { key: readFileSync(KEY, "utf8"), cert: readFileSync(CERT, "utf8") } }));
afterAll(async () => {
  await hub.stop();
  for (const made of homes) rmSync(made, { recursive: true, force: true });
});

describe("the Hub over HTTPS, as huggingface.co is reached", () => {
  it("checks a model through TLS when the certificate's CA is given, as a company's proxy CA is", async () => {
    expect(hub.url).toMatch(/^https:/);
    const run = await runLic(
      ["check", BERT, "--format", "json", "--quiet"],
      { HF_ENDPOINT: hub.url, NODE_EXTRA_CA_CERTS: CERT },
      home(),
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results[0]).toMatchObject({ model: BERT, verdict: "allow" });
    expect(hub.requests.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a certificate no CA it trusts vouches for, at once, and says how to trust a proxy's CA", async () => {
    const error = await nodeHttpTransport(`${hub.url}/api/models/${BERT}`, {}, 5000).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) });
    // Final: not asked again with backoff, as a reset is.
    const waits: string[] = [];
    const hubFetch = createHubFetch({
      endpoint: hub.url,
      timeoutMs: 5000,
      sleep: async () => undefined,
      onWait: (wait) => void waits.push(wait.reason),
    });
    const refused = await hubFetch.read(`${hub.url}/api/models/${BERT}`, {}, 1024).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ kind: "network", final: true });
    expect(waits).toEqual([]);
    hub.requests.length = 0;
    const run = await runLic(["check", BERT, "--quiet"], { HF_ENDPOINT: hub.url }, home());
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `lic: ${BERT}: cannot reach ${hub.url}: its TLS certificate is not one this machine trusts (`,
    );
    expect(run.stderr).toContain("give that authority's certificate in NODE_EXTRA_CA_CERTS");
    expect(hub.requests).toEqual([]);
  });
});
