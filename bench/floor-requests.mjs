// The floor for `lic check` of many models: a minimal script making the same HTTP requests (paths from the fake
// Hub's log of lic's run) with the same concurrency over keep-alive, reading every body, and nothing else. The
// startup benchmark runs it as its own process, so the figure says what lic adds over the network work itself.
import { readFileSync } from "node:fs";

const [base, pathsFile, concurrency] = process.argv.slice(2);
const paths = JSON.parse(readFileSync(pathsFile, "utf8"));
let next = 0;
async function worker() {
  while (next < paths.length) {
    const path = paths[next++];
    const response = await fetch(`${base}${path}`, { redirect: "manual" });
    await response.arrayBuffer();
  }
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
