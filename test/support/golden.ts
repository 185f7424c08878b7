import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

/** Where the goldens live: under __snapshots__, which the formatter leaves exactly as written. */
const GOLDEN = new URL("../report/__snapshots__/golden/", import.meta.url);

/**
 * `actual` compared byte for byte with the golden `name`. After a deliberate change, `UPDATE_GOLDENS=1 npx vitest run
 * test/report` writes them anew: read the diff before committing it. A missing golden fails, never passes.
 */
export function expectGolden(name: string, actual: string): void {
  const file = new URL(name, GOLDEN);
  if (process.env["UPDATE_GOLDENS"] === "1") writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`no golden ${name}: run with UPDATE_GOLDENS=1 to write it`);
  expect(actual).toBe(readFileSync(file, "utf8"));
}
