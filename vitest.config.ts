import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Files that hold the process's memory to a budget (heap and peak RSS growth, the RSS a 64 MiB body adds): each runs
 * in a fresh process, as before, so that what other files left behind cannot hide, or cause, a breach.
 */
const ISOLATED = ["test/fuzz/**/*.test.ts", "test/acquire/hub/hostile-hub.test.ts"];

export default defineConfig({
  test: {
    environment: "node",
    // Forks, not threads: RSS is per process, and the budgets above read it.
    pool: "forks",
    // Vitest's default is one worker less than the CPUs: a single worker on a two-core machine. Many cases wait on
    // sockets and timers (retries, timeouts, spawned CLIs), so one worker per CPU keeps both busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The slowest case needs about 4 s when the machine is quiet (the gate's 3 s upstream timeout, M8), and a worker's
    // first CLI case pays the imports (~4 s). The timeout guards against hangs, not speed (speed is in npm run bench):
    // 20 s leaves room for a machine that also runs PostgreSQL, Redis, nginx and Chromium for the suite. The fuzz
    // properties and the browser tests set their own, longer timeouts.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: ISOLATED,
          // Files reuse a worker and its loaded modules (the catalog, the matcher's references, zod schemas): the
          // import cost is paid once per worker, not once per file. No test file changes globals; nock is switched
          // on and off around the files that use it (test/support/use-nock.ts).
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED, isolate: true } },
    ],
  },
});
