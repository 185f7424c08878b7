import type { CatalogEntry, LicenseTerms, OsiStatus, Source } from "../types.js";

/**
 * Meta's Llama community licenses (2, 3, 3.1, 3.2, 3.3, 4) and their acceptable use policies.
 * Checked against meta-llama/llama-models@a9c89c47, models/<version>/LICENSE and USE_POLICY.md
 * (copies in test/fixtures/license-texts/). Section numbers are the agreements' own.
 */

const COMMIT = "a9c89c471f793423afd4cc3ca8671d6e56fe64cb";
const repoUrl = (folder: string, file: string) =>
  `https://github.com/meta-llama/llama-models/blob/${COMMIT}/models/${folder}/${file}`;

/** OSI: "Meta's LLaMa 2 license is not Open Source" (2023) and "…is still not Open Source" (2025, covering 3.x). */
const OSI_LLAMA_2: OsiStatus = {
  approved: false,
  stance: {
    // OSI's own words in the post below (opensource.org is not reachable from here: read in copies of the post that
    // agree word for word, and as The Verge quoted OSI's executive director); the bracket is ours, naming "this standard".
    statement:
      "Meta’s license for the LLaMa models and code does not meet this standard [the Open Source Definition]; specifically, it puts restrictions on commercial use for some users (paragraph 2) and also restricts the use of the model and software for certain purposes (the Acceptable Use Policy).",
    url: "https://opensource.org/blog/metas-llama-2-license-is-not-open-source",
    date: "2023-07-20",
  },
};
const OSI_LLAMA_3_AND_LATER: OsiStatus = {
  approved: false,
  stance: {
    // OSI's own words, read in a copy of the post below (opensource.org is not reachable from here).
    statement: "Llama 3.x is still not Open Source by any stretch of the imagination.",
    url: "https://opensource.org/blog/metas-llama-license-is-still-not-open-source",
    date: "2025-02-18",
  },
};

interface LlamaVersion {
  /** Hub id and catalog key. */
  key: string;
  /** How the agreement names the model ("Llama 3.2", "Meta Llama 3"). */
  product: string;
  title: string;
  date: string;
  folder: string;
  licenseFile: string;
  usePolicyUrl: string;
  /** The Notice text of §1.b.iii. */
  notice: string;
  /** §1.b.i (B): the phrase to display, and the prefix derivative model names must begin with (3 and later). */
  builtWith: string | null;
  namePrefix: string | null;
  /** §1.b.v in Llama 2 and 3: outputs may not improve other large language models. 3.1 and later drop it. */
  outputsForbidden: boolean;
  /** The use policy's EU clause for multimodal models (3.2, 3.3, 4). */
  euClause: { quote: string; line: number } | null;
  osi: OsiStatus;
}

