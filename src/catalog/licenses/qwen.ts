import type { CatalogEntry, CommercialUse, GoverningLaw, Obligation, Source, TerminationTrigger } from "../types.js";

/**
 * Alibaba Cloud's Tongyi Qianwen (2023) and Qwen (2024) license agreements and their research variants.
 * Checked against QwenLM/Qwen@2df8e8ac ("Tongyi Qianwen LICENSE AGREEMENT", "Tongyi Qianwen RESEARCH LICENSE
 * AGREEMENT") and ScanCode LicenseDB's copy of the Qwen LICENSE AGREEMENT (qwen-2024.LICENSE @053a651f); copies in
 * test/fixtures/license-texts/. The Qwen RESEARCH LICENSE AGREEMENT (2024) is not saved: its facts were read from a
 * third-party copy (roboflow/inference@f22bd024) and are marked secondary. Section numbers are the agreements' own.
 */

const QWEN_REPO = "https://github.com/QwenLM/Qwen/blob/2df8e8ac450fa185c421a08b0090ef81826caa6e";
const TONGYI_URL = `${QWEN_REPO}/Tongyi%20Qianwen%20LICENSE%20AGREEMENT`;
const TONGYI_RESEARCH_URL = `${QWEN_REPO}/Tongyi%20Qianwen%20RESEARCH%20LICENSE%20AGREEMENT`;
const QWEN_URL =
  "https://github.com/aboutcode-org/scancode-licensedb/blob/053a651f5e0182bec226b90c4ad47a709da8687b/docs/qwen-2024.LICENSE";
const QWEN_RESEARCH_COPY_URL =
  "https://github.com/roboflow/inference/blob/f22bd024ef9edcc3a51b61a72077b78c10b22220/inference/models/qwen25vl/LICENSE.txt";

const TONGYI = "Tongyi Qianwen LICENSE AGREEMENT (August 3, 2023)";
const TONGYI_RESEARCH = "Tongyi Qianwen RESEARCH LICENSE AGREEMENT (November 30, 2023)";
const QWEN = "Qwen LICENSE AGREEMENT (September 19, 2024)";
const QWEN_RESEARCH = "Qwen RESEARCH LICENSE AGREEMENT (September 19, 2024)";

const citer =
  (document: string, url: string, secondary = false) =>
  (section: string, quote?: string): Source => ({
    document,
    section,
    url,
    ...(quote ? { quote } : {}),
    ...(secondary ? { secondary: true as const } : {}),
  });

const tongyi = citer(TONGYI, TONGYI_URL);
const tongyiResearch = citer(TONGYI_RESEARCH, TONGYI_RESEARCH_URL);
const qwen = citer(QWEN, QWEN_URL);
const qwenResearch = citer(QWEN_RESEARCH, QWEN_RESEARCH_COPY_URL, true);

/** The 2023 and 2024 commercial agreements share §4 Restrictions word for word, up to capitalisation. */
const mauThreshold = (cite: (section: string, quote?: string) => Source, quote: string): CommercialUse => ({
  kind: "conditional",
  conditions: [
    {
      kind: "monthly-active-users",
      threshold: 100_000_000,
      // The agreements name no measurement date or period beyond "monthly".
      measuredAt:
        "monthly active users of the licensee's product or service, while it is commercially using the Materials",
      consequence:
        "you must request a license from Alibaba Cloud, and cannot exercise your rights under the Agreement without its express authorization",
    },
  ],
  source: cite("§4 Restrictions", quote),
});

/** §3 Redistribution, numbered alike in all four agreements. */
const redistribution = (cite: (section: string, quote?: string) => Source, notice: string): Obligation[] => [
  { kind: "include-license-copy", when: "distributing", source: cite("§3.a") },
  { kind: "mark-modifications", when: "distributing-derivatives", source: cite("§3.b") },
  { kind: "notice-file", text: notice, when: "distributing", source: cite("§3.c") },
];

/**
 * The Qwen 2024 "Built with Qwen" rule: either phrase satisfies it (`text` holds the first; the quote carries both).
 * It binds a distributed model built from the Materials themselves as well as one trained on their outputs.
 */
const builtWithQwen = (cite: (section: string, quote?: string) => Source, section: string): Obligation[] => {
  const source = cite(
    section,
    "If you use the Materials or any outputs or results therefrom to create, train, fine-tune, or improve an AI model that is distributed or made available, you shall prominently display “Built with Qwen” or “Improved using Qwen” in the related product documentation.",
  );
  return [
    { kind: "display-attribution", text: "Built with Qwen", when: "distributing-derivatives", source },
    { kind: "display-attribution", text: "Built with Qwen", when: "training-on-outputs", source },
  ];
};

const termination = (
  cite: (section: string, quote?: string) => Source,
  breach: string,
  litigation: string,
): TerminationTrigger[] => [
  {
    kind: "breach",
    automatic: false,
    detail:
      "Alibaba Cloud may terminate the Agreement if you breach any of its terms; you must then delete and cease use of the Materials.",
    source: cite(breach),
  },
  {
    kind: "ip-litigation",
    automatic: true,
    detail:
      "All licenses end on the date you bring a suit or other proceeding alleging that the Materials or any output infringe your IP or other rights.",
    source: cite(litigation),
  },
];

const chineseLaw = (cite: (section: string, quote?: string) => Source, section: string): GoverningLaw => ({
  law: "the laws of China, without regard to conflict of law principles; the UN CISG does not apply",
  venue: "the People's Courts in Hangzhou City (exclusive)",
  source: cite(section),
});

const OSI_NOT_APPROVED = { approved: false };

