import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../../schema/errors.js';
import { parseYear } from '../../schema/validation.js';
import { warehouseSnapshot, type WarehouseQueries } from '../metrics/metric-queries.js';
import { buildBriefContent, lastCompleteYear, type BriefContent } from './brief.content.js';
import { composeBrief } from './brief.document.js';
import { LANGS, type Lang } from './number-format.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import type { PdfRenderer } from './render-pdf.js';
import { escapeXml } from '../../platform/escape-xml.js';
import {
  appendixFileName,
  BRIEF_FILE,
  BRIEF_FORMATS,
  type BriefFormat,
  briefFileName,
  type BriefScope,
  isProvince,
  validateScope,
} from './brief-files.js';
import { withDefaultRegion } from './brief-regions.js';
import { renderAppendixHtml } from './render-appendix-html.js';
import { renderAppendixMarkdown } from './render-appendix-markdown.js';
import { knowsSponsor } from './sections/sponsor.section.js';
import { buildProvinceContent, type ProvinceContent } from './province.content.js';
import { composeProvinceBrief } from './province.document.js';

// The service's names for its callers (the CLI, the bench, the server's route): one import.
export { appendixFileName, BRIEF_FORMATS, type BriefFormat, briefFileName, type BriefScope } from './brief-files.js';

/**
 * Writes the year-over-year briefs into one folder that the server publishes at /briefs/:
 * `brief-<year>-vs-<compare>.<lang>.<html|md|pdf>`, `latest.<lang>.<ext>` (copies of the newest
 * year's brief) and an `index.html` listing them. No process-level side effects: the CLI, the
 * server's start-up and the nightly job all call this.
 */

export interface WriteBriefsOptions {
  /** Every query of one call runs on one catalogue (platform/warehouse-reader.ts WarehouseReader has `pinned`). */
  warehouse: { pinned<T>(work: (warehouse: WarehouseQueries) => Promise<T>): Promise<T> };
  outDir: string;
  /** Default: the last calendar year complete on the snapshot date. */
  year?: number;
  /** Default: the year before `year`. */
  compare?: number;
  langs?: readonly Lang[];
  formats?: readonly BriefFormat[];
  /** The whole regency's brief by default; one sponsor's with `{ sponsor: code }`. */
  scope?: BriefScope;
  /** Chromium for PDFs (default /usr/bin/chromium). */
  chromiumPath?: string;
  /** One info line per file written (a pino logger fits). */
  log?: { info(details: object, message: string): void };
}

export interface WrittenBrief {
  file: string;
  path: string;
  lang: Lang;
  format: BriefFormat;
  /** The brief itself, or its SQL appendix (`….sql.html`, `….sql.md`), which the brief links to. */
  part: 'brief' | 'appendix';
  bytes: number;
}

export interface BriefsWritten {
  year: number;
  compare: number;
  /** A regency's (or the whole warehouse's) content, or a province's comparison. */
  content: BriefContent | ProvinceContent;
  files: WrittenBrief[];
}

export function validateBriefOptions(o: {
  year?: number;
  compare?: number;
  langs?: readonly string[];
  formats?: readonly string[];
  scope?: BriefScope;
}): void {
  if (o.scope) validateScope(o.scope);
  if (o.year !== undefined) parseYear('year', o.year);
  if (o.compare !== undefined) {
    parseYear('compare', o.compare);
    if (o.year !== undefined && o.compare >= o.year) throw new ValidationError('compare', 'must be a year before year');
  }
  if (o.langs !== undefined) {
    const bad = o.langs.find((l) => !(LANGS as readonly string[]).includes(l));
    if (o.langs.length === 0 || bad !== undefined)
      throw new ValidationError('lang', `must be ${LANGS.join(' or ')}${bad ? `, not "${bad}"` : ''}`);
  }
  if (o.formats !== undefined) {
    const bad = o.formats.find((f) => !(BRIEF_FORMATS as readonly string[]).includes(f));
    if (o.formats.length === 0 || bad !== undefined) {
      throw new ValidationError('format', `must be ${BRIEF_FORMATS.join(', ')}${bad ? `, not "${bad}"` : ''}`);
    }
  }
}

export const isProvinceContent = (content: BriefContent | ProvinceContent): content is ProvinceContent =>
  'kind' in content && content.kind === 'province';

/** Readers of the published folder never see half a file: write beside it, then rename. */
function writeAtomically(file: string, data: string | Buffer): number {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
  return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
}

