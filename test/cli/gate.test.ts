import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel, unlicensedModel } from "../support/hub-models.js";
import { LIC_BIN, runLicIn } from "../support/run-lic.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
let hub: FakeHub;
beforeEach(async () => {
  hub = FakeHub.of([bertModel(), { ...unlicensedModel(), files: { "config.json": "{}" } }]);
  await hub.start();
  return () => hub.stop();
});

// The first case spawns the built bin (`npm run build` first): serving until SIGTERM needs a real process. The
// refusals run main() in this process: each exits 2 before the gate would serve (a regression that served would
// wait for a signal, and fail on the test timeout).
describe("lic gate (the built CLI)", () => {
  it("serves until SIGTERM, logs decisions to the audit file, and never prints the token", async () => {
    const home = tempDir();
    const audit = join(home, "audit.jsonl");
    const child = spawn(LIC_BIN, ["gate", "--upstream", hub.url, "--listen", "127.0.0.1:0", "--audit-log", audit], {
      env: {
        PATH: process.env["PATH"] ?? "",
        HOME: home,
        XDG_CACHE_HOME: join(home, ".cache"),
        HF_TOKEN: "hf_gate_secret_token",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /listening on (http:\/\/[^,]+),/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.on("exit", (code) => reject(new Error(`lic gate exited ${code}: ${stderr}`)));
    });
    expect(stderr).toContain("enforce mode, policy default (sha256:");
    expect(stderr).toContain(`upstream ${hub.url} with a token`);
    expect(stderr).toContain(`point clients at it with HF_ENDPOINT=${url}`);

    const allowed = await fetch(`${url}/google-bert/bert-base-uncased/resolve/main/LICENSE`);
    expect([allowed.status, allowed.headers.get("x-lic-verdict")]).toEqual([200, "allow"]);
    expect(await allowed.text()).toBe(bertModel().files!["LICENSE"]);
    const blocked = await fetch(`${url}/dbmdz/bert-large-cased-finetuned-conll03-english/resolve/main/config.json`, {
      headers: { authorization: "Bearer hf_client_token" },
    });
    expect(blocked.status).toBe(403);

    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toContain("lic gate: stopping");
    expect(stderr).not.toContain("hf_gate_secret_token");
    const entries = readFileSync(audit, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((entry) => [entry["model"], entry["verdict"], entry["action"], entry["status"]])).toEqual([
      ["google-bert/bert-base-uncased", "allow", "served", 200],
      ["dbmdz/bert-large-cased-finetuned-conll03-english", "block", "refused", 403],
    ]);
    expect(entries[0]).toMatchObject({
      client: "127.0.0.1",
      method: "GET",
      route: "file",
      path: "LICENSE",
      mode: "enforce",
      policy: { name: "default" },
    });
    expect(readFileSync(audit, "utf8")).not.toMatch(/hf_client_token|hf_gate_secret_token/);
  });

  it.each([
    [["--listen", "8080"], '--listen "8080" is not HOST:PORT'],
    [["--mode", "block"], "argument 'block' is invalid. Allowed choices are enforce, annotate."],
    [["--upstream", "ftp://hub"], '--upstream "ftp://hub" must be an http or https URL'],
    [["--audit-log", "/nonexistent-dir/audit.jsonl"], '--audit-log "/nonexistent-dir/audit.jsonl" cannot be written'],
    [["--policy", "no-such-policy"], "no-such-policy"],
    [["--max-upstream-connections", "0"], "must be a whole number from 1 to 4096"],
  ])("exits 2 with the fix for %j", async (args, message) => {
    const run = await runLicIn(["gate", "--upstream", "http://127.0.0.1:9", "--listen", "127.0.0.1:0", ...args], {
      XDG_CACHE_HOME: join(tempDir(), ".cache"),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("exits 2 when the address is taken", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const port = (holder.address() as { port: number }).port;
    const run = await runLicIn(["gate", "--upstream", hub.url, "--listen", `127.0.0.1:${port}`], {
      XDG_CACHE_HOME: join(tempDir(), ".cache"),
    });
    holder.close();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `--listen 127.0.0.1:${port}: the address is in use; stop what holds it or choose another port`,
    );
  });
});
