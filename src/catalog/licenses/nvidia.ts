import type { CatalogEntry, Source } from "../types.js";
import { unreadTerms } from "../unread-terms.js";

/**
 * The NVIDIA Open Model License Agreement (April 28, 2025). Checked against the ScanCode LicenseDB copy,
 * aboutcode-org/scancode-licensedb@053a651f docs/nvidia-open-model-2025-04-28.LICENSE (test/fixtures/license-texts/
 * nvidia-open-model-license.txt). That copy drops the section numbers; the agreement's own references ("Section 2
 * and Section 3", "Section 2.1") fix them: 1 Definitions, 2 Conditions (2.1 Conditions for Use, 2.2 License Grant,
 * 2.3 AI Ethics, 2.4 ownership), 3 Redistribution (3.1–3.3), then 4–11 in order. The Trustworthy AI terms it
 * incorporates are not saved.
 *
 * Its key stays `nvidia-open-model`, and the Hub's `license_name: nvidia-open-model-license` (which all three editions
 * share) still maps to it. The June 2024 and October 24, 2025 editions and the NVIDIA Nemotron Open Model License are
 * keyed by title and date; their texts are not saved and were not read, so their entries state only what secondary
 * sources say and mark it so. Only the text tells the editions apart.
 */

const url =
  "https://github.com/aboutcode-org/scancode-licensedb/blob/053a651f5e0182bec226b90c4ad47a709da8687b/docs/nvidia-open-model-2025-04-28.LICENSE";
const document = "NVIDIA Open Model License Agreement (April 28, 2025)";
const cite = (section: string, quote?: string): Source => ({ document, section, url, ...(quote ? { quote } : {}) });

const NVIDIA_CURRENT_URL = "https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/";
/** An edition whose text is not saved or read: the address is NVIDIA's page for the license (not read here either). */
const unread = (edition: string): Source => ({
  document: `NVIDIA Open Model License Agreement (${edition}; text not read)`,
  url: NVIDIA_CURRENT_URL,
  secondary: true,
});
/**
 * The research reports the Trustworthy AI terms across the editions (the April 2025 text's §2.3); not read in these
 * editions, so the section is not given. Whether they must be passed on is taken from the April 2025 text (no).
 */
const TRUSTWORTHY_AI = (edition: string) => ({
  document: "NVIDIA Trustworthy AI terms (https://www.nvidia.com/en-us/agreements/trustworthy-ai/terms/)",
  mustPassOn: false,
  source: unread(edition),
});
const NEMOTRON_SOURCE: Source = {
  document: "NVIDIA Nemotron Open Model License (December 15, 2025; text not read)",
  url: "https://github.com/aboutcode-org/scancode-toolkit/issues/4897",
  secondary: true,
};