export async function writeBriefs(options: WriteBriefsOptions): Promise<BriefsWritten> {
  const langs = options.langs ?? LANGS;
  const formats = options.formats ?? BRIEF_FORMATS;
  let scope = options.scope ?? {};
  validateBriefOptions({ ...options, langs, formats, scope });
  const content = await options.warehouse.pinned(async (warehouse) => {
    const year = options.year ?? lastCompleteYear((await warehouseSnapshot(warehouse)).snapshotDate);
    const compare = options.compare ?? year - 1;
    validateBriefOptions({ year, compare });
    // Files are named by the region the brief is about, default or given (brief-regions.ts).
    scope = await withDefaultRegion(warehouse, scope);
    return isProvince(scope.region)
      ? buildProvinceContent(warehouse, { year, compare }, scope)
      : buildBriefContent(warehouse, { year, compare }, scope);
  });
  const { year, compare } = content;
  if (scope.sponsor && !isProvinceContent(content) && !knowsSponsor(content.sponsor, scope.sponsor)) {
    throw new ValidationError('sponsor', `no sponsor ${scope.sponsor} with a budget in ${year} or ${compare}`);
  }
  fs.mkdirSync(options.outDir, { recursive: true });
  if (content.place) recordRegionName(options.outDir, content.place.code, content.place.name);
  const files: WrittenBrief[] = [];
  const record = (file: string, lang: Lang, format: BriefFormat, part: WrittenBrief['part'], data: string | Buffer) => {
    const target = path.join(options.outDir, file);
    const bytes = writeAtomically(target, data);
    files.push({ file, path: target, lang, format, part, bytes });
    options.log?.info({ file: target, bytes }, 'brief written');
  };

  // HTML and Markdown first, for every language: a missing Chromium then costs only the PDFs.
  const docs = langs.map((lang) => (isProvinceContent(content) ? composeProvinceBrief(content, lang) : composeBrief(content, lang)));
  const htmls = docs.map((doc) => renderHtml(doc));
  let pdf: PdfRenderer | undefined;
  try {
    docs.forEach((doc, i) => {
      const brief = (format: BriefFormat) => briefFileName(year, compare, doc.lang, format, scope);
      // The PDF's appendix is the HTML one: its name is printed where the appendix was.
      if (formats.includes('html') || formats.includes('pdf'))
        record(appendixFileName(year, compare, doc.lang, 'html', scope), doc.lang, 'html', 'appendix', renderAppendixHtml(doc));
      if (formats.includes('md'))
        record(appendixFileName(year, compare, doc.lang, 'md', scope), doc.lang, 'md', 'appendix', renderAppendixMarkdown(doc));
      if (formats.includes('html')) record(brief('html'), doc.lang, 'html', 'brief', htmls[i]!);
      if (formats.includes('md')) record(brief('md'), doc.lang, 'md', 'brief', renderMarkdown(doc));
    });
    if (formats.includes('pdf')) {
      // Loaded only to print: playwright-core stays out of a process that writes HTML and Markdown only (the server).
      const { openPdfRenderer } = await import('./render-pdf.js');
      pdf = await openPdfRenderer(options.chromiumPath);
      for (const [i, doc] of docs.entries()) {
        const file = briefFileName(year, compare, doc.lang, 'pdf', scope);
        record(file, doc.lang, 'pdf', 'brief', await pdf.render(htmls[i]!, `${doc.title} · ${doc.dataAsOf}`));
      }
    }
  } finally {
    await pdf?.close();
    if (!scope.sponsor && !scope.region) publishLatest(options.outDir, year, files);
    writeBriefIndex(options.outDir);
  }
  return { year, compare, content, files };
}

/** `latest.<lang>.<ext>` follow the newest year's brief: writing an older year's brief leaves them. */
function publishLatest(outDir: string, year: number, files: WrittenBrief[]): void {
  if (year < Math.max(year, ...listBriefs(outDir).map((b) => b.year))) return;
  for (const f of files.filter((f) => f.part === 'brief'))
    writeAtomically(path.join(outDir, `latest.${f.lang}.${f.format}`), fs.readFileSync(f.path));
}

export interface ListedBrief {
  file: string;
  year: number;
  compare: number;
  /** A region's brief: its code (a province's is the comparison of its regencies). */
  region?: string;
  /** A sponsor's brief: its code. */
  sponsor?: string;
  lang: Lang;
  format: BriefFormat;
}

