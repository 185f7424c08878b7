import type { TermReference } from "../../types/finding.js";

/**
 * Why a dataset's terms are an advisory on a model trained on it, never its license: every dataset finding about
 * training data carries these (`advisory`), and docs/findings/dataset-*.md repeat them. Creative Commons' own
 * position: its licenses do not override the exceptions to copyright that may cover training; the EU's text and
 * data mining exceptions: research organisations (Art. 3) and anyone, unless the rightholder reserved the use
 * (Art. 4). Whether an exception applies depends on the jurisdiction and the use, which lic does not know.
 */
export const DATASET_ADVISORY: readonly TermReference[] = [
  {
    document: "Creative Commons, Understanding CC Licenses and Generative AI (2023-08-18)",
    section: "Can you use CC licenses to restrict how people use copyrighted works in AI training?",
    url: "https://creativecommons.org/2023/08/18/understanding-cc-licenses-and-generative-ai/",
    quote:
      "the licenses do not supersede existing limitations and exceptions; in other words, as a licensor, you cannot use the licenses to prohibit a use if it is otherwise permitted by limitations and exceptions to copyright",
  },
  {
    document: "Creative Commons, Using CC-Licensed Works for AI Training (2025-05)",
    url: "https://creativecommons.org/using-cc-licensed-works-for-ai-training-2/",
    quote: "Around the world, there are varying exceptions and limitations to copyright that permit AI training.",
  },
  {
    document:
      "Directive (EU) 2019/790 on copyright and related rights in the Digital Single Market, text and data mining",
    section: "Art. 3 (scientific research), Art. 4 (any purpose, unless expressly reserved by the rightholder)",
    url: "https://eur-lex.europa.eu/eli/dir/2019/790/oj",
    // The Directive's text was not read here: the articles are cited as Creative Commons and LAION cite them.
    secondary: true,
  },
];
