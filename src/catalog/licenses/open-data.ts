import type { CatalogEntry, LicenseTerms, Source } from "../types.js";

/**
 * The data licenses on the Hub's list: Open Data Commons (ODC-By, ODbL, PDDL), the Linux Foundation's Community
 * Data License Agreements (CDLA-Permissive 1.0 and 2.0, CDLA-Sharing 1.0) and Microsoft's Computational Use of Data
 * Agreement (C-UDA). Checked against the texts spdx-license-list 6.12.0 ships (licenses/<SPDX id>.json,
 * `licenseText`, SPDX License List 3.28.0); the quotes are theirs, the section numbers the documents' own. They
 * license the data, not a model trained on it: what that means for such a model is an advisory (evaluate/datasets/).
 */

interface DataLicense {
  key: string;
  name: string;
  spdx: string;
  url: string;
  /** The document's title and version, as it names itself. */
  document: string;
  terms: (cite: (section: string, quote?: string) => Source) => LicenseTerms;
}

function dataEntry(license: DataLicense): CatalogEntry {
  const cite = (section: string, quote?: string): Source => ({
    document: license.document,
    section,
    url: license.url,
    ...(quote ? { quote } : {}),
  });
  return {
    key: license.key,
    name: license.name,
    kind: "license",
    spdx: license.spdx,
    hubIds: [license.key],
    licenseNames: [],
    url: license.url,
    // spdx-license-list flags none of them as OSI-approved: OSI reviews software licenses.
    osi: { approved: false },
    terms: license.terms(cite),
  };
}

/** The two Open Data Commons licenses share their grant and notices, and differ in §4.4 (ODbL's share-alike). */
function odcTerms(cite: (section: string, quote?: string) => Source, shareAlike: boolean): LicenseTerms {
  return {
    commercialUse: {
      kind: "allowed",
      source: cite(
        "§3.1",
        "These rights explicitly include commercial use, and do not exclude any field of endeavour.",
      ),
    },
    geographic: [],
    useRestrictions: null,
    obligations: [
      {
        kind: "include-license-copy",
        when: "distributing",
        source: cite(
          "§4.2(b)",
          shareAlike
            ? "Include a copy of this License (or, as applicable, a license permitted under Section 4.4) or its Uniform Resource Identifier (URI) with the Database or Derivative Database"
            : "Include a copy of this License or its Uniform Resource Identifier (URI) with the Database or Derivative Database",
        ),
      },
      {
        kind: "attribution",
        when: "publishing",
        source: cite(
          "§4.3",
          "if you Publicly Use a Produced Work, You must include a notice associated with the Produced Work reasonably calculated to make any Person that uses, views, accesses, interacts with, or is otherwise exposed to the Produced Work aware that Content was obtained from the Database",
        ),
      },
    ],
    outputs: {
      training: "not-addressed",
      detail:
        "The license covers the database rights, not the individual contents (§2.4); it does not mention models. A Produced Work (a work resulting from using the contents) needs a notice when publicly used (§4.3).",
      source: cite("§2.4"),
    },
    ...(shareAlike
      ? {
          adaptations: {
            kind: "share-alike" as const,
            detail:
              "A Derivative Database that is publicly used must be under this license, a later version, or a compatible license; a Produced Work is not a Derivative Database (§4.5(b)).",
            source: cite("§4.4(a)", "Any Derivative Database that You Publicly Use must be only under the terms of"),
          },
        }
      : {}),
    termination: [
      {
        kind: "breach",
        automatic: true,
        detail: "Any breach ends the license at once; rights are reinstated when the breach ceases (§9.4).",
        source: cite(
          "§9.1",
          "Any breach by You of the terms and conditions of this License automatically terminates this License with immediate effect and without notice to You.",
        ),
      },
    ],
    governingLaw: null,
  };
}

/** The CDLA 1.0 agreements share definitions, grant and termination; Sharing adds §3.1(a) and §3.3. */
function cdla1Terms(cite: (section: string, quote?: string) => Source, sharing: boolean): LicenseTerms {
  return {
    commercialUse: { kind: "allowed", source: cite("§2.1", "(a) Use Data; and (b) Publish Data.") },
    geographic: [],
    useRestrictions: null,
    obligations: [
      {
        kind: "include-license-copy",
        when: "distributing",
        source: sharing
          ? cite("§3.3", "include the text of this Agreement")
          : cite("§3.1(a)", "You give anyone who Receives the Data from You the text of this Agreement"),
      },
      {
        kind: "mark-modifications",
        when: "distributing-derivatives",
        source: cite(
          "§3.1(b)",
          "You must cause any Data files containing Enhanced Data to carry prominent notices that You have changed those files",
        ),
      },
      {
        kind: "retain-notices",
        when: "distributing",
        source: cite("§3.1(c)", "You must preserve all credit or attribution to the Data Provider(s)."),
      },
    ],
    outputs: {
      training: "allowed",
      detail:
        "Results (the outcomes of Computational Use of the data, with no more than a de minimis portion of it) carry no obligation or restriction.",
      source: sharing
        ? cite("§3.5", "This Agreement imposes no obligations or restrictions on Your Use or Publication of Results.")
        : cite("§3.4", "This Agreement imposes no obligations or restrictions on Your Use or Publication of Results."),
    },
    ...(sharing
      ? {
          adaptations: {
            kind: "share-alike" as const,
            detail:
              "Data and Enhanced Data that are published must be published under this agreement, unmodified, with no further restriction; Results are free of it (§3.5).",
            source: cite(
              "§3.1(a)",
              "The Data (including the Enhanced Data) must be Published under this Agreement in accordance with this Section 3",
            ),
          },
        }
      : {}),
    termination: [
      {
        kind: "breach",
        automatic: false,
        detail:
          "Rights end on a material failure to comply that is not cured in a reasonable period after becoming aware of it.",
        source: cite("§5.1"),
      },
      {
        kind: "ip-litigation",
        automatic: true,
        detail: "Suing a Data Provider or recipient over the Data ends the rights granted, as of the filing date.",
        source: cite("§5.2"),
      },
    ],
    governingLaw: null,
  };
}

