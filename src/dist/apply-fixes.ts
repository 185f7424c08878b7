import { lstat, writeFile } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import type { FilePlan } from "../evaluate/dist/plan-fixes.js";
import type { FixApplied, FixSkipped } from "../types/dist-report.js";
import { unifiedDiff } from "../util/unified-diff.js";

export interface ApplyOptions {
  /** Print the diffs, write nothing. */
  dryRun: boolean;
  /** Replace a file whose text a fix changes (an edited license copy) or that exists though lic did not read it. */
  force: boolean;
}

/**
 * Writes the planned fixes inside the folder, and nowhere else: a path that resolves outside it, or through a
 * symlink, is refused; a file created is created exclusively (never over one that appeared meanwhile); a file
 * whose size is not what lic read (changed since, or larger than it reads) is left alone.
 */
export async function applyFixes(
  root: string,
  plans: FilePlan[],
  options: ApplyOptions,
): Promise<{ applied: FixApplied[]; skipped: FixSkipped[] }> {
  const base = resolve(root);
  const applied: FixApplied[] = [];
  const skipped: FixSkipped[] = [];
  for (const plan of plans) {
    const target = resolve(join(base, ...plan.path.split("/")));
    const skip = (reason: string) => skipped.push({ duty: dutyOf(plan.path), path: plan.path, reason });
    if (!target.startsWith(base + sep)) {
      skip("the path is outside the folder; not written");
      continue;
    }
    const existing = await lstat(target).catch(() => null);
    if (existing?.isSymbolicLink()) {
      skip("a symlink; lic does not write through links");
      continue;
    }
    if (existing && plan.before === null && !options.force) {
      skip("exists, and lic did not read it; not overwritten (--force replaces it)");
      continue;
    }
    if (existing && plan.replaces && !options.force) {
      skip("exists with other text; not overwritten (--force replaces it)");
      continue;
    }
    if (existing && plan.before !== null && existing.size !== Buffer.byteLength(plan.before) && !options.force) {
      skip("changed since lic read it, or larger than lic reads; not written");
      continue;
    }
    const action = existing ? "update" : "create";
    applied.push({ path: plan.path, action, diff: unifiedDiff(plan.path, existing ? plan.before : null, plan.after) });
    if (options.dryRun) continue;
    await writeFile(target, plan.after, { flag: existing ? "w" : "wx" });
  }
  return { applied, skipped };
}

/** Which duty a file's fix meets, for the skipped list: by the file lic writes for it. */
function dutyOf(path: string): FixSkipped["duty"] {
  if (/^LICENSE/.test(path)) return "license-copy";
  if (/notice/i.test(path)) return "notice-file";
  return "card-license";
}
