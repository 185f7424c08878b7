// Part of `npm run build`: validates the shipped policies and writes each, merged with its bases, as JSON beside
// the build, so `lic check --policy NAME` loads a built-in policy without the YAML parse and the schema library.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { getCatalog } from "../dist/catalog/catalog.js";
import { parseBuiltInPolicy } from "../dist/cli/load-policy.js";

const out = new URL("../dist/policies/", import.meta.url);
mkdirSync(out, { recursive: true });
for (const file of readdirSync(new URL("../policies/", import.meta.url)).filter((name) => name.endsWith(".yaml"))) {
  const name = file.slice(0, -".yaml".length);
  const policy = await parseBuiltInPolicy(name, getCatalog());
  writeFileSync(new URL(`${name}.json`, out), `${JSON.stringify(policy)}\n`);
}
