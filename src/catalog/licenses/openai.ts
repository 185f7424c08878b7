import type { CatalogEntry } from "../types.js";

/**
 * gpt-oss's USAGE_POLICY, read in openai/gpt-oss@1983a9d7. It is not a license and not part of the Apache License
 * 2.0 the weights are released under (Apache-2.0 incorporates no use policy): OpenAI ships it beside LICENSE in the
 * gpt-oss repos. It is one paragraph, and its only term is to "comply with all applicable law": no restricted uses,
 * nothing to pass on. It is catalogued as a use policy beside `apache-2.0` so a shipped copy is named, not read as an
 * unknown license, and so a reader sees that it adds no restriction beyond the law.
 */

export const openaiLicenses: CatalogEntry[] = [
  {
    key: "gpt-oss-usage-policy",
    name: "gpt-oss Usage Policy",
    kind: "use-policy",
    partOf: "apache-2.0",
    spdx: null,
    hubIds: [],
    licenseNames: [],
    url: "https://github.com/openai/gpt-oss/blob/1983a9d74027aa49ed4be004c726004e22db48d2/USAGE_POLICY",
    osi: { approved: false },
  },
];
