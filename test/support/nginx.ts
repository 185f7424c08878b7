import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { connect, createServer, type Socket } from "node:net";
import { join } from "node:path";

/** The configuration shipped to users; the tests run nginx on it, not on a copy of their own. */
export const SHIPPED_CONF = join(import.meta.dirname, "..", "..", "deploy", "nginx", "lic-gate.conf");

export interface RunningNginx {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** A free port on 127.0.0.1 (nginx is told its port; it cannot report one it picked). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The shipped server block, with the gate's address and the listening port put in, and `extra` (locations) added
 * at the end of the server block. Each replaced line must be there: a test of a conf that lost them would prove
 * nothing about the shipped one.
 */
export function shippedConfFor(gateHostPort: string, port: number, extra = ""): string {
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`${SHIPPED_CONF} no longer has ${from}; update test/support/nginx.ts`);
    return text.replace(from, to);
  };
  let conf = readFileSync(SHIPPED_CONF, "utf8");
  conf = replace(conf, /^(\s*server )127\.0\.0\.1:8080;/m, `$1${gateHostPort};`);
  conf = replace(conf, /^(\s*)listen 80;/m, `$1listen 127.0.0.1:${port};`);
  return replace(conf, /\n}\s*$/, `\n${extra}\n}\n`);
}

/** The file nginx is started on: its own prefix, logs and temporary paths in `dir`, then the server block. */
function mainConf(dir: string): string {
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `    ${kind}_temp_path ${join(dir, `${kind}-temp`)};`)
    .join("\n");
  return `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 2;
error_log ${join(dir, "error.log")} info;
events { worker_connections 1024; }
http {
    access_log ${join(dir, "access.log")};
${temp}
    include ${join(dir, "lic-gate.conf")};
}
`;
}

/** What a server has written to all its connections so far: the bytes it copied, if it copied any. */
export function countBytesWritten(server: Server): () => number {
  const sockets: Socket[] = [];
  server.on("connection", (socket: Socket) => sockets.push(socket));
  return () => sockets.reduce((sum, socket) => sum + socket.bytesWritten, 0);
}

/**
 * A gate (`--offload nginx`, its public URL nginx's) behind nginx on the shipped conf, and the bytes the gate
 * wrote. `startGate` and `startNginx` are the test's own, so both are stopped after it.
 */
export async function gateBehindNginx<Gate extends { url: string; server: Server }>(
  startGate: (publicUrl: string) => Promise<Gate>,
  startNginx: (dir: string, serverBlock: string, port: number) => Promise<RunningNginx>,
  dir: string,
): Promise<{ gate: Gate; nginx: RunningNginx; gateBytesWritten: () => number }> {
  const port = await freePort();
  const gate = await startGate(`http://127.0.0.1:${port}`);
  const gateBytesWritten = countBytesWritten(gate.server);
  const nginx = await startNginx(dir, shippedConfFor(new URL(gate.url).host, port), port);
  return { gate, nginx, gateBytesWritten };
}

/** Starts nginx on `serverBlock` in `dir` and waits until it accepts connections; fails with its error log if not. */
export async function startNginx(dir: string, serverBlock: string, port: number): Promise<RunningNginx> {
  const nginx = nginxBinary();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "lic-gate.conf"), serverBlock);
  writeFileSync(join(dir, "nginx.conf"), mainConf(dir));
  const checked = spawnSync(nginx, ["-t", "-p", dir, "-c", join(dir, "nginx.conf"), "-g", globals(dir)], {
    encoding: "utf8",
  });
  if (checked.status !== 0) throw new Error(`nginx rejects the configuration: ${checked.stderr}`);
  const child = spawn(nginx, ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", globals(dir)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await untilListening(child, port, () => `${stderr}${readLog(join(dir, "error.log"))}`);
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    stop: () => stop(child),
  };
}

/**
 * nginx per test, stopped after it. Tests hand in vitest's `afterEach`: this module is also the benchmark's, which
 * runs outside vitest (whose module cannot be loaded there).
 */
export function useNginx(
  afterEach: (stop: () => Promise<void>) => void,
): (dir: string, serverBlock: string, port: number) => Promise<RunningNginx> {
  const started: RunningNginx[] = [];
  afterEach(async () => {
    for (const nginx of started.splice(0)) await nginx.stop();
  });
  return async (dir, serverBlock, port) => {
    const nginx = await startNginx(dir, serverBlock, port);
    started.push(nginx);
    return nginx;
  };
}

function nginxBinary(): string {
  const found = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (!found)
    throw new Error(
      "nginx is not installed: apt-get install -y nginx (.ci/run does it) to run the offload tests against a real nginx",
    );
  return found;
}

function globals(dir: string): string {
  return `daemon off; pid ${join(dir, "nginx.pid")};`;
}

async function untilListening(child: ChildProcess, port: number, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode} at start: ${log()}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within 10 s: ${log()}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function readLog(path: string): string {
  return existsSync(path) ? readFileSync(path, "utf8") : "";
}

/** SIGQUIT: nginx's graceful stop; SIGKILL if it lingers. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGQUIT");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}
