import {
  appendFileSync,
  type Dirent,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { CliIo } from "../../src/cli/cli-io.js";
import { main } from "../../src/cli/main.js";
import type { Environment } from "../../src/cli/settings.js";
import { REPORT_FORMATS } from "../../src/report/report-formats.js";
import { MIT_TEXT } from "../support/hostile-hub.js";
import { type FuzzAnswer, FuzzHub, type FuzzWorld } from "./fuzz-hub.js";

/**
 * `lic check` driven in process (main() with a fake CliIo) by generated model ids, revisions, flags, tokens,
 * policies, and a Hub answering generated metadata, READMEs and LICENSE files. Whatever comes in:
 * - no exception escapes main(), and the exit code is one the README documents (0, 1, 2, 3);
 * - the token never appears in stdout, stderr, a report file or the step summary (nor in the cache, in its own
 *   property), even when the Hub echoes it back;
 * - each run ends within RUN_BUDGET_MS, and memory stays bounded across the property.
 * Run counts are kept small so the file runs in well under 30 s on 2 cores. FUZZ_STATS=1 prints a line per run
 * (exit code, time, requests, RSS growth, the start of stderr), to see what the generators reach.
 */

const RUN_BUDGET_MS = 10_000;
/** A run that has not finished by then is reported as hung, not waited for. */
const RUN_DEADLINE_MS = 20_000;
const HEAP_GROWTH_BUDGET = 256 * 1024 * 1024;
/** Above the RSS a run starts with: a generated run needs a few MB; a body read whole without a cap needs far more. */
const RUN_RSS_BUDGET = 256 * 1024 * 1024;
/** A run of 3 models, 3 generations of up to 3 parents, and their files needs well under this. */
const RUN_REQUEST_BUDGET = 300;
const PEAK_RSS_GROWTH_BUDGET_KB = 512 * 1024;
/** Every token starts with this, so a part of one in the output is easy to see too. */
const TOKEN_PREFIX = "hf_fuzzSECRET";

let hub: FuzzHub;
beforeAll(async () => {
  hub = new FuzzHub();
  await hub.start();
});
afterAll(() => hub.stop());

// ---- arbitraries -------------------------------------------------------------------------------------------------

const ALNUM = [..."abcdefxyzABC0129"];
/** A part of a model id as the Hub allows it: starts and ends on a letter or digit, no `..` or `--`. */
const namePart = fc
  .tuple(
    fc.constantFrom(...ALNUM),
    fc.string({ unit: fc.constantFrom(...ALNUM, "-", "_", "."), maxLength: 8 }),
    fc.constantFrom(...ALNUM),
  )
  .map(([first, middle, last]) => `${first}${middle}${last}`)
  .filter((part) => !/--|\.\./.test(part));
const validId = fc.tuple(namePart, namePart).map(([org, name]) => `${org}/${name}`);
const hostileString = fc.string({ unit: "binary", maxLength: 40 });
/** Mostly `good`, now and then `bad`: most runs should get as far as the Hub, some should be refused. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: bad });
const modelId = mostly(fc.oneof({ weight: 6, arbitrary: validId }, { weight: 1, arbitrary: namePart }), hostileString);
const sha = fc.stringMatching(/^[0-9a-f]{40}$/);
const revision = mostly(fc.oneof(fc.constantFrom("main", "v1.0", "refs/pr/1"), sha), hostileString);
const modelArg = fc.record({ id: modelId, revision: fc.option(revision, { freq: 4 }) });

const LICENSES = [
  "mit",
  "apache-2.0",
  "other",
  "llama3",
  "llama3.2",
  "llama4",
  "cc-by-nc-4.0",
  "unknown",
  "MIT OR Apache-2.0",
  "gpl-3.0",
  "openrail++",
  "",
  "not-a-license",
  "MIT OR",
  "( )",
];
const license = fc.constantFrom(...LICENSES);
/** Licenses a policy may name (the rest of LICENSES make the policy invalid). */
const policyLicense = fc.constantFrom("mit", "apache-2.0", "llama3", "cc-by-nc-4.0", "MIT OR Apache-2.0", "gpl-3.0");

const token = mostly(
  fc.string({ unit: fc.constantFrom(..."abcXYZ0189_-."), minLength: 6, maxLength: 24 }),
  fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 8 }),
    fc.constantFrom("_a\nb", "_tök€n", "_x\r\ny", " _padded "),
  ),
).map((suffix) => `${TOKEN_PREFIX}${suffix}`);
const tokenVia = fc.constantFrom("--token", "--token=", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "file", "none");
/** How the endpoint is given; now and then with the token pasted into it, which must be refused without echoing it. */
const endpointVia = mostly(
  fc.constantFrom("HF_ENDPOINT", "--endpoint"),
  fc.constantFrom("--endpoint ?access_token=", "HF_ENDPOINT ?token=", "--endpoint userinfo", "--endpoint #fragment"),
);
/** Where --output and --report go: a folder that exists, or now and then one that does not. */
const outputDir = mostly(fc.constant("out"), fc.constant("missing/dir"));

