import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { downloadFile, HubApiError, listFiles, modelInfo, pathsInfo, whoAmI } from "@huggingface/hub";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { FakeHub } from "../support/fake-hub.js";
import { dataset } from "../support/hub-datasets.js";
import { BERT_RENAMES, bertModel, gatedLlamaModel, unlicensedModel } from "../support/hub-models.js";
import { builtInPolicy, policyFrom } from "../support/policies.js";
import { useTempDirs } from "../support/temp-dir.js";
import { useGates } from "../support/test-gate.js";

const tempDir = useTempDirs();
const startTestGate = useGates(tempDir);

/** Weights kept in LFS: the Hub redirects their downloads to its storage. */
const WEIGHTS = randomBytes(3 * 1024 * 1024 + 17);
const BERT = "google-bert/bert-base-uncased";
const UNLICENSED = "dbmdz/bert-large-cased-finetuned-conll03-english";
const LLAMA = "meta-llama/Meta-Llama-3-8B-Instruct";
const BERT_SHA = String(bertModel().info["sha"]);

let hub: FakeHub;
beforeEach(async () => {
  hub = FakeHub.of(
    [
      { ...bertModel(), lfsFiles: { "model.safetensors": WEIGHTS } },
      { ...unlicensedModel(), files: { "config.json": "{}" }, lfsFiles: { "model.safetensors": WEIGHTS } },
      gatedLlamaModel(),
    ],
    { grantedTokens: ["hf_granted"], renames: BERT_RENAMES },
  );
  await hub.start();
  return () => hub.stop();
});

