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

/**
 * A counter's series, found from the label names and values of an `add` by one Map step each (a name, then its
 * value), so counting builds no key: every request counts three times. Each leaf points at its series, shared by
 * every order in which the same labels are given.
 */
interface LabelNode {
  next: Map<string, LabelNode>;
  series?: { value: number };
}

interface Counter {
  root: LabelNode;
  /** By label text (`{a="1"}`), as rendered. */
  series: Map<string, { value: number }>;
}

export class Metrics {
  private readonly counters = new Map<CounterName, Counter>();
  /** Gauges of optional parts (the shared Redis), registered by what starts them and read at render time. */
  private readonly gauges = new Map<string, { help: string; read: () => number }>();

  gauge(name: string, help: string, read: () => number): void {
    this.gauges.set(name, { help, read });
  }

  /** Info series (value 1, the facts in labels): what the gate runs by now, replaced whole on each reload. */
  private readonly infos = new Map<string, { help: string; labels: Labels }>();

  add(name: CounterName, labels: Labels = {}, amount = 1): void {
    this.seriesOf(name, labels).value += amount;
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
    return this.counters.get(name)?.series.get(labelText(labels))?.value ?? 0;
  }

  private seriesOf(name: CounterName, labels: Labels): { value: number } {
    let counter = this.counters.get(name);
    if (counter === undefined) {
      counter = { root: { next: new Map() }, series: new Map() };
      this.counters.set(name, counter);
    }
    let node = counter.root;
    for (const label in labels) node = step(step(node, label), labels[label]!);
    if (node.series === undefined) {
      const text = labelText(labels);
      node.series = counter.series.get(text) ?? { value: 0 };
      counter.series.set(text, node.series);
    }
    return node.series;
  }

  /** `gauges` are read at render time (connections in flight, decisions held). */
  render(gauges: Record<string, { help: string; value: number }> = {}): string {
    const lines: string[] = [];
    for (const [name, help] of Object.entries(COUNTERS) as [CounterName, string][]) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      const series = this.counters.get(name)?.series;
      if (!series || series.size === 0) lines.push(`${name} 0`);
      for (const [labels, { value }] of [...(series ?? [])].sort(([a], [b]) => a.localeCompare(b)))
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

function step(node: LabelNode, key: string): LabelNode {
  let next = node.next.get(key);
  if (next === undefined) {
    next = { next: new Map() };
    node.next.set(key, next);
  }
  return next;
}

/** `{a="1",b="2"}`, sorted, with `\`, `"` and newlines escaped as the format requires. */
function labelText(labels: Labels): string {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return "";
  const escapeLabel = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
  return `{${entries.map(([name, value]) => `${name}="${escapeLabel(value)}"`).join(",")}}`;
}