const policyYaml = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          extends: mostly(
            fc.constantFrom("default", "commercial", "eu", "osi"),
            fc.constantFrom("missing", "./policy.yaml", "/dev/zero"),
          ),
          context: fc.record(
            {
              domicile: mostly(
                fc.constantFrom("DE", "de", "EU", "US", "fr"),
                fc.oneof(fc.constantFrom("XX", "uk", "XK"), fc.string({ maxLength: 3 })),
              ),
              use: mostly(fc.constantFrom("commercial-product", "internal", "research"), fc.constant("bogus")),
              monthlyActiveUsers: mostly<number | string>(fc.nat(), fc.string({ maxLength: 5 })),
            },
            { requiredKeys: [] },
          ),
          licenses: fc.record(
            {
              allow: fc.array(mostly(policyLicense, license), { maxLength: 3 }),
              deny: fc.array(mostly(policyLicense, license), { maxLength: 2 }),
            },
            { requiredKeys: [] },
          ),
          rules: fc.dictionary(
            mostly(
              fc.constantFrom("osiApproved", "nonCommercial", "geographicExclusions", "useRestrictions"),
              fc.constant("nonComercial"),
            ),
            mostly(fc.constantFrom("block", "warn", "allow"), fc.constant("maybe")),
          ),
          unknownLicense: fc.constantFrom("block", "warn", "allow"),
          severity: fc.dictionary(
            mostly(fc.constantFrom("license-missing", "license-text-unrecognized"), fc.constant("nope")),
            mostly(fc.constantFrom("error", "warning", "info", "off"), fc.constant("fatal")),
          ),
          waivers: fc.array(
            mostly<Record<string, string>>(
              fc.record({
                model: validId,
                finding: fc.constantFrom("license-missing", "license-not-allowed"),
                reason: fc.constant("reviewed"),
                approvedBy: fc.constant("Jane Doe"),
                expires: fc.constantFrom("2020-01-01", "2099-12-31"),
              }),
              fc.record(
                {
                  model: validId,
                  finding: fc.constant("x"),
                  reason: fc.string(),
                  approvedBy: fc.string(),
                  expires: fc.constant("soon"),
                },
                { requiredKeys: [] },
              ),
            ),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: [] },
      )
      .map((policy) => stringify(policy)),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
);

const policy = fc.oneof(
  {
    weight: 2,
    arbitrary: mostly(fc.constantFrom("default", "commercial", "eu", "osi"), fc.constant("nonsense")).map((name) => ({
      name,
    })),
  },
  { weight: 2, arbitrary: policyYaml.map((text) => ({ text })) },
);

const flags = fc.record({
  format: fc.constantFrom(...REPORT_FORMATS),
  output: fc.boolean(),
  report: fc.option(fc.constantFrom(...REPORT_FORMATS)),
  lineage: fc.boolean(),
  maxDepth: fc.integer({ min: 1, max: 3 }),
  concurrency: fc.integer({ min: 1, max: 4 }),
  offline: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** A README: front matter of generated keys and values (with a license), or any text. */
const readme = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }),
        fc.option(license),
        fc.string({ maxLength: 80 }),
      )
      .map(
        ([keys, declared, prose]) =>
          `---\n${stringify(declared === null ? keys : { ...keys, license: declared })}---\n${prose}\n`,
      ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 300 }).map((text) => `---\n${text}`) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
);

const fileAnswer = (text: fc.Arbitrary<string | Buffer>): fc.Arbitrary<FuzzAnswer> =>
  fc.oneof(
    { weight: 6, arbitrary: text.map((body) => ({ status: 200, headers: { "content-type": "text/plain" }, body })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(401, 403).map((status) => ({
        status,
        headers: { "x-error-code": "GatedRepo", "x-error-message": "Access denied for {auth}" },
        body: '{"error":"GatedRepo for {auth}"}',
      })),
    },
    { weight: 1, arbitrary: fc.constant({ status: 404, headers: { "x-error-code": "EntryNotFound" }, body: "{}" }) },
  );

const licenseText = fc.oneof(
  fc.constant(MIT_TEXT),
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.concat([Buffer.from([0]), Buffer.from(bytes)])),
  fc.constant(""),
);

