// Part of `npm run build`: the matcher's reference data is read at run time from beside its module, so dist/
// needs the JSON that tsc does not copy (it is loaded lazily, not imported); and the bin must be executable.
import { chmodSync, cpSync } from "node:fs";

cpSync(
  new URL("../src/identify/matcher/data", import.meta.url),
  new URL("../dist/identify/matcher/data", import.meta.url),
  { recursive: true },
);

// tsc writes files without the executable bit; `npx lic` runs the bin file itself.
chmodSync(new URL("../dist/cli/main.js", import.meta.url), 0o755);