describe("lic gate with @huggingface/hub as the client", () => {
  it("serves an allowed model: metadata annotated, listing, and weights byte-identical through the gate", async () => {
    const gate = await startTestGate(hub);
    const info = await modelInfo({ name: BERT, hubUrl: gate.url, additionalFields: ["sha"] });
    expect(info.name).toBe(BERT);

    const files = [];
    for await (const file of listFiles({ repo: BERT, hubUrl: gate.url })) files.push(file.path);
    expect(files.sort()).toEqual(["LICENSE", "README.md", "model.safetensors"]);

    const blob = await downloadFile({ repo: BERT, path: "model.safetensors", hubUrl: gate.url });
    const bytes = Buffer.from(await blob!.arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(WEIGHTS));
    // The bytes came through the gate: the client never saw the storage host, the storage never saw a token.
    expect(hub.storageRequests.length).toBeGreaterThan(0);
    const served = gate.audit().filter((entry) => entry.route === "file");
    expect(served.every((entry) => entry.verdict === "allow" && entry.action === "served")).toBe(true);
    expect(served[0]!.sha).toBe(String(bertModel().info["sha"]));
  });

  it("refuses a blocked model's files with the reason in HubApiError.message; its metadata stays readable", async () => {
    const gate = await startTestGate(hub);
    const info = await fetch(`${gate.url}/api/models/${UNLICENSED}`);
    expect(info.status).toBe(200);
    expect(info.headers.get("x-lic-verdict")).toBe("block");
    expect(info.headers.get("x-lic-findings")).toContain("license-missing");

    const error = await downloadFile({ repo: UNLICENSED, path: "model.safetensors", hubUrl: gate.url }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(HubApiError);
    expect((error as HubApiError).statusCode).toBe(403);
    expect((error as HubApiError).message).toContain(`${UNLICENSED}@`);
    expect((error as HubApiError).message).toContain('is blocked by policy "default": license-missing');
    expect(hub.storageRequests).toEqual([]);
    const refused = gate.audit().find((entry) => entry.action === "refused")!;
    expect(refused).toMatchObject({
      model: UNLICENSED,
      path: "model.safetensors",
      verdict: "block",
      status: 403,
      codes: ["license-missing"],
    });
  });

  it("pages listings through the gate: Link points at the gate, not the upstream", async () => {
    const gate = await startTestGate(hub);
    hub.treePageSize = 1;
    const files = [];
    for await (const file of listFiles({ repo: BERT, hubUrl: gate.url })) files.push(file.path);
    expect(files.sort()).toEqual(["LICENSE", "README.md", "model.safetensors"]);
    const first = await fetch(`${gate.url}/api/models/${BERT}/tree/main?recursive=true`);
    expect(first.headers.get("link")).toMatch(
      new RegExp(`^<${gate.url}/api/models/${BERT}/tree/main\\?recursive=true&cursor=1>; rel="next"$`),
    );
  });

  it("answers paths-info (POST) and whoami-v2, passing the client's token to the upstream", async () => {
    const gate = await startTestGate(hub);
    const [entry] = await pathsInfo({ repo: BERT, paths: ["model.safetensors"], hubUrl: gate.url, expand: true });
    expect(entry).toMatchObject({ path: "model.safetensors", lfs: { oid: sha256(WEIGHTS), size: WEIGHTS.byteLength } });
    const me = await whoAmI({ accessToken: "hf_granted", hubUrl: gate.url });
    expect(me.name).toBe("user-of-hf_gra");
  });

  it("lets a gated model's files through only with the client's own granted token; the gate's token decides, and goes nowhere else", async () => {
    const gate = await startTestGate(hub, { token: "hf_gate_secret" });
    const denied = await downloadFile({ repo: LLAMA, path: "LICENSE", hubUrl: gate.url }).catch(
      (caught: unknown) => caught,
    );
    expect((denied as HubApiError).statusCode).toBe(401);
    const granted = await downloadFile({ repo: LLAMA, path: "LICENSE", hubUrl: gate.url, accessToken: "hf_granted" });
    expect(await granted!.text()).toBe(gatedLlamaModel().files!["LICENSE"]);

    const byGate = hub.requests.filter((request) => request.authorization === "Bearer hf_gate_secret");
    const byClient = hub.requests.filter((request) => request.authorization === "Bearer hf_granted");
    expect(byGate.length).toBeGreaterThan(0);
    expect(byClient.every((request) => request.path === `/${LLAMA}/resolve/main/LICENSE`)).toBe(true);
    const log = JSON.stringify(gate.audit());
    expect(log).not.toContain("hf_granted");
    expect(log).not.toContain("hf_gate_secret");
    expect(hub.storageRequests.every((request) => request.authorization === undefined)).toBe(true);
  });

  it("decides once per model and commit: a second download reads no metadata", async () => {
    const gate = await startTestGate(hub);
    await (await downloadFile({ repo: BERT, path: "model.safetensors", hubUrl: gate.url }))!.arrayBuffer();
    const metadataReads = () => hub.requests.filter((request) => request.path.startsWith("/api/models/")).length;
    const before = metadataReads();
    await (await downloadFile({
      repo: BERT,
      path: "model.safetensors",
      hubUrl: gate.url,
      revision: BERT_SHA,
    }))!.arrayBuffer();
    expect(metadataReads()).toBe(before);
    expect(gate.decider.size).toBe(1);
  });
});

describe("one way out: decisions and bytes through the gate's Upstream", () => {
  it("a decision reads the upstream through the bounded Upstream, never the global fetch", async () => {
    const gate = await startTestGate(hub);
    const globalFetch = vi.spyOn(globalThis, "fetch");
    try {
      const answer = await curl([
        "-sS",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        `${gate.url}/${BERT}/resolve/${BERT_SHA}/LICENSE`,
      ]);
      expect(answer).toBe("200");
      expect(hub.requests.some((request) => request.path.startsWith("/api/models/"))).toBe(true);
      expect(globalFetch).not.toHaveBeenCalled();
    } finally {
      globalFetch.mockRestore();
    }
  });
});

describe("lic gate with curl as the client", () => {
  it("HEAD on LFS weights gives what huggingface_hub reads, with no Xet and no storage URL", async () => {
    const gate = await startTestGate(hub);
    const head = await curl(["-sS", "-I", `${gate.url}/${BERT}/resolve/main/model.safetensors`]);
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    expect(header(head, "x-repo-commit")).toBe(BERT_SHA);
    expect(header(head, "etag")).toBe(`"${sha256(WEIGHTS)}"`);
    expect(header(head, "x-linked-etag")).toBe(`"${sha256(WEIGHTS)}"`);
    expect(header(head, "x-linked-size")).toBe(String(WEIGHTS.byteLength));
    expect(header(head, "content-length")).toBe(String(WEIGHTS.byteLength));
    expect(header(head, "accept-ranges")).toBe("bytes");
    expect(header(head, "x-lic-verdict")).toBe("allow");
    expect(head.toLowerCase()).not.toMatch(/x-xet-|^link:|^location:/m);
  });

  it("downloads whole files and ranges byte-identical, and raw gives the LFS pointer", async () => {
    const gate = await startTestGate(hub);
    const out = join(tempDir(), "weights");
    await curl(["-sS", "-f", "-o", out, `${gate.url}/${BERT}/resolve/main/model.safetensors`]);
    expect(sha256(readFileSync(out))).toBe(sha256(WEIGHTS));
    const range = await curl([
      "-sS",
      "-f",
      "-D",
      "-",
      "-r",
      "100-199",
      "-o",
      out,
      `${gate.url}/${BERT}/resolve/${BERT_SHA}/model.safetensors`,
    ]);
    expect(range).toMatch(/^HTTP\/1\.1 206/);
    expect(header(range, "content-range")).toBe(`bytes 100-199/${WEIGHTS.byteLength}`);
    expect(readFileSync(out).equals(WEIGHTS.subarray(100, 200))).toBe(true);
    const pointer = await curl(["-sS", "-f", `${gate.url}/${BERT}/raw/main/model.safetensors`]);
    expect(pointer).toContain(`oid sha256:${sha256(WEIGHTS)}`);
  });

  it("keeps a renamed repo's redirect on the gate (relative, as huggingface_hub follows it)", async () => {
    const gate = await startTestGate(hub);
    const head = await curl(["-sS", "-I", `${gate.url}/bert-base-uncased/resolve/main/config.json`]);
    expect(head).toMatch(/^HTTP\/1\.1 307/);
    expect(header(head, "location")).toBe(`/${BERT}/resolve/main/config.json`);
    const out = join(tempDir(), "license");
    await curl(["-sS", "-f", "-L", "-o", out, `${gate.url}/bert-base-uncased/resolve/main/LICENSE`]);
    expect(readFileSync(out, "utf8")).toBe(bertModel().files!["LICENSE"]);
  });

  it("gives a blocked model's reason in X-Error-Message and the findings in the body", async () => {
    const gate = await startTestGate(hub);
    const answer = await curl(["-sS", "-D", "-", `${gate.url}/${UNLICENSED}/resolve/main/config.json`]);
    expect(answer).toMatch(/^HTTP\/1\.1 403/);
    expect(header(answer, "x-error-message")).toMatch(
      /^dbmdz\/bert-large-cased-finetuned-conll03-english@[0-9a-f]{12} is blocked by policy "default": license-missing: /,
    );
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as {
      error: string;
      findings: { code: string; severity: string; evidence: unknown[] }[];
    };
    expect(body.error).toBe(header(answer, "x-error-message"));
    expect(body.findings.map((finding) => [finding.code, finding.severity])).toContainEqual([
      "license-missing",
      "error",
    ]);
  });
});

describe("lic gate modes and failures", () => {
  it("annotate mode serves a blocked model, saying what enforce would have done", async () => {
    const gate = await startTestGate(hub, { mode: "annotate" });
    const answer = await curl(["-sS", "-f", "-D", "-", `${gate.url}/${UNLICENSED}/resolve/main/config.json`]);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(header(answer, "x-lic-verdict")).toBe("block");
    expect(header(answer, "x-lic-findings")).toBe("license-missing");
    expect(answer.endsWith("{}")).toBe(true);
    expect(gate.audit().at(-1)).toMatchObject({ mode: "annotate", verdict: "block", action: "served", status: 200 });
  });

  it("fails closed: no decision (the upstream's metadata fails), no files (503 with the reason)", async () => {
    const gate = await startTestGate(hub);
    hub.script(/^\/api\/models\//, ...Array.from({ length: 4 }, () => ({ status: 502, body: "Bad Gateway" })));
    const answer = await curl(["-sS", "-D", "-", `${gate.url}/${BERT}/resolve/${BERT_SHA}/LICENSE`]);
    expect(answer).toMatch(/^HTTP\/1\.1 503/);
    expect(header(answer, "x-error-message")).toMatch(
      /^lic gate could not decide on this model, so its files are held back \(the policy fails closed\): .*502/,
    );
    expect(gate.audit().at(-1)).toMatchObject({ verdict: "undecided", action: "refused", status: 503 });
  });

  it("scrubs the gate's token from failure messages, even when the upstream echoes it", async () => {
    const gate = await startTestGate(hub, { token: "hf_gate_secret" });
    const echo = { status: 502, headers: { "x-error-message": "upstream refused token hf_gate_secret" }, body: "" };
    hub.script(/^\/api\/models\//, echo, echo, echo, echo);
    const answer = await curl(["-sS", "-D", "-", `${gate.url}/${BERT}/resolve/${BERT_SHA}/LICENSE`]);
    expect(answer).toMatch(/^HTTP\/1\.1 503/);
    expect(answer).toContain("upstream refused token [token]");
    expect(answer).not.toContain("hf_gate_secret");
    expect(JSON.stringify(gate.audit())).not.toContain("hf_gate_secret");
  });

  it("serves undecided models when the policy says so (undecided: allow), marked undecided", async () => {
    const gate = await startTestGate(hub, { policy: policyFrom("extends: default\nundecided: allow\n") });
    hub.script(/^\/api\/models\//, ...Array.from({ length: 4 }, () => ({ status: 502, body: "Bad Gateway" })));
    const answer = await curl(["-sS", "-f", "-D", "-", `${gate.url}/${BERT}/resolve/${BERT_SHA}/LICENSE`]);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(header(answer, "x-lic-verdict")).toBe("undecided");
  });

  it("counts requests, decisions and bytes in /metrics, and answers /healthz", async () => {
    const gate = await startTestGate(hub);
    expect(await (await fetch(`${gate.url}/healthz`)).json()).toEqual({ status: "ok" });
    await curl(["-sS", "-f", "-o", "/dev/null", `${gate.url}/${BERT}/resolve/main/model.safetensors`]);
    await curl(["-sS", "-o", "/dev/null", `${gate.url}/${UNLICENSED}/resolve/main/config.json`]);
    const metrics = await (await fetch(`${gate.url}/metrics`)).text();
    expect(metrics).toContain('lic_gate_requests_total{route="file",status="200"} 1');
    expect(metrics).toContain('lic_gate_requests_total{route="file",status="403"} 1');
    expect(metrics).toContain('lic_gate_decisions_total{action="served",verdict="allow"} 1');
    expect(metrics).toContain('lic_gate_decisions_total{action="refused",verdict="block"} 1');
    expect(metrics).toContain(`lic_gate_bytes_streamed_total ${WEIGHTS.byteLength}`);
    expect(metrics).toMatch(/# TYPE lic_gate_upstream_errors_total counter\nlic_gate_upstream_errors_total 0\n/);
  });
});

describe("lic gate in front of a gated upstream (review M1)", () => {
  it("a gated model the policy blocks: the policy's 403, not the upstream's 'ask for access', however the client asks; each refusal audited", async () => {
    const gate = await startTestGate(hub, { policy: builtInPolicy("osi"), token: "hf_gate_secret" });
    const url = `${gate.url}/${LLAMA}/resolve/main/LICENSE`;
    const asks: [string, string[]][] = [
      ["anonymous GET", []],
      ["anonymous HEAD", ["-I"]],
      ["a denied token", ["-H", "Authorization: Bearer hf_denied"]],
      ["a granted token", ["-H", "Authorization: Bearer hf_granted"]],
    ];
    for (const [who, args] of asks) {
      const answer = await curl(["-sS", "-D", "-", "-o", "/dev/null", ...args, url]);
      expect([who, answer.slice(0, 12)]).toEqual([who, "HTTP/1.1 403"]);
      expect([who, header(answer, "x-lic-verdict")]).toEqual([who, "block"]);
      expect([who, header(answer, "x-error-message")]).toEqual([
        who,
        expect.stringMatching(/^meta-llama\/Meta-Llama-3-8B-Instruct@[0-9a-f]{12} is blocked by policy "osi": /),
      ]);
      expect([who, header(answer, "x-error-code")]).toEqual([who, null]);
    }
    const audit = gate.audit();
    expect(audit.map((entry) => [entry.method, entry.verdict, entry.action, entry.status])).toEqual([
      ["GET", "block", "refused", 403],
      ["HEAD", "block", "refused", 403],
      ["GET", "block", "refused", 403],
      ["GET", "block", "refused", 403],
    ]);
    expect(gate.decider.size).toBe(1);
  });

  it("a gated model the policy allows: the upstream's 401 passes on, with the decision in X-Lic-* and an audit line", async () => {
    const gate = await startTestGate(hub, { token: "hf_gate_secret" });
    const answer = await curl(["-sS", "-D", "-", "-o", "/dev/null", `${gate.url}/${LLAMA}/resolve/main/LICENSE`]);
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(header(answer, "x-error-code")).toBe("GatedRepo");
    expect(header(answer, "x-lic-verdict")).toMatch(/^(allow|warn)$/);
    expect(gate.audit()).toEqual([
      expect.objectContaining({
        model: LLAMA,
        path: "LICENSE",
        action: "refused",
        status: 401,
        reason: "the upstream refused the file (401 GatedRepo)",
      }),
    ]);
  });
});

describe("lic gate is not an open proxy", () => {
  it("refuses absolute-form targets, CONNECT, foreign Host headers and traversal, without contacting anyone", async () => {
    const gate = await startTestGate(hub);
    const port = new URL(gate.url).port;
    const status = async (args: string[]) =>
      (await curl(["-sS", "-o", "/dev/null", "-w", "%{http_code}", ...args])).trim();
    expect(await status(["--proxy", gate.url, "http://169.254.169.254/latest/meta-data/"])).toBe("400");
    expect(
      await status(["--proxy", gate.url, "--proxytunnel", "http://example.com/"]).catch(
        (error: Error) => error.message,
      ),
    ).toMatch(/405/);
    expect(await status(["-H", "Host: metadata.google.internal", `${gate.url}/api/models/${BERT}`])).toBe("400");
    expect(await status(["-H", `Host: evil.example:${port}`, `${gate.url}/healthz`])).toBe("400");
    for (const path of [
      `/api/models/${BERT}/../../../etc/passwd`,
      "/api/models/..%2F..%2Fetc/passwd",
      "/google-bert/%2e%2e/resolve/main/LICENSE",
      `/${BERT}/resolve/main/..%2F..%2Fsecret`,
      "/api/models/google-bert%2Fbert-base-uncased",
      `/${BERT}/resolve/main/a%5c..%5cb`,
      "/spaces/org/name/resolve/main/x",
      "/datasets/org/%2e%2e/resolve/main/x",
    ]) {
      expect([path, await status(["--path-as-is", `${gate.url}${path}`])]).toEqual([
        path,
        expect.stringMatching(/^40[04]$/),
      ]);
    }
    expect(hub.requests).toEqual([]);
    expect(hub.storageRequests).toEqual([]);
  });

  it("refuses an upstream redirect to the gate itself (it would ask itself, hop after hop, until it timed out)", async () => {
    const gate = await startTestGate(hub);
    const toGate = { status: 302, headers: { location: `${gate.url}/${BERT}/resolve/main/model.safetensors` } };
    hub.script(/\/model\.safetensors$/, toGate, toGate, toGate, toGate, toGate);
    const answer = await curl([
      "-sS",
      "-D",
      "-",
      "-o",
      "/dev/null",
      `${gate.url}/${BERT}/resolve/main/model.safetensors`,
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 502/);
    expect(header(answer, "x-error-message")).toContain("redirected the download to this gate itself");
    expect(hub.requests.filter((request) => request.path.endsWith("/model.safetensors"))).toHaveLength(1);
  });

  it("cuts off a client that does not finish its request in time (408)", async () => {
    const gate = await startTestGate(hub, { requestTimeoutMs: 1000 });
    const { port } = new URL(gate.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () =>
        socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"),
      );
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("close", () => resolve(text));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("answers 431 to an oversized request head", async () => {
    const gate = await startTestGate(hub, { maxHeaderBytes: 2048 });
    const code = await curl([
      "-sS",
      "-o",
      "/dev/null",
      "-w",
      "%{http_code}",
      "-H",
      `X-Padding: ${"a".repeat(4096)}`,
      `${gate.url}/healthz`,
    ]);
    expect(code).toBe("431");
  });
});

const run = promisify(execFile);

async function curl(args: string[]): Promise<string> {
  const { stdout } = await run("curl", ["--max-time", "20", ...args], {
    encoding: "latin1",
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** The last value of a header in curl's `-D -`/`-I` output (after any redirects). */
function header(output: string, name: string): string | null {
  const matches = [...output.matchAll(new RegExp(`^${name}: (.*)\r$`, "gim"))];
  return matches.at(-1)?.[1] ?? null;
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

describe("lic gate serves datasets under the same policy", () => {
  it("decides on a dataset apart from a model of the same id, annotates its info, refuses its files when blocked, and audits both as datasets", async () => {
    // The same id as a model the policy allows: the dataset (no license) must be decided on its own card.
    const sameId = dataset(BERT, {}, { tags: [] });
    const datasets = FakeHub.of([bertModel()], { datasets: [{ ...sameId, lfsFiles: { "data.parquet": WEIGHTS } }] });
    await datasets.start();
    try {
      const gate = await startTestGate(datasets);
      const info = await fetch(`${gate.url}/api/datasets/${BERT}`);
      expect(info.status).toBe(200);
      expect(info.headers.get("x-lic-verdict")).toBe("block");
      const file = await fetch(`${gate.url}/datasets/${BERT}/resolve/main/data.parquet`);
      expect(file.status).toBe(403);
      expect(file.headers.get("x-error-message")).toMatch(/is blocked by policy "default"/);
      const model = await fetch(`${gate.url}/api/models/${BERT}`);
      expect(model.headers.get("x-lic-verdict")).toBe("allow");
      const audit = gate.audit().map((entry) => [entry.route, entry.repoType ?? "model", entry.action]);
      expect(audit).toEqual([
        ["model-info", "dataset", "served"],
        ["file", "dataset", "refused"],
        ["model-info", "model", "served"],
      ]);
      expect(datasets.requests.some((request) => request.path.startsWith("/api/datasets/"))).toBe(true);
    } finally {
      await datasets.stop();
    }
  });
});
