import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { policyUsed } from "../../src/cli/commands/check.js";
import type { Policy } from "../../src/policy/policy.js";
import type { CheckResult, PolicyUsed, RunReport } from "../../src/types/result.js";
import type { JsonObject, ModelSnapshot } from "../../src/types/snapshot.js";
import { fixtureText, hubApiFixture, readmeFor } from "./fixtures.js";
import { builtInPolicy, check } from "./policies.js";
import { snapshotOf } from "./snapshots.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

/**
 * Every recorded `GET /api/models/{id}` body (`org__name.json`; the `.meta.json` headers and the variants of other
 * endpoints left out), as the repo it describes with its README derived from its card data.
 */
function hubApiSnapshots(): ModelSnapshot[] {
  return readdirSync(`${FIXTURES}hub-api`)
    .filter((name) => /^[^.]+\.json$/.test(name))
    .sort()
    .map((name) => {
      const info = hubApiFixture(name.replace(/\.json$/, ""));
      return snapshotOf(info, [{ path: "README.md", role: "readme", text: readmeFor(info) }]);
    });
}

/** Every recorded model card, as a repo named after its file whose README is the card and whose tags it declares. */
function modelCardSnapshots(): ModelSnapshot[] {
  return readdirSync(`${FIXTURES}model-cards`)
    .sort()
    .map((name, index) => {
      const text = fixtureText(`model-cards/${name}`);
      const frontMatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
      const cardData = frontMatter ? (parse(frontMatter) as JsonObject) : null;
      const license = cardData?.["license"];
      const id = name.replace(/(\.README|\.MODEL_CARD\.[\w-]+)?\.md$/, "").replace("__", "/");
      return snapshotOf(
        {
          id: id.includes("/") ? id : `community/${id}`,
          sha: index.toString(16).padStart(40, "c"),
          tags: typeof license === "string" ? [`license:${license}`] : [],
          ...(cardData ? { cardData } : {}),
        },
        [{ path: "README.md", role: "readme", text }],
      );
    });
}

/**
 * `count` models from the recorded Hub bodies and model cards, as a scan of a project finds them: each loaded in
 * `src/models.py`, one line each; past the recordings, the same repos again under a mirror's namespace (a relabelled
 * re-upload, as the Hub is full of), so a large run has real licenses and real findings. One model is not checked.
 */
export function manyModelsReport(
  count: number,
  options: { policy?: Policy; chosenBy?: PolicyUsed["chosenBy"] } = {},
): RunReport {
  const policy = options.policy ?? builtInPolicy("default");
  const sources = [...hubApiSnapshots(), ...modelCardSnapshots()];
  const results: CheckResult[] = Array.from({ length: count }, (_, index) => {
    const source = sources[index % sources.length]!;
    const round = Math.floor(index / sources.length);
    const id = round === 0 ? source.id : `mirror-${round}/${source.id.split("/").at(-1)}`;
    const snapshot = {
      ...source,
      id,
      requestedId: id,
      sha: round === 0 ? source.sha : (index + 1).toString(16).padStart(40, "d"),
    };
    return {
      ...check(snapshot, policy),
      uses: [{ file: "src/models.py", line: index + 1, column: 9, via: "transformers.from_pretrained" }],
    };
  });
  return {
    tool: { name: "lic", version: "0.0.0-test" },
    policy: options.chosenBy ? policyUsed(policy, options.chosenBy) : { name: policy.name, digest: policy.digest },
    generatedAt: "2026-11-26T12:00:00.000Z",
    results,
    errors: [
      {
        model: "nobody/nothing",
        revision: null,
        kind: "repo-not-found",
        message: "nobody/nothing: no such model on https://huggingface.co, or it is private",
        uses: [{ file: "src/models.py", line: count + 1, column: 9, via: "transformers.from_pretrained" }],
      },
    ],
  };
}
