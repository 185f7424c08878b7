import { describe, expect, it } from "vitest";
import { Metrics } from "../../src/gate/metrics.js";

describe("Metrics in the Prometheus text format", () => {
  it("renders every counter with HELP and TYPE, labelled series sorted, zero when unused", () => {
    const metrics = new Metrics();
    metrics.add("lic_gate_requests_total", { status: "200", route: "file" });
    metrics.add("lic_gate_requests_total", { route: "file", status: "200" });
    metrics.add("lic_gate_requests_total", { route: "file", status: "403" });
    metrics.add("lic_gate_bytes_streamed_total", {}, 1024);
    const text = metrics.render({ lic_gate_decisions_held: { help: "Decisions kept in memory.", value: 3 } });
    expect(text).toContain(
      '# HELP lic_gate_requests_total Requests answered, by route and status.\n# TYPE lic_gate_requests_total counter\nlic_gate_requests_total{route="file",status="200"} 2\nlic_gate_requests_total{route="file",status="403"} 1\n',
    );
    expect(text).toContain("lic_gate_bytes_streamed_total 1024\n");
    expect(text).toContain("# TYPE lic_gate_upstream_errors_total counter\nlic_gate_upstream_errors_total 0\n");
    expect(text).toMatch(/# TYPE lic_gate_decisions_held gauge\nlic_gate_decisions_held 3\n$/);
    expect(metrics.get("lic_gate_requests_total", { route: "file", status: "200" })).toBe(2);
  });

  it("escapes label values as the format requires", () => {
    const metrics = new Metrics();
    metrics.add("lic_gate_upstream_errors_total", { kind: 'a"b\\c\nd' });
    expect(metrics.render()).toContain('lic_gate_upstream_errors_total{kind="a\\"b\\\\c\\nd"} 1');
  });
});
