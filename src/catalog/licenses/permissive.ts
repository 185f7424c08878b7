import type { CatalogEntry, Source } from "../types.js";

/**
 * Apache-2.0 and MIT, the standard licenses most open-weight models use. Checked against
 * test/fixtures/license-texts/apache-2.0.txt and mit.txt (spdx-license-list 6.12.0, SPDX License List 3.28.0).
 * Apache-2.0's section numbers are its own; MIT's paragraphs are unnumbered.
 */

const APACHE_URL = "https://www.apache.org/licenses/LICENSE-2.0";
const MIT_URL = "https://opensource.org/license/mit/";

const apache = (section: string, quote?: string): Source => ({
  document: "Apache License, Version 2.0 (January 2004)",
  section,
  url: APACHE_URL,
  ...(quote ? { quote } : {}),
});
const mit = (section: string, quote?: string): Source => ({
  document: "MIT License",
  section,
  url: MIT_URL,
  ...(quote ? { quote } : {}),
});

export const permissiveLicenses: CatalogEntry[] = [
  {
    key: "apache-2.0",
    name: "Apache license 2.0",
    kind: "license",
    spdx: "Apache-2.0",
    hubIds: ["apache-2.0"],
    licenseNames: ["apache-2.0", "apache-license-2.0", "apache-license-version-2.0"],
    url: APACHE_URL,
    osi: { approved: true },
    terms: {
      commercialUse: { kind: "allowed", source: apache("§2 Grant of Copyright License") },
      geographic: [],
      useRestrictions: null,
      obligations: [
        {
          kind: "include-license-copy",
          when: "distributing",
          source: apache(
            "§4(a)",
            "You must give any other recipients of the Work or Derivative Works a copy of this License",
          ),
        },
        {
          kind: "mark-modifications",
          when: "distributing-derivatives",
          source: apache(
            "§4(b)",
            "You must cause any modified files to carry prominent notices stating that You changed the files",
          ),
        },
        {
          kind: "retain-notices",
          when: "distributing-derivatives",
          source: apache(
            "§4(c)",
            "You must retain, in the Source form of any Derivative Works that You distribute, all copyright, patent, trademark, and attribution notices from the Source form of the Work",
          ),
        },
        // No fixed text: the attribution notices of the Work's own NOTICE file, where it has one, travel on.
        { kind: "notice-file", when: "distributing-derivatives", source: apache("§4(d)") },
      ],
      outputs: {
        training: "not-addressed",
        detail: "The license does not mention model outputs and places no restriction on them.",
        source: apache("§2 Grant of Copyright License"),
      },
      termination: [
        {
          kind: "ip-litigation",
          automatic: true,
          detail:
            "Patent licenses only (not the copyright license) end as of the date you file patent litigation alleging that the Work or a Contribution infringes.",
          source: apache(
            "§3 Grant of Patent License",
            "If You institute patent litigation against any entity (including a cross-claim or counterclaim in a lawsuit) alleging that the Work or a Contribution incorporated within the Work constitutes direct or contributory patent infringement, then any patent licenses granted to You under this License for that Work shall terminate as of the date such litigation is filed.",
          ),
        },
      ],
      governingLaw: null,
    },
  },
  {
    key: "mit",
    name: "MIT",
    kind: "license",
    spdx: "MIT",
    hubIds: ["mit"],
    licenseNames: ["mit", "mit-license"],
    url: MIT_URL,
    osi: { approved: true },
    terms: {
      commercialUse: {
        kind: "allowed",
        source: mit(
          "grant paragraph",
          "to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software",
        ),
      },
      geographic: [],
      useRestrictions: null,
      // One sentence asks for both: the copyright notice (kept as it is) and the permission notice (the license).
      obligations: [
        {
          kind: "include-license-copy",
          when: "distributing",
          source: mit(
            "condition paragraph",
            "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.",
          ),
        },
        {
          kind: "retain-notices",
          when: "distributing",
          source: mit(
            "condition paragraph",
            "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.",
          ),
        },
      ],
      outputs: {
        training: "not-addressed",
        detail: "The license does not mention model outputs and places no restriction on them.",
        source: mit("grant paragraph"),
      },
      termination: [],
      governingLaw: null,
    },
  },
];
