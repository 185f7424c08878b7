import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanTree } from "../../src/scan/scan-tree.js";
import { useTempDirs } from "../support/temp-dir.js";

/* The walk over a real folder: which files are read, which are skipped and why, and the model-confusion check. */
const tempDir = useTempDirs();

function tree(files: Record<string, string | Buffer>): string {
  const root = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const load = (id: string) => `from transformers import AutoModel\nAutoModel.from_pretrained("${id}")\n`;
const files = async (root: string, exclude: string[] = []) =>
  (await scanTree(root, { exclude })).references.map((reference) => `${reference.file} ${reference.id}`);

describe("scanTree", () => {
  it("reads code in every folder, and skips tools' folders and virtual environments", async () => {
    const root = tree({
      "src/app.py": load("org/app"),
      "node_modules/pkg/index.py": load("org/dependency"),
      ".git/hooks/x.py": load("org/git"),
      "env/pyvenv.cfg": "home = /usr/bin\n",
      "env/lib/x.py": load("org/venv"),
      "__pycache__/x.py": load("org/cache"),
    });
    expect(await files(root)).toEqual(["src/app.py org/app"]);
  });

  it("honours .gitignore files in their own folder and below, and --exclude patterns", async () => {
    const root = tree({
      ".gitignore": "build/\n*.generated.py\n",
      "build/x.py": load("org/build"),
      "a.generated.py": load("org/generated"),
      "pkg/.gitignore": "local.py\n",
      "pkg/local.py": load("org/local"),
      "local.py": load("org/kept"),
      "experiments/old.py": load("org/experiment"),
      "main.py": load("org/main"),
    });
    expect(await files(root, ["experiments/"])).toEqual(["local.py org/kept", "main.py org/main"]);
  });

  it("notes binary, oversized, unparsable files and links out of the tree, and goes on", async () => {
    const outside = tree({ "secret.py": load("org/outside") });
    const root = tree({
      "binary.py": Buffer.from([0x41, 0x00, 0x42]),
      "huge.py": `x = 1\n${"#".repeat(3 * 1024 * 1024)}\n`,
      "broken.json": '{"model": "org/x",',
      "ok.py": load("org/ok"),
    });
    symlinkSync(join(outside, "secret.py"), join(root, "link.py"));
    const scan = await scanTree(root, { exclude: [] });
    expect(scan.references.map((reference) => reference.id)).toEqual(["org/ok"]);
    expect(scan.notes.map((note) => `${note.file} ${note.reason}`)).toEqual([
      "binary.py binary",
      "broken.json unparsable",
      "huge.py too-large",
      "link.py symlink-outside",
    ]);
  });

  it("reports an id that is also a folder in the tree (model confusion)", async () => {
    const root = tree({ "app.py": load("acme/classifier"), "acme/classifier/config.json": "{}" });
    const scan = await scanTree(root, { exclude: [] });
    expect(scan.confusions).toEqual([
      {
        id: "acme/classifier",
        directory: "acme/classifier",
        references: [expect.objectContaining({ file: "app.py", line: 2 })],
      },
    ]);
  });

  it("picks the extractor by file name: notebooks, TypeScript, configs, Dockerfiles, .env, shell", async () => {
    const notebook = JSON.stringify(
      {
        cells: [
          {
            cell_type: "code",
            source: ["from transformers import pipeline\n", 'pipeline("ner", model="org/nb")\n'],
            metadata: {},
            outputs: [],
          },
        ],
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    );
    const root = tree({
      "a.ipynb": notebook,
      "b.ts": `import { pipeline } from "@huggingface/transformers";\nawait pipeline("feature-extraction", "org/ts");\n`,
      "c.yaml": "base_model: org/yaml\n",
      Dockerfile: "FROM python:3.12\nRUN hf download org/docker\n",
      ".env": "MODEL_ID=org/env\n",
      "d.sh": "vllm serve org/shell\n",
      "types.d.ts": `pipeline("x", "org/declaration");\n`,
    });
    expect(await files(root)).toEqual([
      ".env org/env",
      "Dockerfile org/docker",
      "a.ipynb org/nb",
      "b.ts org/ts",
      "c.yaml org/yaml",
      "d.sh org/shell",
    ]);
  });
});
