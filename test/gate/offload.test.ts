import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { downloadFile } from "@huggingface/hub";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NGINX_STORAGE_PREFIX, nginxStorageUri } from "../../src/gate/offload.js";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel, gatedLlamaModel, unlicensedModel } from "../support/hub-models.js";
import { countBytesWritten, gateBehindNginx, SHIPPED_CONF, useNginx } from "../support/nginx.js";
import { builtInPolicy } from "../support/policies.js";
import { useTempDirs } from "../support/temp-dir.js";
import { useGates } from "../support/test-gate.js";

const tempDir = useTempDirs();
const startTestGate = useGates(tempDir);
const startNginx = useNginx(afterEach);

const WEIGHTS = randomBytes(4 * 1024 * 1024 + 33);
const BERT = "google-bert/bert-base-uncased";
const UNLICENSED = "dbmdz/bert-large-cased-finetuned-conll03-english";
const LLAMA = "meta-llama/Meta-Llama-3-8B-Instruct";
const BERT_SHA = String(bertModel().info["sha"]);

let hub: FakeHub;
beforeEach(async () => {
  hub = FakeHub.of([
    { ...bertModel(), lfsFiles: { "model.safetensors": WEIGHTS } },
    { ...unlicensedModel(), lfsFiles: { "model.safetensors": WEIGHTS } },
    gatedLlamaModel(),
  ]);
  await hub.start();
  return () => hub.stop();
});

/** The gate with --offload nginx behind the shipped nginx conf, and the bytes the gate wrote to its sockets. */
async function behindNginx(config: Parameters<typeof startTestGate>[1] = {}) {
  const started = await gateBehindNginx(
    (publicUrl) => startTestGate(hub, { offload: "nginx", publicUrl, ...config }),
    startNginx,
    join(tempDir(), "nginx"),
  );
  return { ...started, written: started.gateBytesWritten };
}

