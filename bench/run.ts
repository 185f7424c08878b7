/** `npm run bench`: every benchmark, figures beside their goals. `npm run bench -- gate` runs the ones named. */
import { benchCheck } from "./check.js";
import { benchDist } from "./dist.js";
import { benchGate } from "./gate.js";
import { benchHostile } from "./hostile.js";
import { benchLineage } from "./lineage.js";
import { benchMatcher } from "./matcher.js";
import { benchReplicas } from "./replicas.js";
import { benchScan } from "./scan.js";
import { benchStartup } from "./startup.js";

/**
 * In the order they run. startup times cold runs that create hundreds of cache files, before scan removes its tree
 * of 10,000: on this VM's ext4 (mounted with discard) creating files in the seconds after such a removal is several
 * times slower, and 100 cold models took 660 ms after scan against 520 before it.
 */
const benches: Record<string, () => Promise<void>> = {
  check: benchCheck,
  startup: benchStartup,
  lineage: benchLineage,
  matcher: benchMatcher,
  gate: benchGate,
  hostile: benchHostile,
  scan: benchScan,
  replicas: benchReplicas,
  dist: benchDist,
};
const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`bench: no benchmark named ${unknown.join(", ")}; choose from ${Object.keys(benches).join(", ")}`);
  process.exit(2);
}
let first = true;
for (const [name, bench] of Object.entries(benches)) {
  if (names.length > 0 && !names.includes(name)) continue;
  if (!first) console.log();
  first = false;
  await bench();
}
