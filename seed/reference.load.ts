import type pg from 'pg';
import type { RegencySeed } from './population.js';
import { provinceReference } from './province.reference.js';
import { type BudgetRow, type EmployerRow, type SponsorRow, budgets, employers, sponsors } from './reference-data.js';

/**
 * Inserts the small reference tables (employers, sponsors, budgets) in the caller's transaction:
 * Kukar's first, then the other regencies' numbered after them (none with `kukarOnly`).
 */
export async function insertReferenceData(
  client: pg.ClientBase,
  options: { seed: number; scale: number; lastYear: number; createdAt: string; kukarOnly?: boolean },
): Promise<{
  kukarEmployers: EmployerRow[];
  regencies: RegencySeed[];
  employers: EmployerRow[];
  sponsors: SponsorRow[];
  budgets: BudgetRow[];
}> {
  const kukarEmployers = employers(options.seed, options.scale);
  const kukarSponsors = sponsors(kukarEmployers);
  const province = options.kukarOnly
    ? { regencies: [], employers: [], sponsors: [], budgets: [] }
    : provinceReference(options.seed, options.scale, options.lastYear, {
        employer: kukarEmployers.length,
        sponsor: kukarSponsors.length,
      });
  const employerRows = [...kukarEmployers, ...province.employers];
  const sponsorRows = [...kukarSponsors, ...province.sponsors];
  const budgetRows = [...budgets(kukarSponsors, options.scale, options.lastYear), ...province.budgets];
  await client.query(
    `insert into employer (id, code, name, region_code, industry, created_at, updated_at)
     select *, $6::timestamptz, $6::timestamptz from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [
      employerRows.map((e) => e.id),
      employerRows.map((e) => e.code),
      employerRows.map((e) => e.name),
      employerRows.map((e) => e.kecamatan),
      employerRows.map((e) => e.industry),
      options.createdAt,
    ],
  );
  await client.query(
    `insert into sponsor (id, code, name, kind, employer_id, region_code, created_at, updated_at)
     select *, $7::timestamptz, $7::timestamptz from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[])`,
    [
      sponsorRows.map((s) => s.id),
      sponsorRows.map((s) => s.code),
      sponsorRows.map((s) => s.name),
      sponsorRows.map((s) => s.kind),
      sponsorRows.map((s) => s.employerId),
      sponsorRows.map((s) => s.regionCode),
      options.createdAt,
    ],
  );
  await client.query(
    `insert into budget_allocation (sponsor_id, fiscal_year, kind, amount, created_at, updated_at)
     select s, y, k, a, make_date(y - 1, 12, 15)::timestamptz, make_date(y - 1, 12, 15)::timestamptz
     from unnest($1::bigint[], $2::int[], $3::text[], $4::bigint[]) as t(s, y, k, a)`,
    [
      budgetRows.map((b) => b.sponsorId),
      budgetRows.map((b) => b.year),
      budgetRows.map((b) => b.kind),
      budgetRows.map((b) => b.amount.toString()),
    ],
  );
  return { kukarEmployers, regencies: province.regencies, employers: employerRows, sponsors: sponsorRows, budgets: budgetRows };
}
