import type { CommercialUse, LicenseTerms, Source } from "./types.js";

/**
 * Terms for a license whose text we could not read: only the commercial-use kind its name or a secondary source
 * states (on `source`, which must be marked `secondary`), and nothing else asserted.
 */
export function unreadTerms(commercialUse: CommercialUse, source: Source): LicenseTerms {
  return {
    commercialUse,
    geographic: [],
    useRestrictions: null,
    obligations: [],
    outputs: {
      training: "not-addressed",
      detail: "Not catalogued: the text has not been read; obligations, outputs and termination are unknown.",
      source,
    },
    termination: [],
    governingLaw: null,
  };
}
