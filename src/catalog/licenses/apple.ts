import type { CatalogEntry, Source } from "../types.js";

/**
 * Apple's Sample Code License (ASCL) and Apple Machine Learning Research Model License (AMLR).
 * Checked against apple/ml-depth-pro@9efe5c1d:LICENSE (ASCL) and apple/ml-mobileclip@4144bb1f:LICENSE_MODELS (AMLR);
 * copies in test/fixtures/license-texts/. Neither text numbers its paragraphs: sections are named by the ASCL's
 * sentence or the AMLR's bold headings.
 */

const ASCL_URL = "https://github.com/apple/ml-depth-pro/blob/9efe5c1def37a26c5367a71df664b18e1306c708/LICENSE";
const AMLR_URL = "https://github.com/apple/ml-mobileclip/blob/4144bb1f081a6bcb9bc9e6552dee3b29a9ef9855/LICENSE_MODELS";

const ascl = (section: string, quote?: string): Source => ({
  document: "Apple Sample Code License (2024 copy)",
  section,
  url: ASCL_URL,
  ...(quote ? { quote } : {}),
});
const amlr = (section: string, quote?: string): Source => ({
  document: "Apple Machine Learning Research Model License Agreement (2025 copy)",
  section,
  url: AMLR_URL,
  ...(quote ? { quote } : {}),
});

export const appleLicenses: CatalogEntry[] = [
  {
    key: "apple-ascl",
    name: "Apple Sample Code license",
    kind: "license",
    // SPDX "AML" (Apple MIT License) is the same text apart from "Apple Inc." for "Apple Computer, Inc."
    // (scancode-toolkit#4900); we keep the Hub's id distinct rather than assert an equivalence SPDX does not make.
    spdx: null,
    hubIds: ["apple-ascl"],
    licenseNames: ["apple-sample-code-license"],
    url: ASCL_URL,
    osi: { approved: false },
    terms: {
      commercialUse: {
        kind: "allowed",
        source: ascl(
          "grant",
          "to use, reproduce, modify and redistribute the Apple Software, with or without modifications, in source and/or binary forms",
        ),
      },
      geographic: [],
      useRestrictions: null,
      // The notice is the license itself; only redistribution "in its entirety and without modifications" must keep
      // it. The license grants no patent rights at all ("including but not limited to any patent rights").
      obligations: [
        {
          kind: "include-license-copy",
          when: "distributing",
          source: ascl(
            "grant, proviso",
            "if you redistribute the Apple Software in its entirety and without modifications, you must retain this notice and the following text and disclaimers in all such redistributions of the Apple Software",
          ),
        },
      ],
      outputs: {
        training: "not-addressed",
        detail: "The license is written for software and does not mention model outputs.",
        source: ascl("whole text"),
      },
      termination: [],
      governingLaw: null,
    },
  },
  {
    key: "apple-amlr",
    name: "Apple Model License for Research",
    kind: "license",
    spdx: null,
    hubIds: ["apple-amlr"],
    licenseNames: [
      "apple-machine-learning-research-model-license",
      "apple-machine-learning-research-model-license-agreement",
    ],
    url: AMLR_URL,
    osi: { approved: false },
    terms: {
      commercialUse: {
        kind: "forbidden",
        scope: "research-only",
        source: amlr(
          "License Scope",
          "“Research Purposes” does not include any commercial exploitation, product development or use in any commercial product or service.",
        ),
      },
      geographic: [],
      useRestrictions: null,
      obligations: [
        {
          kind: "include-license-copy",
          when: "distributing",
          source: amlr("Distribution of Apple Machine Learning Research Model and Model Derivatives"),
        },
        {
          kind: "attribution",
          text: "Apple Machine Learning Research Model is licensed under the Apple Machine Learning Research Model License Agreement.",
          when: "distributing",
          source: amlr("Distribution of Apple Machine Learning Research Model and Model Derivatives"),
        },
        {
          kind: "mark-modifications",
          when: "distributing-derivatives",
          source: amlr(
            "Distribution of Apple Machine Learning Research Model and Model Derivatives",
            "all Model Derivatives must clearly be identified as such, including disclosure of modifications and changes made to the Apple Machine Learning Research Model",
          ),
        },
      ],
      outputs: {
        training: "not-addressed",
        detail:
          "The license does not restrict outputs. Model Derivatives (retraining, fine-tuning, changes to architecture or training) are limited to Research Purposes; training a separate model on outputs is not named as a Model Derivative.",
        source: amlr("Distribution of Apple Machine Learning Research Model and Model Derivatives"),
      },
      termination: [
        {
          kind: "breach",
          automatic: false,
          detail:
            "Apple may terminate at any time if you are in breach; you must then stop using, and permanently delete, the model and all Model Derivatives. The grant is also expressly revocable.",
          source: amlr("Term and Termination"),
        },
      ],
      governingLaw: {
        law: "State of California, without regard to choice of law principles; the UN CISG does not apply",
        source: amlr("Governing Law"),
      },
    },
  },
];
