import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block, BriefDocument, TableBlock } from '../../analytics/brief/brief-document.type.js';
import { Figures } from '../../analytics/brief/figures.js';
import { formatChangePct, isTinyBase } from '../../analytics/brief/number-format.js';
import { renderHtml } from '../../analytics/brief/render-html.js';
import { openPdfRenderer } from '../../analytics/brief/render-pdf.js';
import { localiseSql, untranslatedComments } from '../../analytics/brief/sql-comments.js';
import { axisTicks, lineChart } from '../../analytics/brief/svg-charts.js';
import { METRIC_NAMES } from '../../schema/metrics/metric-definitions.js';
import { measureSql } from '../../analytics/semantic/measure-catalogue.js';
import { pageOf, pdfImages, pdfPages } from './pdf-text.js';

/**
 * The brief's layout rules without a warehouse (issue 15, item 5): a long table printed by
 * Chromium and read back page by page, count axes, a change from a tiny base, SQL comments in
 * Indonesian.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-brief-pdf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A table of `rows` rows and a total ("Jumlah"). */
const longTable = (rows: number): TableBlock => ({
  kind: 'table',
  caption: 'Tabel panjang',
  columns: [
    { label: 'Baris', numeric: false },
    { label: 'Nilai kolom', numeric: true },
  ],
  rows: Array.from({ length: rows }, (_, i) => [`Baris ${String(i + 1).padStart(2, '0')}`, `Rp 1.000.${String(i).padStart(3, '0')}`]),
  footer: ['Jumlah', 'Rp 70.000.000'],
});

/** A brief of one long table after a paragraph, so the table starts part-way down the first page. */
function documentWith(blocks: Block[]): BriefDocument {
  const table = (caption: string): TableBlock & { ids: string[] } => ({ kind: 'table', caption, columns: [], rows: [], ids: [] });
  return {
    lang: 'id',
    year: 2023,
    compare: 2022,
    files: { brief: { html: 'b.id.html', md: 'b.id.md' }, appendix: { html: 'b.id.sql.html', md: 'b.id.sql.md' } },
    scope: '',
    kicker: 'Ringkasan kebijakan',
    title: 'Uji tata letak',
    subtitle: 'Tabel yang terpotong di antara halaman',
    preparedFor: 'Uji',
    dataAsOf: 'Data per 31 Desember 2023',
    headline: { title: 'Judul', lead: 'Paragraf pembuka.', query: 'Q1' },
    keyFigures: [],
    sections: [{ number: 1, id: 'long', title: 'Tabel panjang', blocks }],
    appendix: {
      title: 'Lampiran A',
      pointer: 'Lampiran A ada di berkas terpisah:',
      backToBrief: 'Kembali:',
      intro: '',
      rerun: '',
      derivedTitle: '',
      derived: [],
      index: table('A.1'),
      templates: { title: '', text: '', items: [] },
      metrics: { title: '', text: '', items: [] },
      statements: { title: '', text: '', print: false, items: [] },
    },
    words: { contents: 'Isi', query: 'Kueri', queries: 'Kueri', seeAppendix: 'SQL di Lampiran A', noData: 'tidak ada data' },
  };
}

/** Where a table of `rows` rows broke: checks the rules on each page it spans, returns its pages. */
async function checkBreaks(pages: string[], rows: number): Promise<void> {
  const first = pageOf(pages, 'Baris 01');
  const last = pageOf(pages, `Baris ${rows}`);
  expect(last, `${rows} rows span pages`).toBeGreaterThan(first);
  for (let page = first; page <= last; page++) {
    const lines = pages[page]!.split('\n').filter((l) => /Baris|Jumlah/.test(l));
    // the header (its first column is "Baris") comes before the page's first row, on every page
    expect(lines[0]?.trim(), `${rows} rows: page ${page + 1} starts with the header`).toMatch(/^Baris\s+Nilai kolom$/);
    expect(lines.length, `${rows} rows: page ${page + 1} has rows under its header`).toBeGreaterThanOrEqual(3);
  }
  expect(pageOf(pages, /^\s*Jumlah\s+Rp 70\.000\.000\s*$/m), `${rows} rows: the total is on the last rows' page`).toBe(last);
  expect(
    pages.filter((p) => /^\s*Jumlah/m.test(p)),
    `${rows} rows: one total`,
  ).toHaveLength(1);
  const onLast = pages[last]!.split('\n').filter((l) => /^\s*Baris \d\d/.test(l)).length;
  expect(onLast, `${rows} rows: at least two rows stay with the total`).toBeGreaterThanOrEqual(2);
  expect(pages[last]!.indexOf(`Baris ${rows}`)).toBeLessThan(pages[last]!.indexOf('Jumlah'));
}

