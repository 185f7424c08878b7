import type { Finding } from "../../src/types/finding.js";
import type { CodeUse, RunReport } from "../../src/types/result.js";
import { fixedReport } from "./fixed-report.js";

/** `count` places in src/app.py that load a repo, one line apart. */
export function usesIn(file: string, count: number, via = "transformers.from_pretrained"): CodeUse[] {
  return Array.from({ length: count }, (_, index) => ({ file, line: 10 + index, column: 5, via }));
}

/** Project findings of each evidence kind: an error at the code, a warning at a lic.lock entry. */
export function projectFindings(): Finding[] {
  return [
    {
      code: "lock-entry-missing",
      severity: "error",
      args: { id: "org/new-model", kind: "model", requested: "main" },
      subject: null,
      evidence: [
        { source: "code", file: "src/train.py", line: 7, column: 13, via: "transformers.from_pretrained" },
        { source: "code", file: "src/serve.py", line: 21, column: 9, via: "pipeline" },
      ],
    },
    {
      code: "lock-entry-unused",
      severity: "warning",
      args: { id: "org/old-model", kind: "model", requested: "main" },
      subject: null,
      evidence: [{ source: "lock", file: "lic.lock", line: 4, entry: "org/old-model@main" }],
    },
  ];
}

/**
 * The fixed report as `lic check --scan` gives it: the first model loaded in one place, the second (with findings) in
 * seven, more than a summary names, the model not checked in one, and a project section with findings and a dataset.
 */
export function scannedReport(): RunReport {
  const report = fixedReport();
  report.results[0]!.uses = [{ file: "scripts/embed.py", line: 3, column: 1, via: "pipeline" }];
  report.results[1]!.uses = usesIn("src/app.py", 7);
  report.errors[0]!.uses = [{ file: "config/models.yaml", line: 2, column: 10, via: "config:model_id" }];
  report.project = {
    root: ".",
    lock: "lic.lock",
    findings: projectFindings(),
    datasets: [{ id: "rajpurkar/squad", requested: "main", uses: usesIn("src/data.py", 1, "datasets.load_dataset") }],
  };
  return report;
}
