import { type ChildProcess, spawn } from "node:child_process";
import { connect, createServer } from "node:net";
import { afterAll, beforeAll } from "vitest";

/** A real redis-server on 127.0.0.1, one per test file; stop and start it again to test outages. */
export interface TestRedis {
  url: string;
  /** Kills the server (SIGKILL: a crash, not a shutdown). */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Empties it between tests. */
  flush(): Promise<void>;
}

/** Starts redis-server before the file's tests and stops it after; a server that cannot start fails the file. */
export function useRedis(): () => TestRedis {
  let redis: TestRedis | null = null;
  let child: ChildProcess | null = null;
  beforeAll(async () => {
    const port = await freePort();
    // Once running, start again is nothing: a second server on the port would fail to bind and exit, yet PING would
    // be answered by the first, which this would then lose track of and leave running after the tests.
    const start = async () => {
      if (child && child.exitCode === null) return;
      child = await startRedisServer(port);
    };
    await start();
    redis = {
      url: `redis://127.0.0.1:${port}`,
      kill: async () => {
        const running = child;
        child = null;
        if (running && running.exitCode === null) {
          const exited = new Promise((resolve) => running.once("exit", resolve));
          running.kill("SIGKILL");
          await exited;
        }
      },
      start,
      flush: async () => {
        await command(port, "FLUSHALL");
      },
    };
  }, 15_000);
  afterAll(async () => redis?.kill());
  return () => {
    if (!redis) throw new Error("useRedis: the Redis server did not start (see the beforeAll failure)");
    return redis;
  };
}

export async function startRedisServer(port: number): Promise<ChildProcess> {
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const failed = new Promise<never>((_, reject) => {
    child.once("error", (error) =>
      reject(
        new Error(`redis-server could not be started (${error.message}); install it: apt-get install redis-server`),
      ),
    );
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}) before answering PING:\n${output}`)));
  });
  failed.catch(() => {});
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const answer = await Promise.race([command(port, "PING").catch(() => ""), failed]);
    if (answer.startsWith("+PONG")) return child;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s:\n${output}`);
}

/** One inline command, its first reply line: enough for PING and FLUSHALL without a client. */
function command(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("error", reject);
    socket.once("connect", () => socket.write(`${text}\r\n`));
    socket.once("data", (chunk) => {
      socket.destroy();
      resolve(chunk.toString());
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
