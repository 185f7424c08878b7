import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { type DistFormat, renderDistReport } from "../../../src/report/dist/render-dist-report.js";
import { isBomFormat, REPORT_FORMATS } from "../../../src/report/report-formats.js";

const DIST_FORMATS = REPORT_FORMATS.filter((format): format is DistFormat => !isBomFormat(format));

import type { DistReport } from "../../../src/types/dist-report.js";
import { expectGolden } from "../../support/golden.js";

const LLAMA4 = {
  document: "LLAMA 4 COMMUNITY LICENSE AGREEMENT (April 5, 2025)",
  url: "https://github.com/meta-llama/llama-models/blob/a9c89c471f793423afd4cc3ca8671d6e56fe64cb/models/llama4/LICENSE",
};

/** A report as `lic dist` gives it for a Llama 4 fine-tune missing its NOTICE and prefix, with a --dry-run. */
function report(): DistReport {
  return {
    tool: { name: "lic", version: "0.1.0" },
    generatedAt: "2026-11-26T12:00:00.000Z",
    policy: { name: "default", digest: "sha256:0", chosenBy: "default", context: {} },
    target: { kind: "folder", path: "models/scout-support-bot" },
    name: { value: "scout-support-bot", from: "folder" },
    licenses: ["llama4"],
    parents: [
      {
        id: "meta-llama/Llama-4-Scout-17B-16E",
        sha: "4bd10c4dc905b4000d76640d07a552344146faec",
        relation: "finetune",
        depth: 1,
        licenses: ["llama4"],
        from: "card",
        unavailable: null,
      },
    ],
    verdict: "not-ready",
    duties: [
      { kind: "distribution-allowed", status: "met", license: null, clause: null, fixable: false },
      {
        kind: "license-copy",
        status: "met",
        license: "llama4",
        clause: { ...LLAMA4, section: "§1.b.i" },
        file: "LICENSE",
        fixable: false,
      },
      {
        kind: "notice-file",
        status: "missing",
        license: "llama4",
        clause: { ...LLAMA4, section: "§1.b.iii" },
        expected:
          "Llama 4 is licensed under the Llama 4 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.",
        fixable: true,
      },
      {
        kind: "name-prefix",
        status: "missing",
        license: "llama4",
        clause: { ...LLAMA4, section: "§1.b.i, last sentence" },
        expected: "Llama",
        found: "scout|support<bot>",
        fixable: false,
      },
      {
        kind: "retain-notices",
        status: "review",
        license: "apache-2.0",
        clause: null,
        reason: "keep the notices",
        fixable: false,
      },
    ],
    read: { files: 3, weights: [], refused: [], bytesRead: 13657 },
    fixes: {
      dryRun: true,
      applied: [
        {
          path: "NOTICE",
          action: "create",
          diff: "--- /dev/null\n+++ b/NOTICE\n@@ -0,0 +1,1 @@\n+Llama 4 is licensed …\n",
        },
      ],
      skipped: [],
    },
  };
}

describe("lic dist renderers", () => {
  it.each(DIST_FORMATS)("%s", (format) => {
    const rendered = renderDistReport(format, report());
    const extension = {
      text: "txt",
      json: "json",
      markdown: "md",
      html: "html",
      sarif: "sarif",
      junit: "xml",
      github: "txt",
      summary: "txt",
    }[format];
    expectGolden(`dist-report.${format}.${extension}`, rendered.output);
  });

  it("sarif: a valid SARIF 2.1.0 log, a result per duty not met", () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(
      readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"),
    ) as object;
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(renderDistReport("sarif", report()).output);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual([
      "notice-file",
      "name-prefix",
      "retain-notices",
    ]);
  });

  it("junit: well-formed XML, a failure per missing duty, markup in the model's words escaped", () => {
    const xml = renderDistReport("junit", report()).output;
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(parsed.testsuites["@_failures"]).toBe("2");
    expect(xml).not.toContain("support<bot>");
  });

  it("github: an error annotation per missing duty, the Markdown as the job summary", () => {
    const rendered = renderDistReport("github", report());
    expect(rendered.output.split("\n").filter((line) => line.startsWith("::error"))).toHaveLength(2);
    expect(rendered.stepSummary).toContain("| MISSING |");
  });
});
