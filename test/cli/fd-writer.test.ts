import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const WRITER = fileURLToPath(new URL("../../dist/cli/fd-writer.js", import.meta.url));

/** Runs `body` in a child process with `write`, fdWriter's stdout, in scope; resolves with what it printed. */
function child(body: string, read: (stdout: NodeJS.ReadableStream) => Promise<string>) {
  const script = `import { fdWriter } from ${JSON.stringify(WRITER)};\nconst write = fdWriter(1, () => process.stdout);\n${body}`;
  const process_ = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  process_.stderr.on("data", (chunk) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => process_.on("exit", resolve));
  return Promise.all([read(process_.stdout), exit]).then(([stdout, code]) => ({ stdout, code, stderr }));
}

const readAll = (stdout: NodeJS.ReadableStream) =>
  new Promise<string>((resolve) => {
    let text = "";
    stdout.on("data", (chunk) => (text += chunk));
    stdout.on("end", () => resolve(text));
  });

describe("fdWriter: stdout without process.stdout", () => {
  it("writes in order, and hands a pipe left non-blocking and full to the stream for the rest", async () => {
    // Making process.stdout sets the pipe non-blocking, as a parent Node process may have left it; the reader waits
    // before reading, so the pipe fills and a blocking-style write would fail with EAGAIN.
    const lines = Array.from({ length: 20_000 }, (_, index) => `line ${index}\n`);
    const body = `process.stdout; for (let index = 0; index < ${lines.length}; index++) write(\`line \${index}\\n\`);`;
    const result = await child(body, async (stdout) => {
      stdout.pause();
      await new Promise((resolve) => setTimeout(resolve, 300));
      stdout.resume();
      return readAll(stdout);
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(lines.join(""));
  });

  it("ends quietly when the reader has gone away (EPIPE), as `lic check … | head -1` leaves it", async () => {
    const body = `await new Promise((resolve) => setTimeout(resolve, 200)); for (let i = 0; i < 100; i++) write("x".repeat(1000) + "\\n"); write("done\\n");`;
    const result = await child(body, async (stdout) => {
      (stdout as unknown as { destroy(): void }).destroy();
      return "";
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("makes no socket stream of a pipe (Node's net module and pipe binding stay unloaded)", async () => {
    const loaded =
      "process.moduleLoadList.filter((name) => /^(NativeModule net|Internal Binding pipe_wrap)$/.test(name))";
    const result = await child(`write("hello\\n"); write(JSON.stringify(${loaded}));`, readAll);
    expect(result.stdout).toBe("hello\n[]");
  });
});
