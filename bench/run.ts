/** `npm run bench`: every benchmark, figures beside their goals. */
import { benchCheck } from "./check.js";
import { benchMatcher } from "./matcher.js";

await benchCheck();
console.log();
await benchMatcher();