function llamaEntries(version: LlamaVersion): CatalogEntry[] {
  const agreement = `${version.title} (${version.date})`;
  const licenseUrl = repoUrl(version.folder, version.licenseFile);
  const policyUrl = repoUrl(version.folder, "USE_POLICY.md");
  const cite = (section: string, quote?: string): Source => ({
    document: agreement,
    section,
    url: licenseUrl,
    ...(quote ? { quote } : {}),
  });
  const policyName = `${version.product} Acceptable Use Policy`;

  const terms: LicenseTerms = {
    commercialUse: {
      kind: "conditional",
      conditions: [
        {
          kind: "monthly-active-users",
          threshold: 700_000_000,
          measuredAt: `on the ${version.product} version release date, in the preceding calendar month, by Licensee and its affiliates`,
          consequence: "you must request a license from Meta, which Meta may grant in its sole discretion",
        },
      ],
      source: cite("§2 Additional Commercial Terms"),
    },
    geographic: version.euClause
      ? [
          {
            territories: ["EU"],
            appliesTo: "multimodal-models",
            excludes: ["individuals-domiciled", "companies-principal-place-of-business"],
            endUsersExempt: true,
            rightsWithheld: `the rights granted under Section 1(a) of the ${version.product} Community License Agreement`,
            source: {
              document: policyName,
              section: `USE_POLICY.md line ${version.euClause.line}`,
              url: policyUrl,
              quote: version.euClause.quote,
            },
          },
        ]
      : [],
    useRestrictions: {
      document: policyName,
      catalogKey: `${version.key}-aup`,
      // Recipients get a copy of the Agreement (§1.b.i), which binds them to the policy itself; the license does
      // not require a redistributor to impose it as its own term, as the RAIL licenses do.
      mustPassOn: false,
      source: cite(
        "§1.b.iv",
        `adhere to the Acceptable Use Policy for the Llama Materials (available at ${version.usePolicyUrl}), which is hereby incorporated by reference into this Agreement`,
      ),
    },
    obligations: [
      { kind: "include-license-copy", when: "distributing", source: cite("§1.b.i") },
      ...(version.builtWith
        ? [
            {
              kind: "display-attribution" as const,
              text: version.builtWith,
              when: "distributing" as const,
              source: cite("§1.b.i (B)"),
            },
          ]
        : []),
      ...(version.namePrefix
        ? [
            {
              kind: "name-prefix" as const,
              text: version.namePrefix,
              when: "distributing-derivatives" as const,
              source: cite("§1.b.i, last sentence"),
            },
          ]
        : []),
      { kind: "notice-file", text: version.notice, when: "distributing", source: cite("§1.b.iii") },
    ],
    outputs: version.outputsForbidden
      ? {
          training: "forbidden",
          detail: `Outputs may not be used to improve any other large language model (excluding ${version.product} or derivative works thereof).`,
          source: cite("§1.b.v"),
        }
      : {
          training: "conditional",
          detail: `Allowed; an AI model created, trained, fine-tuned or improved with the Llama Materials or their outputs and then distributed must have a name beginning with "${version.namePrefix}".`,
          source: cite("§1.b.i, last sentence"),
        },
    termination: [
      {
        kind: "breach",
        automatic: false,
        detail: "Meta may terminate the Agreement if you are in breach of any term or condition.",
        source: cite("§6 Term and Termination"),
      },
      {
        kind: "ip-litigation",
        automatic: true,
        detail:
          "Licenses end as of the date you institute litigation alleging that the Llama Materials or outputs infringe your IP.",
        source: cite("§5.c"),
      },
    ],
    governingLaw: {
      law: "State of California, without regard to choice of law; the UN CISG does not apply",
      venue: "the courts of California (exclusive)",
      source: cite("§7 Governing Law and Jurisdiction"),
    },
  };

  return [
    {
      key: version.key,
      name: version.title.replace(
        /\b([A-Z])([A-Z]+)\b/g,
        (_, first: string, rest: string) => first + rest.toLowerCase(),
      ),
      kind: "license",
      spdx: null,
      hubIds: [version.key],
      licenseNames: [version.key, `${version.key}-community-license`],
      url: licenseUrl,
      osi: version.osi,
      terms,
      licensor: {
        name: "Meta Platforms, Inc. (Meta Platforms Ireland Limited in the EEA and Switzerland)",
        // Meta publishes its Llama models under meta-llama, and its research models under facebook.
        namespaces: ["meta-llama", "facebook"],
        source: cite(
          'the definition of "Meta"',
          '"Meta" or "we" means Meta Platforms Ireland Limited (if you are located in or, if you are an entity, your principal place of business is in the EEA or Switzerland) and Meta Platforms, Inc. (if you are located outside of the EEA or Switzerland).',
        ),
      },
    },
    {
      key: `${version.key}-aup`,
      name: policyName,
      kind: "use-policy",
      partOf: version.key,
      spdx: null,
      hubIds: [],
      licenseNames: [],
      url: policyUrl,
      osi: version.osi,
    },
  ];
}

const euClause = (version: string, line: number) => ({
  line,
  quote:
    `With respect to any multimodal models included in ${version}, the rights granted under Section 1(a) of the ${version} Community License Agreement are not being granted to you if you are an individual domiciled in, or a company with a principal place of business in, the European Union. ` +
    "This restriction does not apply to end users of a product or service that incorporates any such multimodal models.",
});

