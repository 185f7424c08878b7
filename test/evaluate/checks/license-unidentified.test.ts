import { testCheck } from "../../support/check-table.js";
import { fixtureText, hubApiFixture } from "../../support/fixtures.js";
import { snapshotOf, snapshotWith } from "../../support/snapshots.js";

/** `license: other`, no `license_name`, and one shipped file (the shape of facebook/sam3 and TheBloke's quants). */
const otherWith = (file: { path: string; role: "license" | "license-link"; text: string }, link?: string) =>
  snapshotOf(
    {
      id: "org/model",
      sha: "a".repeat(40),
      tags: ["license:other"],
      cardData: { license: "other", ...(link ? { license_link: link } : {}) },
    },
    [file],
  );
const MIT = fixtureText("license-texts/mit.txt");
const APACHE = fixtureText("license-texts/apache-2.0.txt");
// Meta's own gate prompt (the Llama 3 license and use policy), recorded from the Hub, under `license: other`.
const llama3 = hubApiFixture("meta-llama__Meta-Llama-3-8B-Instruct");
const llama3Other = snapshotOf({
  ...llama3,
  cardData: { ...(llama3["cardData"] as object), license: "other" },
  tags: ["license:other"],
});

testCheck("license-unidentified", {
  valid: [
    { name: "a declared license", snapshot: snapshotWith({ license: "mit" }) },
    { name: "other with a name", snapshot: snapshotWith({ license: "other", license_name: "acme-weights-license" }) },
    { name: "nothing declared (license-missing's)", snapshot: snapshotWith(null) },
    {
      name: "other, no license_name, a LICENSE that is MIT (under osi)",
      snapshot: otherWith({ path: "LICENSE", role: "license", text: MIT }),
      policy: "extends: osi\n",
    },
    {
      name: "other, no license_name, a LICENSE that is Apache 2.0",
      snapshot: otherWith({ path: "LICENSE", role: "license", text: APACHE }),
    },
    {
      name: "other, license_link to a file that is Apache 2.0",
      snapshot: otherWith({ path: "LICENSE.txt", role: "license-link", text: APACHE }, "LICENSE.txt"),
    },
    { name: "other, a gate prompt that is the Llama 3 license", snapshot: llama3Other },
  ],
  invalid: [
    {
      name: "other, no license_name, a LICENSE nothing identifies",
      snapshot: otherWith({
        path: "LICENSE",
        role: "license",
        text: "Copyright (c) 2024 Acme Labs. All rights reserved.\n\nThe weights may be used for evaluation only. Contact us for any other use.\n",
      }),
      findings: [{ severity: "error", args: { declared: ["other"] } }],
    },
    {
      name: "other without a name",
      snapshot: snapshotWith({ license: "other" }),
      findings: [{ severity: "error", args: { declared: ["other"] }, subject: null, rule: { path: "unknownLicense" } }],
    },
    {
      name: "beside an identified license, under the default policy",
      snapshot: snapshotWith({ license: ["mit", "other"] }),
      findings: [{ severity: "error" }],
    },
    {
      name: "alone, without an outcome: an error",
      snapshot: snapshotWith({ license: "unknown" }),
      policy: "name: bare\n",
      findings: [{ severity: "error", args: { declared: ["unknown"] } }],
    },
    {
      name: "beside an identified license, without an outcome: a warning",
      snapshot: snapshotWith({ license: ["mit", "other"] }),
      policy: "name: bare\n",
      findings: [{ severity: "warning" }],
    },
    {
      name: "unknownLicense: warn",
      snapshot: snapshotWith({ license: "other" }),
      policy: "unknownLicense: warn\n",
      findings: [{ severity: "warning" }],
    },
  ],
});
