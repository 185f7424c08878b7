import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/** deploy/compose.yaml, read as docker compose reads it (merge keys resolved); there is no docker to run it here. */
const compose = parse(readFileSync("deploy/compose.yaml", "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

interface Service {
  image: string;
  entrypoint?: string[];
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const GATES = ["gate-a", "gate-b"];

describe("deploy/compose.yaml", () => {
  it("runs two gate replicas, nginx, PostgreSQL and Redis, each with a healthcheck", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["gate-a", "gate-b", "nginx", "postgres", "redis"]);
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.image, name).toBeTruthy();
      expect(service.healthcheck?.test.length, name).toBeGreaterThan(1);
    }
  });

  it.each(GATES)("%s runs lic gate with the shared stores, nginx offload, a lock and its policy", (name) => {
    const service = compose.services[name]!;
    const line = service.entrypoint!.join(" ");
    for (const flag of ["--postgres", "--redis", "--offload nginx", "--lock", "--policy", "--listen 0.0.0.0:8080"])
      expect(line).toContain(flag);
    expect(service.environment).toMatchObject({
      LIC_POSTGRES_URL: expect.stringMatching(/^postgres:\/\/.*@postgres:5432\//),
      LIC_REDIS_URL: expect.stringMatching(/^redis:\/\/redis:6379/),
    });
    expect(service.healthcheck!.test.join(" ")).toContain("/healthz");
    expect(service.depends_on).toEqual({
      postgres: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
    });
  });

  it("nginx balances over both replicas and waits for them to be healthy", () => {
    const nginx = compose.services["nginx"]!;
    const command = nginx.command!.join(" ");
    for (const gate of GATES) expect(command).toContain(`server ${gate}:8080`);
    expect(command).toContain("/etc/lic/lic-gate.conf");
    expect(Object.keys(nginx.depends_on!).sort()).toEqual(GATES);
  });

  it("edits the shipped nginx conf where it still has the lines the edits look for", () => {
    // The nginx service adapts deploy/nginx/lic-gate.conf with sed: each edit must still find its line there, or the
    // set-up would silently keep one gate on 127.0.0.1 and the host's resolver.
    const conf = readFileSync("deploy/nginx/lic-gate.conf", "utf8");
    const edits = [
      ...nginx()
        .command!.join(" ")
        .matchAll(/-e '?s\/([^/]+)\//g),
    ].map((match) => match[1]!);
    expect(edits.length).toBeGreaterThanOrEqual(2);
    for (const pattern of edits) expect(conf, pattern).toContain(pattern.replace(/\\/g, ""));
  });
});

function nginx(): Service {
  return compose.services["nginx"]!;
}