export const nvidiaLicenses: CatalogEntry[] = [
  {
    key: "nvidia-open-model",
    licensor: {
      name: "NVIDIA Corporation and its Affiliates",
      namespaces: ["nvidia"],
      source: cite(
        "preamble",
        'a legal agreement between the Legal Entity You represent, or if no entity is identified, You and NVIDIA Corporation and its Affiliates ("NVIDIA")',
      ),
    },
    name: "NVIDIA Open Model License Agreement",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["nvidia-open-model-license"],
    url,
    osi: { approved: false },
    terms: {
      commercialUse: { kind: "allowed", source: cite("preamble", "Models are commercially usable.") },
      geographic: [],
      useRestrictions: {
        document: "NVIDIA Trustworthy AI terms (https://www.nvidia.com/en-us/agreements/trustworthy-ai/terms/)",
        // §2.3 binds the user's own use; §3 asks a redistributor for a copy of the Agreement and a notice, and §3.3
        // lets Derivative Models go out under "additional or different license terms", with no duty to impose the
        // Trustworthy AI terms on recipients.
        mustPassOn: false,
        source: cite(
          "§2.3 AI Ethics",
          "Use of the Models under the Agreement must be consistent with NVIDIA’s Trustworthy AI terms",
        ),
      },
      // §3.2 also requires "Built on NVIDIA Cosmos" on a related website or documentation for NVIDIA Cosmos Models and
      // anything made with them or their outputs; it is left out because an obligation cannot be scoped to Cosmos
      // models here, and displaying it for other models would misuse NVIDIA's marks (§5).
      obligations: [
        { kind: "include-license-copy", when: "distributing", source: cite("§3.1") },
        {
          kind: "notice-file",
          text: "Licensed by NVIDIA Corporation under the NVIDIA Open Model License",
          when: "distributing",
          source: cite("§3.1"),
        },
      ],
      outputs: {
        training: "allowed",
        detail:
          'NVIDIA claims no ownership of outputs, and "An output is not a Derivative Model". For NVIDIA Cosmos Models, using them or their outputs to create, train, fine tune or improve an AI model requires displaying "Built on NVIDIA Cosmos" (§3.2).',
        source: cite("§2.4", "NVIDIA claims no ownership rights in outputs."),
      },
      termination: [
        {
          kind: "guardrail-bypass",
          automatic: true,
          detail:
            "Your rights end automatically if you bypass, disable, reduce the efficacy of or circumvent any technical limitation, safety guardrail (or its hyperparameter), encryption, security, DRM or authentication mechanism in the Model.",
          source: cite(
            "§2.1 Conditions for Use",
            "If You bypass, disable, reduce the efficacy of, or circumvent any technical limitation, safety guardrail or associated safety guardrail hyperparameter, encryption, security, digital rights management, or authentication mechanism contained in the Model, your rights under this Agreement will automatically terminate.",
          ),
        },
        {
          kind: "ip-litigation",
          automatic: true,
          detail:
            "Licenses for a Model or Derivative Model end as of the date you file copyright or patent litigation alleging it infringes.",
          source: cite("§2.1 Conditions for Use"),
        },
        {
          kind: "unilateral-amendment",
          automatic: false,
          detail:
            "NVIDIA may update the Agreement at any time to comply with legal and regulatory requirements; you must comply with the update or stop copying, using and distributing the Model and Derivative Models.",
          source: cite(
            "§2.1 Conditions for Use",
            "NVIDIA may update this Agreement to comply with legal and regulatory requirements at any time",
          ),
        },
      ],
      governingLaw: {
        law: "the laws of the United States and the State of Delaware, without regard to conflict of laws principles or the UN CISG",
        venue:
          "the state and federal courts in Santa Clara County, California (exclusive); either party may seek injunctive relief in any jurisdiction",
        source: cite("§10 Governing Law"),
      },
    },
  },
  {
    key: "nvidia-open-model-2024-06",
    licensor: { name: "NVIDIA Corporation and its Affiliates", namespaces: ["nvidia"], source: unread("June 2024") },
    name: "NVIDIA Open Model License Agreement (June 2024)",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["nvidia-open-model-license-2024-06", "nvidia-open-model-license-june-2024"],
    url: NVIDIA_CURRENT_URL,
    osi: { approved: false },
    // Commercial use is stated as the family's (the April 2025 text says "Models are commercially usable."), not read in
    // this edition's text.
    terms: {
      ...unreadTerms({ kind: "allowed", source: unread("June 2024") }, unread("June 2024")),
      useRestrictions: TRUSTWORTHY_AI("June 2024"),
    },
  },
  {
    key: "nvidia-open-model-2025-10-24",
    licensor: {
      name: "NVIDIA Corporation and its Affiliates",
      namespaces: ["nvidia"],
      source: unread("October 24, 2025"),
    },
    name: "NVIDIA Open Model License Agreement (October 24, 2025)",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["nvidia-open-model-license-2025-10-24", "nvidia-open-model-license-october-2025"],
    url: NVIDIA_CURRENT_URL,
    osi: { approved: false },
    // Used by Nemotron 3 and Cosmos repos ("Last Modified: October 24, 2025"); a corporate risk analysis
    // (shujisado.org, 2025-12-19) reports the guardrail termination and the Cosmos branding kept. Not read here.
    terms: {
      ...unreadTerms({ kind: "allowed", source: unread("October 24, 2025") }, unread("October 24, 2025")),
      useRestrictions: TRUSTWORTHY_AI("October 24, 2025"),
    },
  },
  {
    key: "nvidia-nemotron-open-model",
    licensor: { name: "NVIDIA Corporation", namespaces: ["nvidia"], source: NEMOTRON_SOURCE },
    name: "NVIDIA Nemotron Open Model License",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["nvidia-nemotron-open-model-license", "nvidia-nemotron-model-license"],
    url: "https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-nemotron-open-model-license/",
    osi: { approved: false },
    // Dated 2025-12-15 per ScanCode's request to add it (which calls it permissive); community analysis says it drops
    // the guardrail termination and the Cosmos branding and asks for the Notice "Licensed by NVIDIA Corporation under
    // the NVIDIA Nemotron Model License". None of this is read from the text, so only commercial use is stated.
    terms: unreadTerms({ kind: "allowed", source: NEMOTRON_SOURCE }, NEMOTRON_SOURCE),
  },
];
