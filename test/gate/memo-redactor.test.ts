import { describe, expect, it } from "vitest";
import { memoRedactor } from "../../src/gate/memo-redactor.js";
import { createRedactor } from "../../src/util/redact.js";

describe("memoRedactor", () => {
  const token = "hf_secretToken1234";
  const plain = createRedactor([token]);

  it("answers as the redactor does, the first time and when it remembers", () => {
    const redact = memoRedactor(plain);
    for (const text of [`Bearer ${token}`, "application/json", `https://u:pw@host/?token=${token}`, "x".repeat(2000)])
      for (let round = 0; round < 2; round++) expect(redact(text)).toBe(plain(text));
  });

  it("redacts every string of a value, keys included, as deep does", () => {
    const redact = memoRedactor(plain);
    const entry = { reason: `echoed ${token}`, codes: [token], policy: { [token]: "name" }, status: 200 };
    expect(redact.deep(entry)).toEqual(plain.deep(entry));
    expect(JSON.stringify(redact.deep(entry))).not.toContain(token);
  });

  it("stays bounded and still right once it has been emptied", () => {
    const redact = memoRedactor(plain, 3);
    for (let index = 0; index < 10; index++) expect(redact(`${token}-${index}`)).toBe(`[token]-${index}`);
    expect(redact(`Bearer ${token}`)).toBe(plain(`Bearer ${token}`));
  });
});
