import { BomFormatError, readBom } from "../bom/read-bom.js";
import type { ModelRef } from "../types/repo-ref.js";
import type { ModelError } from "../types/result.js";
import { readCappedFile, whyUnread } from "./read-capped-file.js";
import { UsageError } from "./usage-error.js";

/** A BOM for thousands of components is a few MB; far beyond that it is not one to read whole. */
const MAX_BOM_BYTES = 64 * 1024 * 1024;

/** What `lic check --bom FILE` checks, and what it reports it could not. */
export interface BomRun {
  refs: ModelRef[];
  /** One per entry that could not be mapped: in the report's errors, and on stderr. */
  errors: ModelError[];
  /** How many entries name nothing on the Hub: said once, as a notice. */
  notice: string | null;
}

/** Reads FILE (exit 2 when it cannot be read or is not a BOM, naming the file and what is wrong). */
export function readBomFile(
  file: string,
  named: string[],
  flags: { scan?: unknown; locked?: unknown; revision?: string },
): BomRun {
  if (named.length > 0)
    throw new UsageError(`--bom checks the models ${file} lists: do not name models too (${named[0]}…)`);
  if (flags.scan !== undefined || flags.locked !== undefined)
    throw new UsageError("--bom names the models to check: give it without --scan or --locked");
  if (flags.revision !== undefined)
    throw new UsageError(`--revision does not apply to --bom: ${file} names each revision`);
  const read = readCappedFile(file, MAX_BOM_BYTES);
  if (!read.ok)
    throw new UsageError(
      `--bom ${file} ${whyUnread(read, MAX_BOM_BYTES)}: give a CycloneDX JSON or SPDX 3.0 JSON-LD file`,
    );
  let bom: ReturnType<typeof readBom>;
  try {
    bom = readBom(read.text);
  } catch (error) {
    if (error instanceof BomFormatError) throw new UsageError(`--bom ${file} ${error.message}`);
    throw error;
  }
  const errors: ModelError[] = bom.unmapped.map((entry) => ({
    model: entry.value,
    revision: null,
    kind: "bom-unmapped",
    message: `${file} ${entry.where}: ${entry.value} not checked: ${entry.reason}`,
  }));
  const { refs } = bom;
  if (refs.length === 0 && errors.length === 0)
    throw new UsageError(
      `--bom ${file} lists no Hugging Face model or dataset (by pkg:huggingface/ purl, Hub URL or Hub id)`,
    );
  return {
    refs,
    errors,
    notice:
      bom.ignored > 0
        ? `lic: ${file}: ${bom.ignored} ${bom.ignored === 1 ? "entry names" : "entries name"} nothing on the Hub: not checked\n`
        : null,
  };
}