const cardData = fc.record(
  {
    license: fc.oneof(license, fc.array(license, { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
    license_name: fc.oneof(fc.constantFrom("llama4", "deepseek", "{auth}"), hostileString),
    license_link: fc.constantFrom("LICENSE", "LICENSE.md", "https://example.com/l", "../../../../api/whoami-v2"),
    base_model: fc.oneof(validId, fc.array(validId, { maxLength: 3 })),
    extra_gated_prompt: fc.string({ maxLength: 200 }),
    pipeline_tag: fc.constantFrom("text-generation", "image-text-to-text"),
  },
  { requiredKeys: [] },
);

const infoBody = fc.record({
  sha: fc.oneof({ weight: 6, arbitrary: sha }, { weight: 1, arbitrary: fc.string({ maxLength: 41 }) }),
  gated: fc.constantFrom(false, "manual", "auto", true, "weird"),
  tags: fc.array(
    fc.oneof(
      fc.constantFrom("license:mit", "license:apache-2.0", "license:other", "license:llama3"),
      validId.map((id) => `base_model:finetune:${id}`),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 6 },
  ),
  cardData: fc.option(cardData),
  siblings: fc.uniqueArray(
    fc.constantFrom("README.md", "LICENSE", "LICENSE.md", "USE_POLICY.md", "NOTICE", "config.json", "LICENSE-MODEL"),
    { maxLength: 6 },
  ),
  config: fc.option(fc.jsonValue({ maxDepth: 2 })),
});

const infoAnswer: fc.Arbitrary<(id: string) => FuzzAnswer> = fc.oneof(
  {
    weight: 10,
    arbitrary: infoBody.map((info) => (id: string) => ({
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ _id: "0", id, ...info, siblings: info.siblings.map((rfilename) => ({ rfilename })) }),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.constantFrom("null", "[]", "{}", "<html>"), fc.string({ maxLength: 60 }))
      .map((body) => () => ({ status: 200, headers: { "content-type": "application/json" }, body })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(401, 403, 404, 500, 429).map((status) => () => ({
      status,
      headers: {
        "content-type": "application/json",
        "x-error-message": "Invalid credentials: {auth}",
        "retry-after": "0",
      },
      body: '{"error":"token rejected: {auth}"}',
    })),
  },
);

const modelWorld = fc.record({
  known: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  info: infoAnswer,
  readme: fileAnswer(readme),
  license: fileAnswer(licenseText),
});

/** One generated run: the models asked for with what the Hub holds for each, the token and where it goes, the policy, the flags. */
interface Run {
  models: [
    { id: string; revision: string | null },
    { known: boolean; info: (id: string) => FuzzAnswer; readme: FuzzAnswer; license: FuzzAnswer },
  ][];
  token: string;
  tokenVia: string;
  policy: { name: string } | { text: string };
  flags: {
    format: string;
    output: boolean;
    report: string | null;
    lineage: boolean;
    maxDepth: number;
    concurrency: number;
    offline: boolean;
  };
  endpointVia: string;
  outputDir: string;
}

const run: fc.Arbitrary<Run> = fc.record({
  models: fc.array(fc.tuple(modelArg, modelWorld), { minLength: 1, maxLength: 3 }),
  token,
  tokenVia,
  policy: policy as fc.Arbitrary<Run["policy"]>,
  flags,
  endpointVia,
  outputDir,
});

// ---- one run -----------------------------------------------------------------------------------------------------

interface Outcome {
  code: number;
  elapsedMs: number;
  /** Requests the Hub got during the run. */
  requests: number;
  /** Highest RSS seen during the run, above the RSS at its start. */
  rssGrowth: number;
  /** stdout, stderr, and every file the run wrote (reports, step summary, cache when used). */
  outputs: Record<string, string>;
  secrets: string[];
}

async function checkRun(input: Run, options: { cache: boolean } = { cache: false }): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), "lic-fuzz-"));
  try {
    const world: FuzzWorld = { models: new Map() };
    for (const [arg, model] of input.models) {
      if (!model.known) continue;
      world.models.set(arg.id, {
        info: model.info(arg.id),
        files: new Map([
          ["README.md", model.readme],
          ["LICENSE", model.license],
          ["LICENSE.md", model.license],
        ]),
      });
    }
    hub.world = world;

    const env: Environment = {
      XDG_CACHE_HOME: join(dir, "xdg"),
      GITHUB_STEP_SUMMARY: join(dir, "out", "summary.md"),
      NO_COLOR: "1",
    };
    const argv = [
      "check",
      ...input.models.map(([arg]) => (arg.revision === null ? arg.id : `${arg.id}@${arg.revision}`)),
    ];
    const endpoint =
      {
        "--endpoint ?access_token=": `${hub.url}/?access_token=${input.token}`,
        "HF_ENDPOINT ?token=": `${hub.url}/?token=${input.token}`,
        "--endpoint userinfo": hub.url.replace("//", `//user:${input.token}@`),
        "--endpoint #fragment": `${hub.url}/#${input.token}`,
      }[input.endpointVia] ?? hub.url;
    if (input.endpointVia.startsWith("HF_ENDPOINT")) env.HF_ENDPOINT = endpoint;
    else argv.push("--endpoint", endpoint);
    if (input.tokenVia === "--token") argv.push("--token", input.token);
    if (input.tokenVia === "--token=") argv.push(`--token=${input.token}`);
    if (input.tokenVia === "HF_TOKEN") env.HF_TOKEN = input.token;
    if (input.tokenVia === "HUGGING_FACE_HUB_TOKEN") env.HUGGING_FACE_HUB_TOKEN = input.token;
    writeFileSync(join(dir, "token"), `${input.token}\n`);
    env.HF_TOKEN_PATH = input.tokenVia === "file" ? join(dir, "token") : join(dir, "no-token");

    mkdirSync(join(dir, "out"));
    if ("name" in input.policy) argv.push("--policy", input.policy.name);
    else {
      writeFileSync(join(dir, "policy.yaml"), input.policy.text);
      argv.push("--policy", join(dir, "policy.yaml"));
    }
    const { flags: f } = input;
    argv.push(
      "--format",
      f.format,
      "--concurrency",
      String(f.concurrency),
      "--max-depth",
      String(f.maxDepth),
      "--timeout",
      "2",
    );
    if (f.output) argv.push("--output", join(dir, input.outputDir, "report"));
    if (f.report) argv.push("--report", `${f.report}=${join(dir, input.outputDir, `extra.${f.report}`)}`);
    if (!f.lineage) argv.push("--no-lineage");
    if (f.offline) argv.push("--offline");
    argv.push(...(options.cache ? ["--cache-dir", join(dir, "out", "cache")] : ["--no-cache"]));

    let stdout = "";
    let stderr = "";
    const io: CliIo = {
      env,
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      version: "0.0.0-fuzz",
      appendFile: (path, text) => appendFileSync(path, text),
    };
    const started = performance.now();
    const requestsBefore = hub.requests;
    const rssBefore = process.memoryUsage.rss();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 5);
    let code: number;
    try {
      code = await withDeadline(main(argv, io), RUN_DEADLINE_MS, argv);
    } finally {
      clearInterval(sampler);
    }
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    const elapsedMs = performance.now() - started;
    const requests = hub.requests - requestsBefore;
    if (process.env["FUZZ_STATS"])
      console.log(
        `code ${code} ${Math.round(elapsedMs)} ms ${requests} requests ${Math.round((rssPeak - rssBefore) / 2 ** 20)} MiB ${stderr.slice(0, 100).replace(/\n/g, " ")}`,
      );
    const outputs: Record<string, string> = { stdout, stderr };
    for (const file of filesUnder(join(dir, "out")))
      outputs[file] = readFileSync(file, "latin1") + readFileSync(file, "utf8");
    const trimmed = input.token.trim();
    return {
      code,
      elapsedMs,
      requests,
      rssGrowth: rssPeak - rssBefore,
      outputs,
      secrets: [...new Set([input.token, trimmed])].filter((secret) => secret.length > TOKEN_PREFIX.length),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function filesUnder(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
  );
}

async function withDeadline<T>(promise: Promise<T>, ms: number, argv: string[]): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`lic ${JSON.stringify(argv)} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function expectSound(outcome: Outcome): void {
  expect([0, 1, 2, 3]).toContain(outcome.code);
  // README, exit codes: 2 is bad usage, policy or input, and nothing was checked.
  if (outcome.code === 2) expect(outcome.requests, "requests before an exit 2").toBe(0);
  expect(outcome.elapsedMs, "run time (ms)").toBeLessThan(RUN_BUDGET_MS);
  expect(outcome.rssGrowth, "RSS growth during the run").toBeLessThan(RUN_RSS_BUDGET);
  expect(outcome.requests, "requests to the Hub in one run").toBeLessThanOrEqual(RUN_REQUEST_BUDGET);
  for (const [where, text] of Object.entries(outcome.outputs)) {
    for (const secret of outcome.secrets) expect(text.includes(secret), `the token is in ${where}`).toBe(false);
  }
}

/** Runs a property and holds memory to its budgets: heap growth across the property, and growth of peak RSS. */
async function assertBounded(property: fc.IAsyncProperty<[Run]>, numRuns: number): Promise<void> {
  const heapBefore = process.memoryUsage().heapUsed;
  const peakBefore = process.resourceUsage().maxRSS;
  await fc.assert(property, { numRuns, endOnFailure: true });
  expect(process.memoryUsage().heapUsed - heapBefore, "heap growth across the property").toBeLessThan(
    HEAP_GROWTH_BUDGET,
  );
  expect(process.resourceUsage().maxRSS - peakBefore, "peak RSS growth (KB)").toBeLessThan(PEAK_RSS_GROWTH_BUDGET_KB);
}

// ---- the properties ----------------------------------------------------------------------------------------------

describe("lic check under generated input (fast-check)", () => {
  it("CLI input, policies and Hub answers: a documented exit code, no token in any output, bounded time and memory", async () => {
    await assertBounded(
      fc.asyncProperty(run, async (input) => expectSound(await checkRun(input))),
      60,
    );
  }, 120_000);

  it("a token the Hub echoes never reaches the cache either (review M5: the cache's, fixed elsewhere)", async () => {
    const echoing = run.map((input): Run => ({ ...input, tokenVia: "HF_TOKEN", token: `${TOKEN_PREFIX}_cache_probe` }));
    await assertBounded(
      fc.asyncProperty(echoing, async (input) => expectSound(await checkRun(input, { cache: true }))),
      15,
    );
  }, 120_000);

  // Each is a finding another part of issue 11 fixes: on a branch without that fix, its property fails here.
  it.each<[HostileSize, string]>([
    ["keys", "H2: a README front matter of 16,000 keys parses in bounded time (the yaml parse's)"],
    ["metadata", "M3: 128 MiB of metadata is refused, not parsed, and memory stays bounded (the Hub client's)"],
    ["parents", "M4: 1,000 base_model parents do not make 1,000 upstream requests (the lineage's)"],
  ])(
    "hostile size %s: %s",
    async (size) => {
      const model = hostileModel(size);
      const sized = run.map(
        (input): Run => ({
          ...input,
          token: `${TOKEN_PREFIX}_sizes`,
          policy: { name: "default" },
          flags: { ...input.flags, offline: false, lineage: true, maxDepth: 1 },
          models: [model],
        }),
      );
      await assertBounded(
        fc.asyncProperty(sized, async (input) => expectSound(await checkRun(input))),
        2,
      );
    },
    120_000,
  );
});

type HostileSize = "keys" | "metadata" | "parents";
const hostileInfo = new Map<HostileSize, Buffer>();

/** One model whose README, metadata or parents are large, the rest plain; bodies made once, before any run is measured. */
function hostileModel(size: HostileSize): Run["models"][number] {
  const id = `x/${size}`;
  const info = {
    _id: "0",
    id,
    sha: "a".repeat(40),
    tags: [
      "license:mit",
      ...(size === "parents"
        ? Array.from({ length: 1000 }, (_, index) => `base_model:finetune:x/missing${index}`)
        : []),
    ],
    cardData: { license: "mit" },
    siblings: [{ rfilename: "README.md" }, { rfilename: "LICENSE" }],
  };
  if (!hostileInfo.has(size)) {
    const json = Buffer.from(JSON.stringify(info));
    // 128 MiB of padding inside the JSON object, as one Buffer the server sends without copying.
    hostileInfo.set(
      size,
      size === "metadata"
        ? Buffer.concat([json.subarray(0, -1), Buffer.from(',"pad":"'), Buffer.alloc(128 << 20, 97), Buffer.from('"}')])
        : json,
    );
  }
  const body = hostileInfo.get(size)!;
  const readmeText =
    size === "keys"
      ? `---\n${Array.from({ length: 16_000 }, (_, index) => `k${index}: v`).join("\n")}\nlicense: mit\n---\n`
      : "---\nlicense: mit\n---\n";
  return [
    { id, revision: null },
    {
      known: true,
      info: () => ({ status: 200, headers: { "content-type": "application/json" }, body }),
      readme: { status: 200, body: readmeText },
      license: { status: 200, body: MIT_TEXT },
    },
  ];
}
