import { createRequire } from "node:module";
import { once } from "../util/once.js";

/**
 * node:fs/promises, loaded with its first use: a warm check writes nothing, and loading it (with the readline
 * modules it pulls in) took 1 to 2.5 ms of a 50 ms run. Required, not import()ed: the bin runs the bundle as a
 * script, which has no module loader for import().
 */
const load = createRequire(import.meta.url);
export const fsPromises = once(() => load("node:fs/promises") as typeof import("node:fs/promises"));
