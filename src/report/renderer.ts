import type { RunReport } from "../types/result.js";

export interface RenderOptions {
  /** ANSI colours, as `shouldColour` decides (text and summary at a terminal); the other formats ignore it. */
  color?: boolean;
  /** The CycloneDX specification a `cyclonedx` BOM follows (`--cyclonedx-version`); the other formats ignore it. */
  cyclonedxVersion?: CycloneDxVersion;
}

/** The CycloneDX versions lic writes: 1.6 (the default, which most consumers read) and 1.7. */
export const CYCLONEDX_VERSIONS = ["1.6", "1.7"] as const;
export type CycloneDxVersion = (typeof CYCLONEDX_VERSIONS)[number];

/** What a format writes: its output, and for GitHub the Markdown that $GITHUB_STEP_SUMMARY takes. */
export interface Rendered {
  output: string;
  stepSummary?: string;
}

/** Each renderer module exports one of these as `render`: pure, so equal reports give equal bytes. */
export type Render = (report: RunReport, options: RenderOptions) => Rendered;
