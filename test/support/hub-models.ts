import type { JsonObject } from "../../src/types/snapshot.js";
import type { FakeModel } from "./fake-hub.js";
import { fixtureText, hubApiFixture, readmeFor } from "./fixtures.js";

/** google-bert/bert-base-uncased: apache-2.0 in card and tag, ships LICENSE; renamed from `bert-base-uncased`. */
export function bertModel(): FakeModel {
  const info = hubApiFixture("google-bert__bert-base-uncased");
  return { info, files: { "README.md": readmeFor(info), LICENSE: fixtureText("license-texts/apache-2.0.txt") } };
}

/** meta-llama/Meta-Llama-3-8B-Instruct: gated (manual); metadata public, files need a granted token. */
export function gatedLlamaModel(): FakeModel {
  const info = hubApiFixture("meta-llama__Meta-Llama-3-8B-Instruct");
  return {
    info,
    gatedFiles: true,
    files: {
      "README.md": readmeFor(info),
      LICENSE: fixtureText("license-texts/llama3.txt"),
      "USE_POLICY.md": fixtureText("license-texts/llama3-aup.txt"),
    },
  };
}

/** dbmdz/bert-large-cased-finetuned-conll03-english: a popular model with no license at all. */
export function unlicensedModel(): FakeModel {
  return { info: hubApiFixture("dbmdz__bert-large-cased-finetuned-conll03-english"), files: {} };
}

export const BERT_RENAMES = { "bert-base-uncased": "google-bert/bert-base-uncased" };

/** A model as the Hub serves it, with the card data, tags and files given; its sha derived from its id. */
export function fakeModel(
  id: string,
  cardData: JsonObject,
  tags: string[] = [],
  files: Record<string, string> = {},
): FakeModel {
  const shaSeed = [...id].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7).toString(16);
  const info: JsonObject = {
    _id: id,
    id,
    sha: shaSeed.padStart(40, "0").slice(-40),
    tags,
    cardData,
    siblings: Object.keys(files).map((rfilename) => ({ rfilename })),
  };
  return { info, files };
}
