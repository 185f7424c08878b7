// Part of `npm run build`: the matcher's reference data is read at run time from beside its module, so dist/
// needs the JSON that tsc does not copy (it is loaded lazily, not imported).
import { cpSync } from "node:fs";

cpSync(new URL("../src/license/data", import.meta.url), new URL("../dist/license/data", import.meta.url), { recursive: true });
