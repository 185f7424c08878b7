import type { DutyCheck } from "../dist-context.js";

/**
 * What is published is the folder itself: a symlink out of it would upload the file it points to (the Hub's
 * uploaders follow links), and lic neither reads nor fixes through it.
 */
export const folderContents: DutyCheck = (context) =>
  context.read.refused.map((refused) => ({
    kind: "folder-contents" as const,
    status: "missing" as const,
    license: null,
    clause: null,
    file: refused.path,
    reason: `${refused.reason}: not read; remove it or copy the file in`,
    fixable: false,
  }));
