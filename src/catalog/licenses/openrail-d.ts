import type { CatalogEntry, Source } from "../types.js";

/**
 * OpenRAIL-D: the Responsible AI License family for data ("RAIL-D: RAIL License includes Use Restrictions only
 * applied to the data"; the "Open" prefix: royalty-free access and downstream use). There is no one text and no Hub
 * id: each licensor generates its own from the RAIL template (licenses.ai), and a dataset card declares it as
 * `license: other` with a `license_name` (e.g. alexandrainst/coral's README: "licensed under an OpenRAIL-D license,
 * adapted from OpenRAIL-M"). So every fact here is secondary: it rests on the naming convention and the shape of the
 * generated RAIL texts (a use-restriction attachment passed on to recipients), not on the text a dataset ships;
 * the dataset's own LICENSE decides.
 */

const NAMING: Source = {
  document: "RAIL Initiative, From RAIL to Open RAIL: Topologies of RAIL Licenses (2022-08-18)",
  section: "naming convention",
  url: "https://www.licenses.ai/blog/2022/8/18/naming-convention-of-responsible-ai-licenses",
  quote: "RAIL-D:  RAIL License includes Use Restrictions only applied to the data",
  secondary: true,
};

export const openrailDLicenses: CatalogEntry[] = [
  {
    key: "openrail-d",
    name: "Open RAIL-D (Responsible AI License for data)",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["openrail-d", "open-rail-d", "openrail-d-license"],
    url: NAMING.url,
    osi: { approved: false },
    terms: {
      commercialUse: { kind: "allowed", source: NAMING },
      geographic: [],
      useRestrictions: {
        document: "the license's use restrictions (its attachment)",
        mustPassOn: true,
        source: NAMING,
      },
      obligations: [{ kind: "pass-on-use-restrictions", when: "distributing", source: NAMING }],
      outputs: {
        training: "not-addressed",
        detail:
          "The use restrictions bind the data and its derivatives; whether a model trained on it is one depends on the licensor's text.",
        source: NAMING,
      },
      termination: [],
      governingLaw: null,
    },
  },
];
