// The floor for `lic check` of many models: a minimal script making the same HTTP requests (paths from the fake
// Hub's log of lic's run) with the same concurrency over keep-alive, reading every body, and nothing else. The
// startup benchmark runs it as its own process, so the figure says what lic adds over the network work itself.
// Its client is node:http (the least a Node process spends on a request, and what lic sends through) or fetch
// (`fetch` as the fourth argument), which spends some 250 ms more on 300 requests here.
import { readFileSync } from "node:fs";
import { Agent, get } from "node:http";

const [base, pathsFile, concurrency, client = "http"] = process.argv.slice(2);
const paths = JSON.parse(readFileSync(pathsFile, "utf8"));
const agent = new Agent({ keepAlive: true, maxSockets: Number(concurrency) });

function viaHttp(url) {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve(Buffer.concat(chunks)));
      response.on("error", reject);
    }).on("error", reject);
  });
}

async function viaFetch(url) {
  const response = await fetch(url, { redirect: "manual" });
  return Buffer.from(await response.arrayBuffer());
}

const request = client === "fetch" ? viaFetch : viaHttp;
let next = 0;
async function worker() {
  while (next < paths.length) await request(`${base}${paths[next++]}`);
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
agent.destroy();
