import { describe, expect, it } from "vitest";
import { createRedactor, noSecrets } from "../../src/util/redact.js";

const TOKEN = "hf_secret_rt_token";
const CORP = "corp-internal-rt-TOKEN-7f3a";

describe("createRedactor", () => {
  const redact = createRedactor([TOKEN, CORP, undefined, null]);

  it.each([
    // [input, expected]
    [`Invalid credentials: Bearer ${TOKEN}`, "Invalid credentials: Bearer [token]"],
    [`token rejected: ${CORP}`, "token rejected: [token]"],
    [`GatedRepo for Bearer ${CORP}`, "GatedRepo for Bearer [token]"],
    [`http://127.0.0.1:1/?access_token=${TOKEN}`, "http://127.0.0.1:1/?access_token=[token]"],
    [`https://hub.example/?x=1&token=${encodeURIComponent("a/b+c")}`, "https://hub.example/?x=1&token=[token]"],
    [`https://user:${CORP}@hub.example/api`, "https://user:[token]@hub.example/api"],
    ["Bearer someone-elses-token, then more", "Bearer [token], then more"],
    ["no secret here: pass a token with --token or HF_TOKEN", "no secret here: pass a token with --token or HF_TOKEN"],
    // Words after Bearer or Basic are not credentials (GPL-3.0 §2's heading; prose about bearer tokens).
    ["2. Basic Permissions.", "2. Basic Permissions."],
    ["a Bearer token is sent", "a Bearer token is sent"],
    ["Basic dXNlcjpwYXNzd29yZA==", "Basic [token]"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it("replaces a secret in its URL-encoded and JSON-escaped spellings", () => {
    const odd = 'tok"en/with+odd\\chars';
    const oddRedact = createRedactor([odd]);
    expect(oddRedact(`a ${encodeURIComponent(odd)} b`)).toBe("a [token] b");
    expect(oddRedact(JSON.stringify({ message: `echo ${odd}` }))).toBe(JSON.stringify({ message: "echo [token]" }));
  });

  it("walks plain data, keys included, and leaves other values alone", () => {
    const value = { [TOKEN]: [`x ${TOKEN}`, 3, null, true, { nested: `Bearer ${CORP}` }] };
    expect(redact.deep(value)).toEqual({ "[token]": ["x [token]", 3, null, true, { nested: "Bearer [token]" }] });
  });

  it("redacts data by the known secrets only, never by shape", () => {
    const data = { text: "2. Basic Permissions. Bearer abcdefgh-1234", echo: `got ${TOKEN}` };
    expect(redact.deepSecrets(data)).toEqual({
      text: "2. Basic Permissions. Bearer abcdefgh-1234",
      echo: "got [token]",
    });
  });

  it("ignores secrets too short to be one", () => {
    expect(createRedactor(["ab"])("a tab b")).toBe("a tab b");
  });

  it("tells whether a text holds a known secret", () => {
    expect(redact.holdsSecret(`x${TOKEN}y`)).toBe(true);
    expect(redact.holdsSecret("Bearer other")).toBe(false);
    expect(noSecrets("Bearer abc-123-xyz")).toBe("Bearer [token]");
    expect(noSecrets("Bearer abc")).toBe("Bearer abc");
  });
});
