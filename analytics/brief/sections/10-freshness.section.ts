import { formatDate, formatTimestamp } from '../number-format.js';
import { type BriefSection, type Page, paragraph } from './section.js';

/** 10. Data freshness: the snapshot every figure was read from, and whether the year was over. No query of its own: `snapshots`, read with every answer. */

const id = {
  title: 'Kemutakhiran data',
  lead: (date: string, runId: string, publishedAt: string) =>
    `Semua angka dalam ringkasan ini dibaca dari satu snapshot gudang data: tanggal ${date}, proses ETL ${runId}, diterbitkan ${publishedAt}.`,
  partial: (year: number, date: string) =>
    `Tahun ${year} belum selesai pada tanggal snapshot: angka ${year} adalah sampai ${date} dan akan bertambah.`,
  future: (year: number, date: string) => `Tahun ${year} belum dimulai pada tanggal snapshot (${date}), sehingga belum ada angkanya.`,
  complete: (year: number) => `Tahun ${year} sudah selesai pada tanggal snapshot; angkanya dapat berubah hanya bila data lama dikoreksi.`,
  columns: { snapshotDate: 'Tanggal snapshot', runId: 'Proses ETL', publishedAt: 'Diterbitkan' },
};

const en: typeof id = {
  title: 'Data freshness',
  lead: (date, runId, publishedAt) =>
    `Every figure in this brief was read from one warehouse snapshot: dated ${date}, ETL run ${runId}, published ${publishedAt}.`,
  partial: (year, date) => `${year} was not over on the snapshot date: its figures run to ${date} and will grow.`,
  future: (year, date) => `${year} had not begun on the snapshot date (${date}), so it has no figures yet.`,
  complete: (year) => `${year} was complete on the snapshot date; its figures change only if past records are corrected.`,
  columns: { snapshotDate: 'Snapshot date', runId: 'ETL run', publishedAt: 'Published' },
};

const WORDS = { id, en };

/** Whether the brief's year had begun, was running or was over on the snapshot date. */
export function yearState(page: Page<unknown>): string {
  const { year, snapshot, partialYear } = page.content;
  const w = WORDS[page.lang];
  const date = formatDate(snapshot.snapshotDate, page.lang);
  if (snapshot.snapshotDate < `${year}-01-01`) return w.future(year, date);
  return partialYear ? w.partial(year, date) : w.complete(year);
}

export const freshnessSection: BriefSection<'freshness', Record<never, never>, unknown> = {
  id: 'freshness',
  title: { id: id.title, en: en.title },
  queries: {},
  blocks: (page) => {
    const { snapshot } = page.content;
    const w = WORDS[page.lang];
    const snapshotDate = formatDate(snapshot.snapshotDate, page.lang);
    const publishedAt = formatTimestamp(snapshot.publishedAt, page.lang);
    return [
      paragraph(w.lead(snapshotDate, snapshot.runId, publishedAt), yearState(page)),
      {
        kind: 'table',
        caption: w.title,
        columns: [w.columns.snapshotDate, w.columns.runId, w.columns.publishedAt].map((l) => ({ label: l, numeric: false })),
        rows: [[snapshotDate, snapshot.runId, publishedAt]],
      },
    ];
  },
};