export const qwenLicenses: CatalogEntry[] = [
  {
    key: "tongyi-qianwen",
    licensor: {
      name: "Alibaba Cloud",
      namespaces: ["Qwen"],
      source: tongyi("§1.b", '"We"(or "Us") shall mean Alibaba Cloud.'),
    },
    name: "Tongyi Qianwen License Agreement",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["tongyi-qianwen", "tongyi-qianwen-license-agreement", "tongyi-qianwen-license"],
    url: TONGYI_URL,
    osi: OSI_NOT_APPROVED,
    terms: {
      commercialUse: mauThreshold(
        tongyi,
        "If you are commercially using the Materials, and your product or service has more than 100 million monthly active users, You shall request a license from Us. You cannot exercise your rights under this Agreement without our express authorization.",
      ),
      geographic: [],
      // §5.a asks only for compliance with export controls and applicable law; there is no use policy.
      useRestrictions: null,
      obligations: redistribution(
        tongyi,
        "Tongyi Qianwen is licensed under the Tongyi Qianwen LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved.",
      ),
      outputs: {
        training: "forbidden",
        detail:
          "Neither the Materials nor any output may be used to improve any other large language model (excluding Tongyi Qianwen or derivative works thereof).",
        source: tongyi(
          "§5.b",
          "You can not use the Materials or any output therefrom to improve any other large language model (excluding Tongyi Qianwen or derivative works thereof).",
        ),
      },
      termination: termination(tongyi, "§8.b", "§6.c"),
      governingLaw: chineseLaw(tongyi, "§9"),
    },
  },
  {
    key: "tongyi-qianwen-research",
    licensor: {
      name: "Alibaba Cloud",
      namespaces: ["Qwen"],
      source: tongyiResearch("§1.b", '"We"(or "Us") shall mean Alibaba Cloud.'),
    },
    name: "Tongyi Qianwen Research License Agreement",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: [
      "tongyi-qianwen-research",
      "tongyi-qianwen-research-license-agreement",
      "tongyi-qianwen-research-license",
    ],
    url: TONGYI_RESEARCH_URL,
    osi: OSI_NOT_APPROVED,
    terms: {
      // "Non-Commercial" is defined (§1.i) as "for research or evaluation purposes only".
      commercialUse: {
        kind: "forbidden",
        scope: "research-only",
        source: tongyiResearch("§2.a, §1.i", "FOR NON-COMMERCIAL PURPOSES ONLY"),
      },
      geographic: [],
      useRestrictions: null,
      obligations: redistribution(
        tongyiResearch,
        "Tongyi Qianwen is licensed under the Tongyi Qianwen RESEARCH LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved.",
      ),
      outputs: {
        training: "forbidden",
        detail:
          "Neither the Materials nor any output may be used to improve any other large language model (excluding Tongyi Qianwen or derivative works thereof).",
        source: tongyiResearch(
          "§4.b",
          "You can not use the Materials or any output therefrom to improve any other large language model (excluding Tongyi Qianwen or derivative works thereof).",
        ),
      },
      termination: termination(tongyiResearch, "§7.b", "§5.c"),
      governingLaw: chineseLaw(tongyiResearch, "§8"),
    },
  },
  {
    key: "qwen",
    licensor: {
      name: "Alibaba Cloud",
      namespaces: ["Qwen"],
      source: qwen("§1.b", '"We" (or "Us") shall mean Alibaba Cloud.'),
    },
    name: "Qwen License Agreement",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["qwen", "qwen-license", "qwen-license-agreement"],
    url: "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE",
    osi: OSI_NOT_APPROVED,
    terms: {
      commercialUse: mauThreshold(
        qwen,
        "If you are commercially using the Materials, and your product or service has more than 100 million monthly active users, you shall request a license from us. You cannot exercise your rights under this Agreement without our express authorization.",
      ),
      geographic: [],
      useRestrictions: null,
      obligations: [
        ...redistribution(
          qwen,
          "Qwen is licensed under the Qwen LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved.",
        ),
        ...builtWithQwen(qwen, "§5.b"),
      ],
      outputs: {
        training: "conditional",
        detail:
          "Allowed; a distributed AI model created, trained, fine-tuned or improved with the Materials or their outputs must prominently display “Built with Qwen” or “Improved using Qwen” in its product documentation.",
        source: qwen("§5.b"),
      },
      termination: termination(qwen, "§8.b", "§6.c"),
      governingLaw: chineseLaw(qwen, "§9"),
    },
  },
  {
    key: "qwen-research",
    licensor: {
      name: "Alibaba Cloud",
      namespaces: ["Qwen"],
      source: qwenResearch("§1.b", '"We" (or "Us") shall mean Alibaba Cloud.'),
    },
    name: "Qwen Research License Agreement",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["qwen-research", "qwen-research-license", "qwen-research-license-agreement"],
    url: "https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE",
    osi: OSI_NOT_APPROVED,
    terms: {
      commercialUse: {
        kind: "forbidden",
        scope: "research-only",
        source: qwenResearch("§2.a, §1.i", "FOR NON-COMMERCIAL PURPOSES ONLY"),
      },
      geographic: [],
      useRestrictions: null,
      obligations: [
        ...redistribution(
          qwenResearch,
          "Qwen is licensed under the Qwen RESEARCH LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved.",
        ),
        ...builtWithQwen(qwenResearch, "§4.b"),
      ],
      outputs: {
        training: "conditional",
        detail:
          "Only for Non-Commercial (research or evaluation) purposes; a distributed AI model created, trained, fine-tuned or improved with the Materials or their outputs must prominently display “Built with Qwen” or “Improved using Qwen” in its product documentation.",
        source: qwenResearch("§4.b"),
      },
      termination: termination(qwenResearch, "§7.b", "§5.c"),
      governingLaw: chineseLaw(qwenResearch, "§8"),
    },
  },
];
