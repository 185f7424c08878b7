/** `npm run bench`: every benchmark, figures beside their goals. */
import { benchCheck } from "./check.js";
import { benchLineage } from "./lineage.js";
import { benchMatcher } from "./matcher.js";

await benchCheck();
console.log();
await benchLineage();
console.log();
await benchMatcher();
