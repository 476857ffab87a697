import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * A PDF read back as a reader sees it: its text page by page (`pdftotext -layout`, Debian's
 * poppler-utils, which .ci/run installs) and its pages as PNG images (`pdftoppm`) to look at.
 */
const run = promisify(execFile);

/** Each page's text, spaces inside figures (U+00A0) as plain spaces. */
export async function pdfPages(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 32 * 1024 * 1024 });
  const pages = stdout.replace(/\u00a0/g, ' ').split('\f');
  return pages[pages.length - 1]!.trim() === '' ? pages.slice(0, -1) : pages;
}

/** The pages as PNGs in `dir` (`<prefix>-01.png`, …); copied to BRIEF_PAGES_DIR too when it is set, for a person to look at. */
export async function pdfImages(file: string, dir: string, prefix: string, dpi = 60): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  await run('pdftoppm', ['-r', String(dpi), '-png', file, path.join(dir, prefix)]);
  const images = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
  const keep = process.env.BRIEF_PAGES_DIR;
  if (keep) {
    fs.mkdirSync(keep, { recursive: true });
    for (const image of images) fs.copyFileSync(image, path.join(keep, path.basename(image)));
  }
  return images;
}

/** The index of the page whose text contains `needle` first (after page `from`), or -1. */
export const pageOf = (pages: string[], needle: string | RegExp, from = 0): number =>
  pages.findIndex((p, i) => i >= from && (typeof needle === 'string' ? p.includes(needle) : needle.test(p)));
