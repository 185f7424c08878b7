import type { CatalogEntry, LicenseTerms, Source } from "../types.js";

/**
 * Mistral AI's Research License (MRL-0.1) and Non-Production License (MNPL-0.1). Neither text is saved in
 * test/fixtures/license-texts/, so every fact is secondary: they were read from third-party copies (the MRL as
 * embedded in the gated-access prompt of a Ministral-8B-Instruct-2410 model card; the MNPL in
 * orsonteodoro/oiledmachine-overlay@54132307:licenses/MNPL-0.1.md) and cite Mistral's published URLs. Both agreements
 * share one structure, so section numbers line up.
 */

const MRL_URL = "https://mistral.ai/licenses/MRL-0.1.md";
const MNPL_URL = "https://mistral.ai/licenses/MNPL-0.1.md";

type Cite = (section: string, quote?: string) => Source;
const citer =
  (document: string, url: string): Cite =>
  (section, quote) => ({ document, section, url, ...(quote ? { quote } : {}), secondary: true });

const mrl = citer("Mistral AI Research License (MRL-0.1)", MRL_URL);
const mnpl = citer("Mistral AI Non-Production License (MNPL-0.1)", MNPL_URL);

/** Everything but commercial use and outputs reads the same in both agreements. */
function sharedTerms(
  cite: Cite,
  licenseName: string,
): Pick<LicenseTerms, "geographic" | "useRestrictions" | "obligations" | "termination" | "governingLaw"> {
  return {
    geographic: [],
    useRestrictions: null,
    obligations: [
      // §2.2 binds redistribution of the Mistral Model and Mistral's own derivatives; your derivatives (§2.3) may go
      // out under other terms but must say they were modified.
      { kind: "include-license-copy", when: "distributing", source: cite("§2.2") },
      {
        kind: "notice-file",
        text: `Licensed by Mistral AI under the ${licenseName}`,
        when: "distributing",
        source: cite("§2.2"),
      },
      {
        kind: "mark-modifications",
        when: "distributing-derivatives",
        source: cite(
          "§2.3",
          "You include in any such Derivatives made by or for You prominent notices stating that You modified the concerned Mistral Model",
        ),
      },
    ],
    termination: [
      {
        kind: "breach",
        automatic: false,
        detail:
          "Mistral AI may terminate at any time if you are in breach; you must then stop using, and permanently delete, all Mistral Models and Derivatives.",
        source: cite("§7.2"),
      },
      {
        kind: "ip-litigation",
        automatic: true,
        detail:
          "Licenses end as of the date you file a legal action alleging that the model or a Derivative infringes your IP or other rights.",
        source: cite("§7.3"),
      },
    ],
    governingLaw: {
      law: "the laws of France, without regard to choice of law principles; the UN CISG does not apply",
      venue: "the courts of Paris (exclusive)",
      source: cite("§8.1–8.2"),
    },
  };
}

export const mistralLicenses: CatalogEntry[] = [
  {
    key: "mistral-mrl",
    licensor: {
      name: "Mistral AI",
      namespaces: ["mistralai"],
      source: mrl("title (the definition of the licensor not read)"),
    },
    name: "Mistral AI Research License",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["mrl", "mistral-research-license", "mistral-ai-research-license", "mrl-0.1"],
    url: MRL_URL,
    osi: { approved: false },
    terms: {
      commercialUse: {
        kind: "forbidden",
        scope: "research-only",
        source: mrl(
          "§3.2",
          "You shall only use the Mistral Models, Derivatives (whether or not created by Mistral AI) and Outputs for Research Purposes.",
        ),
      },
      outputs: {
        training: "conditional",
        detail:
          "Outputs are subject to the §3 limits, so they may be used (including to train other models) only for Research Purposes.",
        source: mrl("§4.2", "Any Outputs shall be subject to the restrictions set out in Section 3 of this Agreement."),
      },
      ...sharedTerms(mrl, "Mistral AI Research License"),
    },
  },
  {
    key: "mistral-mnpl",
    licensor: {
      name: "Mistral AI",
      namespaces: ["mistralai"],
      source: mnpl("title (the definition of the licensor not read)"),
    },
    name: "Mistral AI Non-Production License",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["mnpl", "mistral-non-production-license", "mistral-ai-non-production-license", "mnpl-0.1"],
    url: MNPL_URL,
    osi: { approved: false },
    terms: {
      commercialUse: {
        kind: "forbidden",
        scope: "non-production",
        source: mnpl(
          "§3.2",
          "You shall only use the Mistral Models and Derivatives (whether or not created by Mistral AI) for testing, research, Personal, or evaluation purposes in Non-Production Environments",
        ),
      },
      outputs: {
        training: "not-addressed",
        detail:
          "Mistral AI claims no rights in Outputs, and unlike the MRL the §3 limits are not extended to Outputs; training on them is not mentioned.",
        source: mnpl("§4.2"),
      },
      ...sharedTerms(mnpl, "Mistral AI Non-Production License"),
    },
  },
];
