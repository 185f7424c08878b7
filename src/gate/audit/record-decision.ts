import { randomUUID } from "node:crypto";
import type { DecisionOutcome } from "../decision.js";
import type { Exchange } from "../exchange.js";
import type { GateContext } from "../gate-context.js";
import type { ModelRoute } from "../route.js";
import type { AuditEntry } from "./audit-sink.js";

/** What the gate did with one model request, and why: one audit entry and the decision counters. */
export interface Recorded {
  outcome: DecisionOutcome;
  /** The commit the request named or the upstream answered with, when the decision has none (undecided). */
  sha: string | null;
  action: AuditEntry["action"];
  status: number;
  reason?: string;
}

/** Audits one decided request and counts it; an evaluation (not a kept decision) is counted apart. */
export function recordDecision(context: GateContext, exchange: Exchange, route: ModelRoute, recorded: Recorded): void {
  const { outcome, sha, action, status, reason } = recorded;
  const { policy } = context;
  const verdict = outcome.ok ? outcome.decision.verdict : "undecided";
  context.metrics.add("lic_gate_decisions_total", { verdict, action });
  if (outcome.ok && !outcome.cached) context.metrics.add("lic_gate_decision_evaluations_total", { verdict });
  context.audit.write({
    // One entry per request, so the entry's id is the request's.
    requestId: randomUUID(),
    time: context.now().toISOString(),
    client: exchange.client,
    method: exchange.method,
    route: route.kind,
    ...(route.repoType ? { repoType: route.repoType } : {}),
    model: route.repoId,
    revision: route.revision,
    sha: outcome.ok ? outcome.decision.sha : sha,
    path: route.path,
    mode: context.mode,
    verdict,
    codes: outcome.ok ? outcome.decision.codes : [],
    action,
    status,
    policy: { name: policy.name, digest: policy.digest },
    ...(reason ? { reason } : !outcome.ok ? { reason: outcome.message } : {}),
  });
}
