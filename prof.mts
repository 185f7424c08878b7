import { readFileSync } from "node:fs";
import { parserFor } from "./src/scan/parsers.ts";
import { extractPython } from "./src/scan/extract/python.ts";
import { extractJavaScript } from "./src/scan/extract/javascript.ts";
const py = `import os\nfrom transformers import AutoModel\nmodel = AutoModel.from_pretrained("a/b")\n` + Array.from({ length: 40 }, (_, l) => `def f${l}(x):\n    return x * ${l}\n`).join("");
const ts = `import { pipeline } from "@huggingface/transformers";\nawait pipeline("feature-extraction", "a/b");\n` + Array.from({ length: 40 }, (_, l) => `export const f${l} = (x: number): number => x * ${l};\n`).join("");
const pp = await parserFor("python"); const tp = await parserFor("typescript");
for (const [name, fn] of [["parse py", () => pp.parse(py)!.delete()], ["extract py", () => extractPython(py, "a.py", pp)], ["parse ts", () => tp.parse(ts)!.delete()], ["extract ts", () => extractJavaScript(ts, "a.ts", tp)]] as const) {
  const t0 = performance.now(); for (let i = 0; i < 2000; i++) fn(); console.log(name, ((performance.now() - t0) / 2000).toFixed(3), "ms");
}
