import type { TermReference } from "../types/finding.js";
import type { ObligationDue } from "../types/result.js";
import { dutyWords, whenWords } from "./view-words.js";

/** One duty across the run: the same license, kind and text once, with every model it applies to. */
export interface ObligationView {
  /** `O1`, `O2`, … in the order the models first carry them; each model lists the refs of its own. */
  ref: string;
  license: string;
  /** The catalog's name of the license (`Meta Llama 3 Community License Agreement`), or its id. */
  licenseName: string;
  kind: string;
  /** The exact text to reproduce, where the license gives one. */
  text: string | null;
  when: string;
  /** `when you distribute derivatives`. */
  whenWords: string;
  /** What to do, as an instruction: `include a copy of the license`. */
  duty: string;
  clause: TermReference;
  /** The license and section the duty stands in: `Meta Llama 3 Community License Agreement, §1.b.i`. */
  clauseWords: string;
  /** The whole duty as a reviewer reads it: `<clauseWords>: <duty> (<whenWords>)`. */
  words: string;
  /** The models it applies to, in report order. */
  models: string[];
}

export interface ModelObligations {
  model: string;
  obligations: ObligationDue[];
  /** The name a license of this model goes by. */
  licenseName: (id: string) => string;
}

/** The run's duties, deduplicated, and for each model (in the order given) the refs of its duties. */
export function consolidateObligations(models: ModelObligations[]): { list: ObligationView[]; refs: string[][] } {
  const byKey = new Map<string, ObligationView>();
  const refs = models.map(({ model, obligations, licenseName }) => {
    const own = obligations.map((obligation) => {
      const key = JSON.stringify([obligation.license, obligation.kind, obligation.text ?? null]);
      let view = byKey.get(key);
      if (!view) {
        view = obligationView(obligation, `O${byKey.size + 1}`, licenseName(obligation.license));
        byKey.set(key, view);
      }
      if (!view.models.includes(model)) view.models.push(model);
      return view.ref;
    });
    return [...new Set(own)];
  });
  return { list: [...byKey.values()], refs };
}

function obligationView(obligation: ObligationDue, ref: string, licenseName: string): ObligationView {
  const text = obligation.text ?? null;
  const clauseWords = `${licenseName}${obligation.source.section ? `, ${obligation.source.section}` : ""}`;
  const duty = dutyWords(obligation.kind, text);
  const when = whenWords(obligation.when);
  return {
    ref,
    license: obligation.license,
    licenseName,
    kind: obligation.kind,
    text,
    when: obligation.when,
    whenWords: when,
    duty,
    clause: obligation.source,
    clauseWords,
    words: `${clauseWords}: ${duty} (${when})`,
    models: [],
  };
}
