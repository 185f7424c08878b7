import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { inflateSync } from "node:zlib";

/** The HTML report held in a real browser: Debian's Chromium, headless, and what it writes (a PNG, a PDF) read back. */

const run = promisify(execFile);
const CHROMIUM = "/usr/bin/chromium";

/** Debian's chromium, headless, in a fresh profile, with no network chatter; fails loudly when missing. */
export async function chromium(tempDir: string, ...args: string[]): Promise<string> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the HTML report is tested in a real headless browser, so .ci/run must install it ` +
        "(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) before npm test",
    );
  }
  const flags = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    `--user-data-dir=${join(tempDir, "profile")}`,
  ];
  const { stdout } = await run(CHROMIUM, [...flags, ...args], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Writes `html` into `dir` and returns the page's file URL. */
export function pageIn(dir: string, html: string): string {
  const file = join(dir, "report.html");
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

/** The page as Chromium prints it (A4, as its `@page` rule asks), without the browser's header and footer. */
export async function printToPdf(dir: string, html: string): Promise<Buffer> {
  const pdf = join(dir, "report.pdf");
  await chromium(dir, `--print-to-pdf=${pdf}`, "--no-pdf-header-footer", pageIn(dir, html));
  if (!existsSync(pdf)) throw new Error("chromium wrote no PDF");
  return readFileSync(pdf);
}

/** Pages in a PDF: its `/Type /Page` objects, not the `/Type /Pages` nodes of the page tree above them. */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

export async function screenshot(dir: string, html: string, width: number, height: number): Promise<Buffer> {
  const png = join(dir, "report.png");
  await chromium(
    dir,
    `--screenshot=${png}`,
    `--window-size=${width},${height}`,
    "--hide-scrollbars",
    pageIn(dir, html),
  );
  if (!existsSync(png)) throw new Error("chromium wrote no screenshot");
  return readFileSync(png);
}

export interface Pixels {
  width: number;
  height: number;
  /** Each pixel's red, green and blue, row by row (alpha dropped). */
  rgb: (x: number, y: number) => [number, number, number];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes per pixel of the 8-bit colour types Chromium writes: truecolour (2) and truecolour with alpha (6). */
const BYTES_PER_PIXEL: Record<number, number> = { 2: 3, 6: 4 };

/** Just enough of PNG to read a screenshot back: IHDR, the IDAT stream inflated, each row's filter undone. */
export function decodePng(png: Buffer): Pixels {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG");
  const chunks = pngChunks(png);
  const header = chunks.find((chunk) => chunk.type === "IHDR")!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bpp = BYTES_PER_PIXEL[header[9]!];
  if (header[8] !== 8 || bpp === undefined || header[12] !== 0) {
    throw new Error(`unexpected PNG: bit depth ${header[8]}, colour type ${header[9]}, interlace ${header[12]}`);
  }
  const raw = inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === "IDAT").map((chunk) => chunk.data)));
  const pixels = unfilter(raw, width, height, bpp);
  return {
    width,
    height,
    rgb: (x, y) => {
      const at = (y * width + x) * bpp;
      return [pixels[at]!, pixels[at + 1]!, pixels[at + 2]!];
    },
  };
}

function pngChunks(png: Buffer): { type: string; data: Buffer }[] {
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    chunks.push({ type: png.toString("latin1", at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** PNG's five row filters (None, Sub, Up, Average, Paeth) undone, row by row. */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const upLeft = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      out[y * stride + x] = (row[x]! + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predictor(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const estimate = left + up - upLeft;
      const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
      return a <= b && a <= c ? left : b <= c ? up : upLeft;
    }
    default:
      throw new Error(`unknown PNG row filter ${filter}`);
  }
}

/** How many pixels are of each kind: not white (ink), and exactly `rgb` (a fill, which anti-aliasing leaves alone). */
export function countPixels(pixels: Pixels, rgb: [number, number, number]): { ink: number; matching: number } {
  let ink = 0;
  let matching = 0;
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      const [r, g, b] = pixels.rgb(x, y);
      if (r !== 255 || g !== 255 || b !== 255) ink++;
      if (r === rgb[0] && g === rgb[1] && b === rgb[2]) matching++;
    }
  }
  return { ink, matching };
}
