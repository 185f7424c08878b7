import { describe, expect, it } from "vitest";
import { parseListen } from "../../src/cli/commands/gate.js";
import { hostNamesFor } from "../../src/gate/start-gate.js";

describe("the Host names a gate answers to", () => {
  it("on loopback: the address and localhost, with the port", () => {
    expect(hostNamesFor("127.0.0.1", 8080, null, []).sort()).toEqual([
      "127.0.0.1:8080",
      "[::1]:8080",
      "localhost:8080",
    ]);
  });

  it("adds the public URL's host and names given, with and without the port", () => {
    const names = hostNamesFor("10.1.2.3", 8080, "https://models.corp.example", ["gate.internal", "lb.corp:443"]);
    expect(names.sort()).toEqual([
      "10.1.2.3:8080",
      "gate.internal",
      "gate.internal:8080",
      "lb.corp:443",
      "models.corp.example",
    ]);
  });

  it("on port 80 a Host without a port is the same host", () => {
    expect(hostNamesFor("127.0.0.1", 80, null, [])).toContain("localhost");
  });

  it("on a wildcard bind, also the machine's own addresses", () => {
    expect(hostNamesFor("0.0.0.0", 9000, null, [])).toEqual(
      expect.arrayContaining(["0.0.0.0:9000", "localhost:9000", "127.0.0.1:9000"]),
    );
  });
});

describe("--listen", () => {
  it.each([
    ["127.0.0.1:8080", { host: "127.0.0.1", port: 8080 }],
    [":9000", { host: "0.0.0.0", port: 9000 }],
    ["[::1]:8080", { host: "::1", port: 8080 }],
    ["localhost:0", { host: "localhost", port: 0 }],
  ])("%s", (value, expected) => expect(parseListen(value)).toEqual(expected));

  it.each(["8080", "host:", "host:99999", "a b:80", "[::1:80"])("refuses %s", (value) => {
    expect(() => parseListen(value)).toThrow(`--listen "${value}" is not HOST:PORT`);
  });
});
