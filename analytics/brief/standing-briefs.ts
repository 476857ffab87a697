import fs from 'node:fs';
import { warehouseSnapshot, type WarehouseQueries } from '../metrics/metric-queries.js';
import { lastCompleteYear } from './brief.content.js';
import { warehouseProvinces, warehouseRegencies } from './brief-regions.js';
import { BRIEF_FORMATS, writeBriefs, type BriefFormat, type BriefScope, type BriefsWritten } from './brief.service.js';

/** The source article's years (seed/FACTS.md): the brief a new user should find without asking. */
export const ARTICLE_PERIOD = { year: 2023, compare: 2022 } as const;

export interface StandingBriefsOptions {
  warehouse: { pinned<T>(work: (warehouse: WarehouseQueries) => Promise<T>): Promise<T> };
  outDir: string;
  chromiumPath: string;
  log: { info(details: object, message: string): void; warn(details: object, message: string): void };
}

/**
 * The briefs the running platform keeps current in its briefs folder (served at /briefs/): 2023
 * against 2022, and the last complete year against the one before, each in both languages and
 * every format, for every regency the warehouse holds (`--region 64.02`) and for each of their
 * provinces (the comparison brief, `--region 64`); while the warehouse holds one regency, also the
 * whole warehouse's brief it always wrote (`brief-2023-vs-2022.id.html`, copied to `latest.*`).
 * `npm start` writes them once the warehouse is loaded, and again after each nightly load, so they
 * always read the latest snapshot. Without Chromium they are HTML and Markdown only.
 */
export async function writeStandingBriefs(options: StandingBriefsOptions): Promise<BriefsWritten[]> {
  const printable = fs.existsSync(options.chromiumPath);
  if (!printable) options.log.warn({ chromium: options.chromiumPath }, 'briefs: no Chromium, so no PDFs (apt-get install -y chromium)');
  const formats: readonly BriefFormat[] = printable ? BRIEF_FORMATS : ['html', 'md'];
  const { snapshot, regencies, provinces } = await options.warehouse.pinned(async (w) => ({
    snapshot: await warehouseSnapshot(w),
    regencies: await warehouseRegencies(w),
    provinces: await warehouseProvinces(w),
  }));
  const latest = lastCompleteYear(snapshot.snapshotDate);
  const periods = latest > ARTICLE_PERIOD.year ? [ARTICLE_PERIOD, { year: latest, compare: latest - 1 }] : [ARTICLE_PERIOD];
  const scopes: BriefScope[] = [
    ...(regencies.length <= 1 ? [{}] : []),
    ...regencies.map((r) => ({ region: r.code })),
    ...provinces.map((p) => ({ region: p.code })),
  ];
  const written: BriefsWritten[] = [];
  for (const period of periods) {
    for (const scope of scopes) {
      const t0 = performance.now();
      const result = await writeBriefs({ ...options, ...period, scope, formats, chromiumPath: options.chromiumPath, log: undefined });
      options.log.info(
        {
          year: result.year,
          compare: result.compare,
          region: scope.region ?? null,
          files: result.files.length,
          seconds: (performance.now() - t0) / 1000,
        },
        'briefs written',
      );
      written.push(result);
    }
  }
  return written;
}
