import nock from "nock";
import { describe, expect, it } from "vitest";
import { fetchModelSnapshot } from "../../../src/acquire/hub/fetch-model-snapshot.js";
import { HubError } from "../../../src/acquire/hub/hub-error.js";
import { fixtureText, hubApiFixture, readmeFor } from "../../support/fixtures.js";
import { useNock } from "../../support/use-nock.js";

/** A socket failure as Node raises it: an Error with a code (nock emits a plain object on no request of node:http). */
function socketError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

const HUB = "https://huggingface.co";
const options = { endpoint: HUB, timeoutMs: 5000, sleep: async () => undefined };

useNock();

/** The metadata request @huggingface/hub makes: `/api/models/{id}/revision/{rev}?expand=…`. */
function replyInfo(id: string, revision: string, body: object, status = 200, headers: Record<string, string> = {}) {
  return nock(HUB)
    .get(`/api/models/${id}/revision/${encodeURIComponent(revision)}`)
    .query((query) => ([] as string[]).concat(query["expand"] as string[]).includes("cardData"))
    .reply(status, body, { "content-type": "application/json", ...headers });
}

function replyFile(id: string, sha: string, path: string, text: string) {
  return nock(HUB).get(`/${id}/resolve/${sha}/${path}`).reply(200, text, { "x-repo-commit": sha });
}

