/**
 * The gate's counters, rendered in the Prometheus text exposition format (version 0.0.4):
 * https://prometheus.io/docs/instrumenting/exposition_formats/
 * A handful of counters do not need a client library: each is a name, a help line and labelled values.
 */
const COUNTERS = {
  lic_gate_requests_total: "Requests answered, by route and status.",
  lic_gate_decisions_total:
    "Decisions applied to model requests, by verdict (allow, warn, block, undecided) and action (served, refused).",
  lic_gate_decision_evaluations_total: "Decisions evaluated afresh (not from the gate's memory), by verdict.",
  lic_gate_upstream_errors_total:
    "Upstream failures, by kind (network, timeout, too_large, encoding, status_5xx, storage_NNN, storage_is_gate).",
  lic_gate_bytes_streamed_total: "File bytes streamed to clients.",
  lic_gate_redis_errors_total: "Redis commands that failed (with --redis); the gate went on from its own memory.",
} as const;

export type CounterName = keyof typeof COUNTERS;
type Labels = Record<string, string>;

/** A gauge an optional part of the gate registers (a shared store, the audit buffer), read when /metrics renders. */
export interface GateGauge {
  name: string;
  help: string;
  read: () => number;
}

export class Metrics {
  private readonly values = new Map<CounterName, Map<string, number>>();
  /** Label sets seen, by a cheap key: every request counts three times, and formatting each set once is enough. */
  private readonly formatted = new Map<string, string>();
  /** Gauges of optional parts (the shared Redis), registered by what starts them and read at render time. */
  private readonly gauges = new Map<string, { help: string; read: () => number }>();

  gauge(name: string, help: string, read: () => number): void {
    this.gauges.set(name, { help, read });
  }

  /** Info series (value 1, the facts in labels): what the gate runs by now, replaced whole on each reload. */
  private readonly infos = new Map<string, { help: string; labels: Labels }>();

  add(name: CounterName, labels: Labels = {}, amount = 1): void {
    let series = this.values.get(name);
    if (series === undefined) {
      series = new Map<string, number>();
      this.values.set(name, series);
    }
    const key = this.format(labels);
    series.set(key, (series.get(key) ?? 0) + amount);
  }

  /** Sets an info series such as `lic_gate_policy_info{name="…",digest="…"} 1`, dropping the one it replaces. */
  setInfo(name: string, help: string, labels: Labels): void {
    this.infos.set(name, { help, labels });
  }

  /** Removes an info series (a reload without --lock has no lock to describe). */
  clearInfo(name: string): void {
    this.infos.delete(name);
  }

  get(name: CounterName, labels: Labels = {}): number {
    return this.values.get(name)?.get(this.format(labels)) ?? 0;
  }

  private format(labels: Labels): string {
    let key = "";
    for (const name in labels) key += `${name}\u0000${labels[name]}\u0000`;
    let text = this.formatted.get(key);
    if (text === undefined) {
      text = labelText(labels);
      this.formatted.set(key, text);
    }
    return text;
  }

  /** `gauges` are read at render time (connections in flight, decisions held). */
  render(gauges: Record<string, { help: string; value: number }> = {}): string {
    const lines: string[] = [];
    for (const [name, help] of Object.entries(COUNTERS) as [CounterName, string][]) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      const series = this.values.get(name);
      if (!series || series.size === 0) lines.push(`${name} 0`);
      for (const [labels, value] of [...(series ?? [])].sort(([a], [b]) => a.localeCompare(b)))
        lines.push(`${name}${labels} ${value}`);
    }
    const registered = [...this.gauges].map(([name, { help, read }]) => [name, { help, value: read() }] as const);
    for (const [name, { help, value }] of [...Object.entries(gauges), ...registered])
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`);
    for (const [name, { help, labels }] of this.infos)
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name}${labelText(labels)} 1`);
    return `${lines.join("\n")}\n`;
  }
}

/** `{a="1",b="2"}`, sorted, with `\`, `"` and newlines escaped as the format requires. */
function labelText(labels: Labels): string {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return "";
  const escapeLabel = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
  return `{${entries.map(([name, value]) => `${name}="${escapeLabel(value)}"`).join(",")}}`;
}
