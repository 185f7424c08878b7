import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeHub } from "../test/support/fake-hub.js";
import { bertModel } from "../test/support/hub-models.js";
import { runLic } from "../test/support/run-lic.js";

const hub = FakeHub.of([bertModel()]);
await hub.start();
const home = mkdtempSync(join(tmpdir(), "lic-warm-"));
const sha = String(bertModel().info["sha"]);
const r = await runLic(["check", `google-bert/bert-base-uncased@${sha}`], { HF_ENDPOINT: hub.url }, home);
console.log(JSON.stringify({ home, url: hub.url, sha, code: r.code }));
await hub.stop();