describe("fetchModelSnapshot", () => {
  it("reads a permissive model's metadata and license files at the resolved commit", async () => {
    const info = hubApiFixture("google-bert__bert-base-uncased");
    const sha = String(info["sha"]);
    replyInfo("google-bert/bert-base-uncased", "main", info);
    replyFile("google-bert/bert-base-uncased", sha, "README.md", readmeFor(info));
    replyFile("google-bert/bert-base-uncased", sha, "LICENSE", fixtureText("license-texts/apache-2.0.txt"));

    const snapshot = await fetchModelSnapshot("google-bert/bert-base-uncased", "main", options);
    expect(snapshot).toMatchObject({ id: "google-bert/bert-base-uncased", sha, gated: false, gaps: [] });
    expect(snapshot.tags).toContain("license:apache-2.0");
    expect(snapshot.texts.map((file) => [file.path, file.role, file.sha256])).toEqual([
      ["README.md", "readme", expect.stringMatching(/^[0-9a-f]{64}$/)],
      ["LICENSE", "license", "c274f80372d90c012937370f0e1f15087d22e308ef98b27cea5dc0d2d088366c"],
    ]);
  });

  it("follows the Hub's 307 rename and reports the canonical id", async () => {
    const info = hubApiFixture("google-bert__bert-base-uncased");
    const sha = String(info["sha"]);
    nock(HUB)
      .get("/api/models/bert-base-uncased/revision/main")
      .query(true)
      .reply(307, "Temporary Redirect. Redirecting to /api/models/google-bert/bert-base-uncased", {
        location:
          "/api/models/google-bert/bert-base-uncased/revision/main?expand=cardData&expand=tags&expand=siblings&expand=sha",
      });
    replyInfo("google-bert/bert-base-uncased", "main", info);
    replyFile("google-bert/bert-base-uncased", sha, "README.md", readmeFor(info));
    replyFile("google-bert/bert-base-uncased", sha, "LICENSE", "Apache");

    const snapshot = await fetchModelSnapshot("bert-base-uncased", "main", options);
    expect(snapshot.requestedId).toBe("bert-base-uncased");
    expect(snapshot.id).toBe("google-bert/bert-base-uncased");
  });

  it("decides a gated model from metadata and records why its files could not be read", async () => {
    const info = hubApiFixture("meta-llama__Meta-Llama-3-8B-Instruct");
    const sha = String(info["sha"]);
    replyInfo("meta-llama/Meta-Llama-3-8B-Instruct", "main", info);
    for (const path of ["README.md", "LICENSE", "USE_POLICY.md"]) {
      nock(HUB)
        .get(`/meta-llama/Meta-Llama-3-8B-Instruct/resolve/${sha}/${path}`)
        .reply(401, "Access to model meta-llama/Meta-Llama-3-8B-Instruct is restricted.", {
          "x-error-code": "GatedRepo",
        });
    }
    const snapshot = await fetchModelSnapshot("meta-llama/Meta-Llama-3-8B-Instruct", "main", options);
    expect(snapshot.gated).toBe("manual");
    expect(snapshot.texts).toEqual([]);
    expect(snapshot.gaps).toEqual([
      expect.objectContaining({ path: "README.md", reason: "gated", status: 401 }),
      expect.objectContaining({ path: "LICENSE", reason: "gated", status: 401 }),
      expect.objectContaining({ path: "USE_POLICY.md", reason: "gated", status: 401 }),
    ]);
    expect(String(snapshot.cardData?.["extra_gated_prompt"])).toContain("META LLAMA 3 COMMUNITY LICENSE AGREEMENT");
  });

  it("reads a model with no license and no README", async () => {
    const info = hubApiFixture("dbmdz__bert-large-cased-finetuned-conll03-english");
    replyInfo("dbmdz/bert-large-cased-finetuned-conll03-english", "main", info);
    const snapshot = await fetchModelSnapshot("dbmdz/bert-large-cased-finetuned-conll03-english", "main", options);
    expect(snapshot.cardData?.["license"]).toBeUndefined();
    expect(snapshot.texts).toEqual([]);
    expect(snapshot.gaps).toEqual([]);
  });

  it("keeps a list-valued base_model and the Hub's base_model tags as they are", async () => {
    const info = hubApiFixture("deepset__roberta-base-squad2");
    const sha = String(info["sha"]);
    replyInfo("deepset/roberta-base-squad2", "main", info);
    replyFile("deepset/roberta-base-squad2", sha, "README.md", readmeFor(info));
    const snapshot = await fetchModelSnapshot("deepset/roberta-base-squad2", "main", options);
    expect(snapshot.cardData?.["base_model"]).toEqual(["FacebookAI/roberta-base"]);
    expect(snapshot.tags).toContain("base_model:finetune:FacebookAI/roberta-base");
  });

  it("refuses an expand-only payload without the commit sha it must pin to", async () => {
    const payload = hubApiFixture("meta-llama__Llama-3.2-3B-Instruct.expand_inferenceProviderMapping");
    replyInfo("meta-llama/Llama-3.2-3B-Instruct", "main", payload);
    const error = await fetchModelSnapshot("meta-llama/Llama-3.2-3B-Instruct", "main", options).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(HubError);
    expect(error).toMatchObject({ kind: "invalid-response" });
    expect(error.message).toContain("sha");
  });

  it("reads a file that 404s with EntryNotFound as a gap, not a failure", async () => {
    const info = hubApiFixture("google-bert__bert-base-uncased");
    const sha = String(info["sha"]);
    replyInfo("google-bert/bert-base-uncased", "main", info);
    replyFile("google-bert/bert-base-uncased", sha, "README.md", readmeFor(info));
    nock(HUB)
      .get(`/google-bert/bert-base-uncased/resolve/${sha}/LICENSE`)
      .reply(404, "Entry not found", { "x-error-code": "EntryNotFound" });
    const snapshot = await fetchModelSnapshot("google-bert/bert-base-uncased", "main", options);
    expect(snapshot.gaps).toEqual([expect.objectContaining({ path: "LICENSE", reason: "not-found", status: 404 })]);
  });

  it("caps what it reads of a file and says so", async () => {
    const info = hubApiFixture("google-bert__bert-base-uncased");
    const sha = String(info["sha"]);
    replyInfo("google-bert/bert-base-uncased", "main", info);
    replyFile("google-bert/bert-base-uncased", sha, "README.md", "x".repeat(5000));
    replyFile("google-bert/bert-base-uncased", sha, "LICENSE", "short");
    const snapshot = await fetchModelSnapshot("google-bert/bert-base-uncased", "main", {
      ...options,
      maxFileBytes: 1000,
    });
    expect(snapshot.texts[0]).toMatchObject({ path: "README.md", bytes: 1000, truncated: true });
    expect(snapshot.texts[1]).toMatchObject({ path: "LICENSE", bytes: 5, truncated: false });
  });

  it.each([
    [404, { "x-error-code": "RepoNotFound" }, "repo-not-found"],
    [401, {}, "repo-not-found"],
    [404, { "x-error-code": "RevisionNotFound" }, "revision-not-found"],
    [403, { "x-error-code": "GatedRepo" }, "gated"],
    [403, {}, "forbidden"],
    [429, { "retry-after": "9999" }, "rate-limited"],
    [500, {}, "upstream"],
  ])("tells apart a metadata answer %d %j as %s", async (status, headers, kind) => {
    nock(HUB)
      .get("/api/models/org/model/revision/v1")
      .query(true)
      .times(status >= 500 ? 4 : 1)
      .reply(status, { error: "nope" }, { "content-type": "application/json", ...headers });
    const error = await fetchModelSnapshot("org/model", "v1", options).catch((caught) => caught);
    expect(error).toBeInstanceOf(HubError);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(/^org\/model: /);
  });

  it("says a connection failure is a network problem with the endpoint", async () => {
    nock(HUB)
      .get("/api/models/org/model/revision/main")
      .query(true)
      .times(4)
      .replyWithError(socketError("ECONNREFUSED", "refused"));
    const error = await fetchModelSnapshot("org/model", "main", options).catch((caught) => caught);
    expect(error).toMatchObject({ kind: "network" });
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("does not crash on messy metadata: non-string tags, a string cardData, unknown gated values", async () => {
    replyInfo("org/messy", "main", {
      _id: "1",
      id: "org/messy",
      sha: "a".repeat(40),
      gated: true,
      tags: ["license:mit", 7, null],
      cardData: "license: mit",
      siblings: [{ rfilename: 12 }],
    });
    const snapshot = await fetchModelSnapshot("org/messy", "main", options);
    expect(snapshot).toMatchObject({ gated: "manual", tags: ["license:mit"], cardData: null, files: [] });
  });
});
