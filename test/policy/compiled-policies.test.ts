import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtInPolicy } from "../support/policies.js";

/** `npm run build` compiles the shipped policies to dist/policies/*.json, which lic check loads; they must say the same. */
describe("compiled built-in policies", () => {
  it.each(["default", "commercial", "eu", "osi"])("%s is its YAML, validated and merged", (name) => {
    const compiled = JSON.parse(readFileSync(`dist/policies/${name}.json`, "utf8"));
    expect(compiled).toEqual(JSON.parse(JSON.stringify(builtInPolicy(name))));
  });
});
