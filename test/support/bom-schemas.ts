import { readFileSync } from "node:fs";
import { Spec, Validation } from "@cyclonedx/cyclonedx-library";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

export type SchemaErrors = ErrorObject[] | null;

const CDX_VERSIONS = { "1.6": Spec.Version.v1dot6, "1.7": Spec.Version.v1dot7 } as const;

/**
 * The official CycloneDX schema of a version, as @cyclonedx/cyclonedx-library bundles it for its JsonStrictValidator.
 * That validator also loads `ajv-formats-draft2019`, which is not installed here (it throws
 * MissingOptionalDependencyError); this compiles the same schema files with the same ajv options it uses
 * (`src/_optPlug.node/__jsonValidators/ajv.ts`), the one format that package adds (`idn-email`) checked loosely, and,
 * as the library does, `iri-reference` accepted (no working implementation exists).
 */
export async function validateCycloneDx(document: string, version: "1.6" | "1.7"): Promise<SchemaErrors> {
  const strict = new Validation.JsonStrictValidator(CDX_VERSIONS[version]);
  try {
    const error = await strict.validate(document);
    return error === null ? null : (error as ErrorObject[]);
  } catch (error) {
    if (!(error instanceof Validation.MissingOptionalDependencyError)) throw error;
  }
  const validate = cdxValidators.get(version) ?? compileCycloneDx(version);
  cdxValidators.set(version, validate);
  return validate(JSON.parse(document)) ? null : (validate.errors ?? []);
}

const cdxValidators = new Map<string, ValidateFunction>();

/** The schemas the library ships (its `res/schema/`, which `_Resources.FILES` names but does not type). */
const CDX_SCHEMAS = new URL("../../node_modules/@cyclonedx/cyclonedx-library/res/schema/", import.meta.url);

function compileCycloneDx(version: "1.6" | "1.7"): ValidateFunction {
  const read = (file: string) => JSON.parse(readFileSync(new URL(file, CDX_SCHEMAS), "utf8")) as object;
  const ajv = new Ajv({
    useDefaults: false,
    strict: false,
    strictSchema: false,
    addUsedSchema: false,
    schemas: {
      "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json": read("spdx.SNAPSHOT.schema.json"),
      "http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json": read(
        "cryptography-defs.SNAPSHOT.schema.json",
      ),
      "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json": read("jsf-0.82.SNAPSHOT.schema.json"),
    },
  });
  addFormats.default(ajv);
  ajv.addFormat("idn-email", /^[^\s@]+@[^\s@]+$/u);
  ajv.addFormat("iri-reference", true);
  return ajv.compile(read(`bom-${version}.SNAPSHOT.schema.json`));
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
