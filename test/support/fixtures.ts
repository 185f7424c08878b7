import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import type { JsonObject } from "../../src/types/snapshot.js";

const root = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** A recorded `GET /api/models/{id}` body (test/fixtures/hub-api, sources in test/fixtures/SOURCES.tsv). */
export function hubApiFixture(name: string): JsonObject {
  return JSON.parse(readFileSync(`${root}hub-api/${name}.json`, "utf8")) as JsonObject;
}

export function fixtureText(path: string): string {
  return readFileSync(`${root}${path}`, "utf8");
}

/** A README whose front matter is the recorded `cardData`, as the Hub derives one from the other. */
export function readmeFor(info: JsonObject, body = "\n# Model card\n"): string {
  const cardData = info["cardData"];
  if (!cardData) return body;
  return `---\n${stringify(cardData)}---\n${body}`;
}
