import type { JsonObject } from "../../src/types/snapshot.js";
import type { FakeModel } from "./fake-hub.js";
import { fixtureText, hubApiFixture, readmeFor } from "./fixtures.js";

/** rajpurkar/squad: cc-by-sa-4.0 as a string, `source_datasets: [extended|wikipedia]`; once the legacy id `squad`. */
export function squadDataset(): FakeModel {
  const info = hubApiFixture("datasets/rajpurkar__squad");
  return { info, files: { "README.md": readmeFor(info, "\n# Dataset Card for SQuAD\n") } };
}

/** wikimedia/wikipedia: `license: [cc-by-sa-3.0, gfdl]`, a list. */
export function wikipediaDataset(): FakeModel {
  const info = hubApiFixture("datasets/wikimedia__wikipedia");
  return { info, files: { "README.md": readmeFor(info, "\n# Dataset Card for Wikimedia Wikipedia\n") } };
}

/** bigcode/the-stack: gated (auto); metadata public, README and LICENSE need a granted token. */
export function gatedStackDataset(): FakeModel {
  const info = hubApiFixture("datasets/bigcode__the-stack");
  return {
    info,
    gatedFiles: true,
    files: {
      "README.md": readmeFor(info, "\n# Dataset Card for The Stack\n"),
      LICENSE: fixtureText("license-texts/apache-2.0.txt"),
    },
  };
}

export const SQUAD_RENAMES = { squad: "rajpurkar/squad" };

/** A dataset as the Hub serves it (the /api/datasets shape: siblings, cardData, tags), with the card data given. */
export function dataset(
  id: string,
  cardData: JsonObject,
  options: { tags?: string[]; body?: string; gated?: false | "auto" | "manual" } = {},
): FakeModel {
  const shaSeed = [...`dataset:${id}`].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7).toString(16);
  const info: JsonObject = {
    _id: id,
    id,
    author: id.split("/")[0] ?? id,
    sha: shaSeed.padStart(40, "0").slice(-40),
    private: false,
    gated: options.gated ?? false,
    disabled: false,
    downloads: 0,
    likes: 0,
    lastModified: "2025-01-01T00:00:00.000Z",
    tags: options.tags ?? [],
    cardData,
    siblings: [{ rfilename: ".gitattributes" }, { rfilename: "README.md" }],
  };
  return { info, files: { "README.md": readmeFor(info, options.body ?? "\n# Dataset card\n") } };
}
