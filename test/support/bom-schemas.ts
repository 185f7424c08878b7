import { readFileSync } from "node:fs";
import { Spec, Validation } from "@cyclonedx/cyclonedx-library";
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

export type SchemaErrors = ErrorObject[] | null;

const CDX_VERSIONS = { "1.6": Spec.Version.v1dot6, "1.7": Spec.Version.v1dot7 } as const;

/**
 * The official CycloneDX schema of a version, through @cyclonedx/cyclonedx-library's JsonStrictValidator (ajv 8 with
 * ajv-formats and ajv-formats-draft2019, dev dependencies for it): the validator the CycloneDX project ships.
 */
export async function validateCycloneDx(document: string, version: "1.6" | "1.7"): Promise<SchemaErrors> {
  const error = await new Validation.JsonStrictValidator(CDX_VERSIONS[version]).validate(document);
  return error === null ? null : (error as ErrorObject[]);
}

let spdxValidator: ValidateFunction | null = null;

/** The SPDX 3.0.1 JSON schema vendored in test/fixtures/spdx/ (its README names the source), JSON Schema 2020-12. */
export function validateSpdx(document: string): SchemaErrors {
  if (!spdxValidator) {
    const ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats.default(ajv);
    const schema = JSON.parse(readFileSync(new URL("../fixtures/spdx/schema.json", import.meta.url), "utf8"));
    spdxValidator = ajv.compile(schema);
  }
  return spdxValidator(JSON.parse(document)) ? null : (spdxValidator.errors ?? []);
}