describe("the shipped nginx configuration", () => {
  it("has the gate as upstream, an internal storage location at the gate's prefix, Range passed, tokens not", () => {
    const conf = readFileSync(SHIPPED_CONF, "utf8");
    expect(conf).toMatch(/upstream lic_gate \{\s*server 127\.0\.0\.1:8080;/);
    expect(conf).toMatch(/location \/ \{\s*proxy_pass http:\/\/lic_gate;/);
    expect(conf).toContain(`location ^~ ${NGINX_STORAGE_PREFIX.replace(/storage\/$/, "")} {\n        internal;`);
    expect(conf).toContain(
      `location ~ "^${NGINX_STORAGE_PREFIX}(?<lic_verdict>allow|warn|block|undecided)/(?<lic_commit>`,
    );
    for (const line of [
      "proxy_set_header Host $lic_authority;",
      "proxy_ssl_name $lic_hostname;",
      "proxy_set_header Range $http_range;",
      'proxy_set_header Authorization "";',
    ])
      expect(conf).toContain(line);
  });
});

describe("lic gate --offload nginx, behind a real nginx", () => {
  it("an allowed LFS file comes from storage through nginx, byte-identical, Range too; the gate wrote none of it", async () => {
    const { gate, nginx, written } = await behindNginx();
    const url = `${nginx.url}/${BERT}/resolve/main/model.safetensors`;
    const whole = await fetch(url, { headers: { authorization: "Bearer hf_client_secret" } });
    expect(whole.status).toBe(200);
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(WEIGHTS));
    expect(whole.headers.get("x-repo-commit")).toBe(BERT_SHA);
    expect(whole.headers.get("etag")).toBe(`"${sha256(WEIGHTS)}"`);
    expect(whole.headers.get("x-linked-size")).toBe(String(WEIGHTS.byteLength));
    expect(whole.headers.get("content-length")).toBe(String(WEIGHTS.byteLength));
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("x-lic-verdict")).toBe("allow");
    expect(whole.headers.get("x-accel-redirect")).toBeNull();

    const part = await fetch(url, { headers: { range: "bytes=1000-1999999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999999/${WEIGHTS.byteLength}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(WEIGHTS.subarray(1000, 2_000_000))).toBe(true);

    // The gate answered a few hundred bytes of headers per request; the megabytes came from storage to nginx.
    expect(written()).toBeLessThan(16 * 1024);
    expect(hub.storageRequests.map((request) => [request.range, request.authorization])).toEqual([
      [undefined, undefined],
      ["bytes=1000-1999999", undefined],
    ]);
    expect(gate.audit().map((entry) => [entry.path, entry.action, entry.status])).toEqual([
      ["model.safetensors", "served", 200],
      ["model.safetensors", "served", 200],
    ]);
  });

  it("@huggingface/hub's downloadFile (a Range GET for the file's info, then the bytes) through nginx offload", async () => {
    const { nginx, written } = await behindNginx();
    const blob = await downloadFile({ repo: BERT, path: "model.safetensors", hubUrl: nginx.url });
    expect(sha256(Buffer.from(await blob!.arrayBuffer()))).toBe(sha256(WEIGHTS));
    expect(written()).toBeLessThan(16 * 1024);
  });

  it("a storage redirect nginx cannot be told (no X-Linked-Etag) is streamed by the gate instead", async () => {
    const { nginx, written } = await behindNginx();
    const oid = sha256(WEIGHTS);
    hub.script(/\/resolve\/main\/model\.safetensors$/, {
      status: 302,
      headers: { location: `${hub.storageUrl}/blob/${oid}`, "x-repo-commit": BERT_SHA },
    });
    const answer = await fetch(`${nginx.url}/${BERT}/resolve/main/model.safetensors`);
    expect(answer.status).toBe(200);
    expect(sha256(Buffer.from(await answer.arrayBuffer()))).toBe(oid);
    expect(written()).toBeGreaterThan(WEIGHTS.byteLength);
  });

  it("annotate mode: a blocked model's file offloaded too, saying X-Lic-Verdict: block", async () => {
    const { nginx } = await behindNginx({ mode: "annotate" });
    const answer = await fetch(`${nginx.url}/${UNLICENSED}/resolve/main/model.safetensors`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-lic-verdict")).toBe("block");
    expect(sha256(Buffer.from(await answer.arrayBuffer()))).toBe(sha256(WEIGHTS));
  });

  it("HEAD is the gate's own answer, with what huggingface_hub reads", async () => {
    const { nginx } = await behindNginx();
    const head = await fetch(`${nginx.url}/${BERT}/resolve/main/model.safetensors`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("x-linked-size")).toBe(String(WEIGHTS.byteLength));
    expect(head.headers.get("x-repo-commit")).toBe(BERT_SHA);
    expect(hub.storageRequests).toEqual([]);
  });

  it("a blocked model is the policy's 403 through nginx, and storage is never asked", async () => {
    const { nginx, gate } = await behindNginx();
    const answer = await fetch(`${nginx.url}/${UNLICENSED}/resolve/main/model.safetensors`);
    expect(answer.status).toBe(403);
    expect(answer.headers.get("x-error-message")).toMatch(/is blocked by policy "default"/);
    expect(((await answer.json()) as { error: string }).error).toMatch(/is blocked by policy "default"/);
    expect(hub.storageRequests).toEqual([]);
    expect(gate.audit().map((entry) => [entry.action, entry.status])).toEqual([["refused", 403]]);
  });

  it("the internal location requested by a client directly is 404, and reaches no storage", async () => {
    const { nginx } = await behindNginx();
    const oid = sha256(WEIGHTS);
    const storage = new URL(hub.storageUrl);
    const direct = `${nginx.url}${NGINX_STORAGE_PREFIX}allow/${BERT_SHA}/${oid}/${WEIGHTS.byteLength}/http/${storage.host}/blob/${oid}`;
    expect((await fetch(direct)).status).toBe(404);
    expect((await fetch(`${nginx.url}/_lic/anything`)).status).toBe(404);
    expect(hub.storageRequests).toEqual([]);
  });

  it("an X-Accel-Redirect from the upstream is not passed on to nginx", async () => {
    const { nginx } = await behindNginx();
    hub.script(/\/resolve\/main\/config\.json$/, {
      status: 404,
      headers: { "x-accel-redirect": "/_lic/anything", "x-error-code": "EntryNotFound" },
      body: "{}",
    });
    const answer = await fetch(`${nginx.url}/${BERT}/resolve/main/config.json`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get("x-error-code")).toBe("EntryNotFound");
  });
});

describe("the X-Accel-Redirect path", () => {
  const redirect = (headers: Record<string, string>) =>
    ({ status: 302, headers, url: "https://huggingface.co/x/y/resolve/main/f", body: null }) as never;
  const hub = { "x-repo-commit": "a".repeat(40), "x-linked-etag": `"${"b".repeat(64)}"`, "x-linked-size": "12" };

  it("carries the verdict, commit, linked ETag and size, then the storage URL as scheme/host/path?query", () => {
    const storage = new URL("https://cas-bridge.xethub.hf.co:8443/xet-bridge-us/abc?X-Amz-Signature=s%3D&b=1");
    expect(nginxStorageUri(redirect(hub), storage, "warn")).toBe(
      `${NGINX_STORAGE_PREFIX}warn/${"a".repeat(40)}/${"b".repeat(64)}/12/https/cas-bridge.xethub.hf.co:8443/xet-bridge-us/abc?X-Amz-Signature=s%3D&b=1`,
    );
  });

  it("is null (the gate streams) for what the nginx location would not match", () => {
    const storage = new URL("https://cdn-lfs.hf.co/repos/abc");
    const { "x-linked-etag": _etag, ...noEtag } = hub;
    expect(nginxStorageUri(redirect(noEtag), storage, "allow")).toBeNull();
    expect(nginxStorageUri(redirect({ ...hub, "x-linked-etag": '"md5-like"' }), storage, "allow")).toBeNull();
    expect(nginxStorageUri(redirect(hub), new URL("http://[::1]:9000/blob"), "allow")).toBeNull();
    expect(nginxStorageUri(redirect(hub), new URL("ftp://cdn-lfs.hf.co/blob"), "allow")).toBeNull();
    expect(nginxStorageUri(redirect(hub), new URL("https://cdn-lfs.hf.co/a b"), "allow")).not.toBeNull();
  });
});

describe("lic gate --offload redirect", () => {
  it("answers an allowed file with the upstream's 302 to storage, the Hub's headers kept; the gate moves no bytes", async () => {
    const gate = await startTestGate(hub, { offload: "redirect" });
    const written = countBytesWritten(gate.server);
    const answer = await fetch(`${gate.url}/${BERT}/resolve/main/model.safetensors`, { redirect: "manual" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(`${hub.storageUrl}/blob/${sha256(WEIGHTS)}?X-Amz-Signature=fake`);
    expect(answer.headers.get("x-repo-commit")).toBe(BERT_SHA);
    expect(answer.headers.get("x-linked-etag")).toBe(`"${sha256(WEIGHTS)}"`);
    expect(answer.headers.get("x-xet-hash")).toBeNull();
    const followed = await fetch(`${gate.url}/${BERT}/resolve/main/model.safetensors`);
    expect(sha256(Buffer.from(await followed.arrayBuffer()))).toBe(sha256(WEIGHTS));
    expect(written()).toBeLessThan(8 * 1024);
    expect(gate.audit().map((entry) => [entry.action, entry.status])).toEqual([
      ["served", 302],
      ["served", 302],
    ]);
  });

  it("still refuses a blocked model with the policy's 403", async () => {
    const gate = await startTestGate(hub, { offload: "redirect" });
    const answer = await fetch(`${gate.url}/${UNLICENSED}/resolve/main/model.safetensors`, { redirect: "manual" });
    expect(answer.status).toBe(403);
    expect(hub.storageRequests).toEqual([]);
  });
});

describe("a gated model the policy blocks, asked for anonymously", () => {
  for (const offload of ["none", "nginx", "redirect"] as const) {
    it(`--offload ${offload}: the policy's 403 and reason, not the Hub's 'log in' 401, audited`, async () => {
      const { base, gate } =
        offload === "nginx"
          ? await behindNginx({ policy: builtInPolicy("osi") }).then(({ gate, nginx }) => ({
              gate,
              base: nginx.url,
            }))
          : await startTestGate(hub, { policy: builtInPolicy("osi"), offload }).then((gate) => ({
              gate,
              base: gate.url,
            }));
      const answer = await fetch(`${base}/${LLAMA}/resolve/main/LICENSE`);
      expect(answer.status).toBe(403);
      const reason = answer.headers.get("x-error-message");
      expect(reason).toMatch(/^meta-llama\/Meta-Llama-3-8B-Instruct@[0-9a-f]{12} is blocked by policy "osi": /);
      expect(answer.headers.get("x-error-code")).toBeNull();
      expect(gate.audit()).toEqual([
        expect.objectContaining({ model: LLAMA, path: "LICENSE", action: "refused", status: 403, reason }),
      ]);
    });
  }
});

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
