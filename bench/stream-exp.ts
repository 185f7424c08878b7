import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

import { execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const LIC = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
function start(args: string[], ready: RegExp, stream: "stdout" | "stderr", node: string[] = []) {
  const child = spawn(process.execPath, [...node, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, HF_TOKEN: "" },
  });
  let gcs = 0;
  let gcms = 0;
  let tail = "";
  child.stdout.on("data", (c: Buffer) => {
    tail += String(c);
    const lines = tail.split("\n");
    tail = lines.pop()!;
    for (const l of lines) {
      const m = /(Mark-Compact|Scavenge|Mark-sweep)[^,]*, ([\d.]+) \/ ([\d.]+) ms/.exec(l);
      if (m) {
        gcs++;
        gcms += Number(m[2]);
        if (process.env.SHOWGC && m[1] !== "Scavenge") console.log(l.slice(0, 160));
      }
    }
  });
  return new Promise<{ child: any; url: string; gc: () => string }>((res) => {
    let s = "";
    child[stream].on("data", (c: Buffer) => {
      s += c;
      const m = ready.exec(s);
      if (m)
        res({
          child,
          url: m[1]!,
          gc: () => {
            const r = `${gcs} MC ${gcms.toFixed(0)}ms`;
            gcs = 0;
            gcms = 0;
            return r;
          },
        });
    });
  });
}
async function curl(url: string) {
  const { stdout } = await run("curl", [
    "-sS",
    "-f",
    "-L",
    "-o",
    "/dev/null",
    "-w",
    "%{size_download} %{time_total}",
    url,
  ]);
  const [b, s] = stdout.trim().split(" ").map(Number);
  return b! / s! / 1e6;
}
const up = await start(
  ["--import", "tsx", fileURLToPath(new URL("./gate-upstream.ts", import.meta.url))],
  /^(http:\S+)/m,
  "stdout",
);
const flags = (process.env.GATEFLAGS ?? "--trace-gc").split(" ").filter(Boolean);
const gate = await start(
  [LIC, "gate", "--upstream", up.url, "--listen", "127.0.0.1:0", "--no-cache", "--audit-log", "/dev/null"],
  /listening on (http:\/\/\S+?),/,
  "stderr",
  flags,
);
const relay = await start(
  ["--import", "tsx", fileURLToPath(new URL("./gate-relay.ts", import.meta.url)), up.url],
  /^(http:\S+)/m,
  "stdout",
);
const w = (b: string, n: number) => `${b}/bench/model/resolve/main/weights-${n}.bin`;
await curl(w(gate.url, 1 << 20));
await curl(w(relay.url, 1 << 20));
gate.gc();
const cpu = (pid: number) => {
  const f = require("node:fs").readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
};
const round = async (label: string) => {
  const c0 = cpu(gate.child.pid),
    r0 = cpu(relay.child.pid);
  const g: number[] = [],
    r: number[] = [];
  for (let i = 0; i < 3; i++) {
    r.push(await curl(w(relay.url, 1 << 30)));
    g.push(await curl(w(gate.url, 1 << 30)));
  }
  console.log(
    label,
    "relay",
    r.map((x) => x.toFixed(0)).join(","),
    "gate",
    g.map((x) => x.toFixed(0)).join(","),
    "ratio best",
    (Math.max(...g) / Math.max(...r)).toFixed(2),
    gate.gc(),
    "cpu gate",
    (cpu(gate.child.pid) - c0).toFixed(2),
    "relay",
    (cpu(relay.child.pid) - r0).toFixed(2),
  );
};
await round("fresh");
await new Promise((r) => setTimeout(r, Number(process.env.IDLE ?? 45) * 1000));
await round("after idle");
gate.child.kill("SIGINT");
await new Promise((r) => setTimeout(r, 2000));
relay.child.kill();
up.child.kill();