export const openDataLicenses: CatalogEntry[] = [
  dataEntry({
    key: "odc-by",
    name: "Open Data Commons License Attribution family",
    spdx: "ODC-By-1.0",
    url: "https://opendatacommons.org/licenses/by/1-0/",
    document: "Open Data Commons Attribution License (ODC-By) v1.0",
    terms: (cite) => odcTerms(cite, false),
  }),
  dataEntry({
    key: "odbl",
    name: "Open Database License family",
    spdx: "ODbL-1.0",
    url: "https://opendatacommons.org/licenses/odbl/1-0/",
    document: "Open Data Commons Open Database License (ODbL) v1.0",
    terms: (cite) => odcTerms(cite, true),
  }),
  dataEntry({
    key: "pddl",
    name: "Open Data Commons Public Domain Dedication and License",
    spdx: "PDDL-1.0",
    url: "https://opendatacommons.org/licenses/pddl/1-0/",
    document: "Open Data Commons Public Domain Dedication and License (PDDL) v1.0",
    terms: (cite) => ({
      commercialUse: {
        kind: "allowed",
        source: cite(
          "§3.3(a)",
          "These rights explicitly include commercial use, and do not exclude any field of endeavour.",
        ),
      },
      geographic: [],
      useRestrictions: null,
      obligations: [],
      outputs: {
        training: "not-addressed",
        detail: "A public-domain dedication: it places no restriction or requirement on any use.",
        source: cite(
          "§3.1",
          "dedicates the Work to the public domain for the benefit of the public and relinquishes all rights in Copyright and Database Rights over the Work",
        ),
      },
      termination: [],
      governingLaw: null,
    }),
  }),
  dataEntry({
    key: "cdla-permissive-1.0",
    name: "Community Data License Agreement \u2013 Permissive, Version 1.0",
    spdx: "CDLA-Permissive-1.0",
    url: "https://cdla.io/permissive-1-0",
    document: "Community Data License Agreement \u2013 Permissive \u2013 Version 1.0",
    terms: (cite) => cdla1Terms(cite, false),
  }),
  dataEntry({
    key: "cdla-sharing-1.0",
    name: "Community Data License Agreement \u2013 Sharing, Version 1.0",
    spdx: "CDLA-Sharing-1.0",
    url: "https://cdla.io/sharing-1-0",
    document: "Community Data License Agreement \u2013 Sharing \u2013 Version 1.0",
    terms: (cite) => cdla1Terms(cite, true),
  }),
  dataEntry({
    key: "cdla-permissive-2.0",
    name: "Community Data License Agreement \u2013 Permissive, Version 2.0",
    spdx: "CDLA-Permissive-2.0",
    url: "https://cdla.dev/permissive-2-0",
    document: "Community Data License Agreement - Permissive - Version 2.0",
    terms: (cite) => ({
      commercialUse: {
        kind: "allowed",
        source: cite(
          "§1.1",
          "A Data Recipient may use, modify, and share the Data made available by Data Provider(s) under this agreement if that Data Recipient follows the terms of this agreement.",
        ),
      },
      geographic: [],
      useRestrictions: null,
      obligations: [
        {
          kind: "include-license-copy",
          when: "distributing",
          source: cite(
            "§2.1",
            "A Data Recipient may share Data, with or without modifications, so long as the Data Recipient makes available the text of this agreement with the shared Data.",
          ),
        },
      ],
      outputs: {
        training: "allowed",
        detail: "Results, which include machine learning models trained on the data (§5.4), carry no restriction.",
        source: cite(
          "§3.1",
          "This agreement does not impose any restriction or obligations with respect to the use, modification, or sharing of Results.",
        ),
      },
      termination: [],
      governingLaw: null,
    }),
  }),
  dataEntry({
    key: "c-uda",
    name: "Computational Use of Data Agreement",
    spdx: "C-UDA-1.0",
    url: "https://github.com/microsoft/Computational-Use-of-Data-Agreement/blob/master/C-UDA-1.0.md",
    document: "Computational Use of Data Agreement v1.0",
    terms: (cite) => ({
      // The data is for Computational Use only (§2.1), which the agreement does not limit to non-commercial use.
      commercialUse: {
        kind: "allowed",
        source: cite(
          "§1.1",
          "You may use, modify, and distribute the Data made available to you by the Data Provider under this C-UDA for Computational Use if you follow the C-UDA's terms.",
        ),
      },
      geographic: [],
      useRestrictions: null,
      obligations: [
        {
          kind: "retain-notices",
          when: "distributing",
          source: cite(
            "§3.1.1",
            "You include with any Data you redistribute all credit or attribution information that you received with the Data",
          ),
        },
        {
          kind: "pass-on-use-restrictions",
          when: "distributing",
          source: cite(
            "§3.1.2",
            "You bind each recipient to whom you redistribute the Data to the terms of the C-UDA.",
          ),
        },
      ],
      outputs: {
        training: "allowed",
        detail:
          "Models trained on the data (with no more than a de minimis portion of it) are Results (§5.5), on which the agreement imposes no restriction (§2.2).",
        source: cite(
          "§5.5",
          "Artificial intelligence models trained on Data (and which do not include more than a de minimis portion of Data) are Results.",
        ),
      },
      termination: [],
      governingLaw: null,
    }),
  }),
];