const notice = (product: string, license: string, copyright = "©") =>
  `${product} is licensed under the ${license}, Copyright ${copyright} Meta Platforms, Inc. All Rights Reserved.`;

export const llamaLicenses: CatalogEntry[] = [
  ...llamaEntries({
    key: "llama2",
    product: "Llama 2",
    title: "LLAMA 2 COMMUNITY LICENSE AGREEMENT",
    date: "July 18, 2023",
    folder: "llama2",
    licenseFile: "LICENSE",
    usePolicyUrl: "https://ai.meta.com/llama/use-policy",
    notice: notice("Llama 2", "LLAMA 2 Community License", "(c)"),
    builtWith: null,
    namePrefix: null,
    outputsForbidden: true,
    euClause: null,
    osi: OSI_LLAMA_2,
  }),
  ...llamaEntries({
    key: "llama3",
    product: "Meta Llama 3",
    title: "META LLAMA 3 COMMUNITY LICENSE AGREEMENT",
    date: "April 18, 2024",
    folder: "llama3",
    licenseFile: "LICENSE",
    usePolicyUrl: "https://llama.meta.com/llama3/use-policy",
    notice: notice("Meta Llama 3", "Meta Llama 3 Community License"),
    builtWith: "Built with Meta Llama 3",
    namePrefix: "Llama 3",
    outputsForbidden: true,
    euClause: null,
    osi: OSI_LLAMA_3_AND_LATER,
  }),
  ...llamaEntries({
    key: "llama3.1",
    product: "Llama 3.1",
    title: "LLAMA 3.1 COMMUNITY LICENSE AGREEMENT",
    date: "July 23, 2024",
    folder: "llama3_1",
    licenseFile: "LICENSE",
    usePolicyUrl: "https://llama.meta.com/llama3_1/use-policy",
    notice: notice("Llama 3.1", "Llama 3.1 Community License"),
    builtWith: "Built with Llama",
    namePrefix: "Llama",
    outputsForbidden: false,
    euClause: null,
    osi: OSI_LLAMA_3_AND_LATER,
  }),
  ...llamaEntries({
    key: "llama3.2",
    product: "Llama 3.2",
    title: "LLAMA 3.2 COMMUNITY LICENSE AGREEMENT",
    date: "September 25, 2024",
    folder: "llama3_2",
    licenseFile: "LICENSE",
    usePolicyUrl: "https://www.llama.com/llama3_2/use-policy",
    notice: notice("Llama 3.2", "Llama 3.2 Community License"),
    builtWith: "Built with Llama",
    namePrefix: "Llama",
    outputsForbidden: false,
    euClause: euClause("Llama 3.2", 43),
    osi: OSI_LLAMA_3_AND_LATER,
  }),
  ...llamaEntries({
    key: "llama3.3",
    product: "Llama 3.3",
    title: "LLAMA 3.3 COMMUNITY LICENSE AGREEMENT",
    date: "December 6, 2024",
    folder: "llama3_3",
    licenseFile: "LICENSE",
    usePolicyUrl: "https://www.llama.com/llama3_3/use-policy",
    notice: notice("Llama 3.3", "Llama 3.3 Community License"),
    builtWith: "Built with Llama",
    namePrefix: "Llama",
    outputsForbidden: false,
    euClause: euClause("Llama 3.3", 65),
    osi: OSI_LLAMA_3_AND_LATER,
  }),
  ...llamaEntries({
    key: "llama4",
    product: "Llama 4",
    title: "LLAMA 4 COMMUNITY LICENSE AGREEMENT",
    date: "April 5, 2025",
    folder: "llama4",
    licenseFile: "LICENSE",
    usePolicyUrl: "https://www.llama.com/llama4/use-policy",
    notice: notice("Llama 4", "Llama 4 Community License"),
    builtWith: "Built with Llama",
    namePrefix: "Llama",
    outputsForbidden: false,
    euClause: euClause("Llama 4", 71),
    osi: OSI_LLAMA_3_AND_LATER,
  }),
];