describe('a table across PDF pages', () => {
  it('repeats its header on every page and keeps its total with its last rows, wherever the page breaks', async () => {
    const filler = { kind: 'paragraph' as const, text: 'Kalimat pengisi. '.repeat(60) };
    const pdf = await openPdfRenderer();
    try {
      // From 44 to 53 rows the page break moves past the last rows and the total, one row at a time.
      for (let rows = 44; rows <= 53; rows++) {
        const file = path.join(dir, `long-table-${rows}.pdf`);
        fs.writeFileSync(file, await pdf.render(renderHtml(documentWith([filler, longTable(rows)])), 'Uji tata letak'));
        await checkBreaks(await pdfPages(file), rows);
        if (rows === 49 || rows === 50) expect((await pdfImages(file, dir, `long-table-${rows}`)).length).toBeGreaterThan(1);
      }
    } finally {
      await pdf.close();
    }
  });
});

describe('numbers the brief prints', () => {
  it('gives count axes whole-number ticks', () => {
    for (const max of [1, 3, 7, 10, 187.5, 250, 1_447, 51_000, 57_375]) {
      const ticks = axisTicks(max, true);
      expect(ticks.every(Number.isInteger), `${max}: ${ticks}`).toBe(true);
      expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(7);
    }
    const svg = lineChart({ id: 'c', title: 't', description: 'd' }, ['Jan', 'Feb'], [{ name: '2023', values: [3, 10] }], {
      formatTick: (v) => String(v),
      emptyText: '',
      whole: true,
    });
    const ticks = [...svg.matchAll(/text-anchor="end" fill="#5b6672" font-size="11">([^<]+)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['0', '2', '4', '6', '8', '10']);
  });

  it('puts a change from a tiny base into words, in tables, prose and key figures', () => {
    const tiny = { key: 'TOTAL', label: null, value: '4500000000', prior: '5794000', change: '4494206000', changePct: '77566.5' };
    const normal = { key: 'TOTAL', label: null, value: '18000000000', prior: '15000000000', change: '3000000000', changePct: '20.0' };
    expect(isTinyBase(tiny)).toBe(true);
    expect(isTinyBase(normal)).toBe(false);
    expect(isTinyBase({ ...normal, changePct: '1000.0' })).toBe(false);
    expect(formatChangePct(tiny, 'id', 'RUPIAH')).toBe('dari Rp\u00a05,8\u00a0juta menjadi Rp\u00a04,5\u00a0miliar');
    expect(formatChangePct(tiny, 'en', 'RUPIAH')).toBe('from Rp\u00a05.8\u00a0million to Rp\u00a04.5\u00a0billion');
    expect(formatChangePct(normal, 'id', 'RUPIAH')).toBe('+20,0%');
    const id = new Figures({ year: 2023, compare: 2022 }, 'id');
    expect(id.words(tiny, 'RUPIAH_SHORT')).toBe('naik dari Rp\u00a05,8\u00a0juta pada 2022 menjadi Rp\u00a04,5\u00a0miliar');
    expect(id.change(tiny, 'RUPIAH_SHORT')).toBe('+Rp\u00a04,5\u00a0miliar (dari Rp\u00a05,8\u00a0juta menjadi Rp\u00a04,5\u00a0miliar)');
    expect(id.cells(tiny, 'RUPIAH')[3]).toBe('dari Rp\u00a05,8\u00a0juta menjadi Rp\u00a04,5\u00a0miliar');
    expect(id.headlinePct(tiny, 'RUPIAH_SHORT')).toBe('dari Rp\u00a05,8\u00a0juta');
    const en = new Figures({ year: 2023, compare: 2022 }, 'en');
    expect(en.words(tiny, 'RUPIAH_SHORT')).toBe('up from Rp\u00a05.8\u00a0million in 2022 to Rp\u00a04.5\u00a0billion');
    for (const text of [id.words(tiny, 'RUPIAH'), id.change(tiny, 'RUPIAH'), ...id.cells(tiny, 'RUPIAH')]) expect(text).not.toContain('%');
  });
});

describe('the SQL appendix in Indonesian', () => {
  it('prints each measure’s definition with no comment left in English, the statement unchanged', () => {
    // The figures are semantic statements (analytics/semantic); the appendix prints each measure's definition.
    for (const metric of METRIC_NAMES) {
      const sql = measureSql(metric);
      expect(sql, metric).toMatch(/^select /);
      expect(untranslatedComments(sql, 'id'), metric).toEqual([]);
      expect(localiseSql(sql, 'id')).toBe(sql);
      expect(localiseSql(sql, 'en')).toBe(sql);
    }
  });
});