export function listBriefs(outDir: string): ListedBrief[] {
  if (!fs.existsSync(outDir)) return [];
  return fs.readdirSync(outDir).flatMap((file) => {
    const m = BRIEF_FILE.exec(file);
    if (!m) return [];
    const listed: ListedBrief = { file, year: Number(m[1]), compare: Number(m[2]), lang: m[5] as Lang, format: m[6] as BriefFormat };
    return [{ ...listed, ...(m[3] ? { region: m[3] } : {}), ...(m[4] ? { sponsor: m[4] } : {}) }];
  });
}

const REGION_NAMES = 'regions.json';

/** Remembers the names of the regions whose briefs the folder holds, for the index (file names carry only codes). */
function recordRegionName(outDir: string, code: string, name: string): void {
  const names = readRegionNames(outDir);
  if (names[code] === name) return;
  writeAtomically(path.join(outDir, REGION_NAMES), `${JSON.stringify({ ...names, [code]: name }, null, 2)}\n`);
}

function readRegionNames(outDir: string): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(path.join(outDir, REGION_NAMES), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** `index.html`: every brief in the folder, newest year first, each language and format a link. */
export function writeBriefIndex(outDir: string): string {
  const briefs = listBriefs(outDir);
  const regionNames = readRegionNames(outDir);
  // One row per period and scope (the whole warehouse's, each province's and regency's, then each sponsor's), newest year first.
  const key = (b: { year: number; compare: number; region?: string; sponsor?: string }) =>
    `${b.year}/${b.compare}/${b.region ?? ''}/${b.sponsor ?? ''}`;
  const rowsOf = [
    ...new Map(briefs.map((b) => [key(b), { year: b.year, compare: b.compare, region: b.region, sponsor: b.sponsor }])).values(),
  ].sort(
    (a, b) =>
      b.year - a.year ||
      b.compare - a.compare ||
      (a.region ?? '').localeCompare(b.region ?? '') ||
      (a.sponsor ?? '').localeCompare(b.sponsor ?? ''),
  );
  const names: Record<BriefFormat, string> = { html: 'HTML', md: 'Markdown', pdf: 'PDF' };
  const langNames: Record<Lang, string> = { id: 'Bahasa Indonesia', en: 'English' };
  const rows = rowsOf.map((row) => {
    const links = LANGS.map((lang) => {
      const mine = BRIEF_FORMATS.map((format) => briefs.find((b) => key(b) === key(row) && b.lang === lang && b.format === format))
        .filter((b): b is ListedBrief => b !== undefined)
        .map((b) => `<a href="${escapeXml(b.file)}">${names[b.format]}</a>`);
      return mine.length ? `<td>${langNames[lang]}: ${mine.join(' · ')}</td>` : '<td></td>';
    }).join('');
    const region = row.region ? ` · ${escapeXml(regionNames[row.region] ?? row.region)}` : '';
    const scope = `${region}${row.sponsor ? ` · ${escapeXml(row.sponsor)}` : ''}`;
    return `<tr><th scope="row">${row.year} / ${row.compare}${scope}</th>${links}</tr>`;
  });
  const latest = LANGS.flatMap((lang) => BRIEF_FORMATS.map((format) => `latest.${lang}.${format}`)).filter((f) =>
    fs.existsSync(path.join(outDir, f)),
  );
  const html = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Ringkasan kebijakan · Policy briefs</title>
<style>body{font:11pt/1.5 "DejaVu Sans",Arial,sans-serif;color:#1d2733;max-width:48rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #d9dee3}a{color:#1f5f8b}</style>
</head>
<body>
<h1>Ringkasan kebijakan · Policy briefs</h1>
${
  briefs.some((b) => b.region)
    ? `<p>Perlindungan jaminan sosial ketenagakerjaan per provinsi dan kabupaten/kota, tahun dibanding tahun sebelumnya. ·
Workers' social-security protection by province and regency, each year against the year before.</p>`
    : `<p>Perlindungan jaminan sosial ketenagakerjaan di Kutai Kartanegara, tahun dibanding tahun sebelumnya. ·
Workers' social-security protection in Kutai Kartanegara, each year against the year before.</p>`
}
${latest.length ? `<p>Terbaru · Latest: ${latest.map((f) => `<a href="${f}">${f}</a>`).join(' · ')}</p>` : ''}
<table><thead><tr><th>Tahun · Year</th><th colspan="2">Berkas · Files</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
</body>
</html>
`;
  writeAtomically(path.join(outDir, 'index.html'), html);
  return html;
}
