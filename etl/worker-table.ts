import { WORKER_KEY_PADS, WORKER_KEY_SQL } from './pseudonym.js';
import { day, type ExtractContext, enrolmentKnown, localDate, type TableSpec } from './table-spec.js';

/**
 * The worker dimension, k-anonymous on its quasi-identifiers: every published combination of
 * sex, birth year, age band, registration month and year, kecamatan, occupation, sector and
 * non-ASN status is shared by at least K workers of the snapshot, so knowing those facts about
 * someone never narrows them to fewer than K worker_keys (and so to their memberships,
 * contributions and claims). Measured on the scale-1 demo (128,113 workers): 52 % of rows were
 * unique on sex, birth year, kecamatan, occupation, sector and registration date.
 *
 * K = 5: the threshold statistics offices commonly use for small cells, and at the demo's size
 * it keeps the birth year for 26 % of workers and the age band for 99 %.
 *
 * Kecamatan, occupation, sector and non-ASN status are never coarsened: they are the grain of
 * the coverage figures (the labour-force denominators are per kecamatan and sector) and the
 * marts and briefs break down by them, so coarsening them would change published numbers. Each
 * worker instead gets the most detailed rung of LADDER at which its combination, among the
 * workers not placed on an earlier rung, has at least K rows. Counting only the rows still
 * unplaced makes each published combination exactly one counted group. A kecamatan/occupation/
 * sector/non-ASN group whose last few rows would stay below K takes its coarsest group with it
 * to the last rung; only a group smaller than K on its own stays below K (none at scale 1).
 */
export const K_ANONYMITY = 5;

/** Each rung keeps these columns besides the analytic ones; what a rung drops is published NULL. */
const LADDER: readonly (readonly string[])[] = [
  ['sex', 'birth_year', 'created_month'],
  ['sex', 'birth_year', 'created_year'],
  ['sex', 'age_band', 'created_year'],
  ['sex', 'age_band'],
  ['sex'],
  [],
];
const LAST = LADDER.length - 1;
const ANALYTIC = ['region_code', 'occupation', 'sector', 'non_asn'];
const QUASI = ['sex', 'birth_year', 'age_band', 'created_month', 'created_year'];

/** The lowest rung that keeps `column`: a row on a rung above it publishes NULL. */
const keptUpTo = (column: string) => LADDER.findLastIndex((rung) => rung.includes(column));

/**
 * Ten-year bands as in labour-force statistics, of the age reached in the snapshot's year. From
 * the birth year alone, so the band adds nothing to it: an age on the day would show, across
 * month-end snapshots, the month a worker's band changes, which is the birth month.
 */
const ageBand = (ctx: ExtractContext) => {
  const age = `extract(year from ${day(ctx)})::int - birth_year`;
  const bands = [15, 25, 35, 45, 55, 65].map((to, i, all) => `when ${age} < ${to} then '${i === 0 ? '<15' : `${all[i - 1]}-${to - 1}`}'`);
  return `case ${bands.join(' ')} else '65+' end`;
};

function ladderSteps(): string[] {
  // The NIK rides along (16 characters) and becomes the key at the end: sorting 64-character keys six times costs a fifth more.
  const carried = ['nik', ...ANALYTIC, ...QUASI].join(', ');
  return LADDER.map((rung, i) => {
    const group = ['level', ...ANALYTIC, ...rung].join(', ');
    return `rung_${i} as (select ${carried},
      coalesce(level, case when count(*) over (partition by ${group}) >= ${K_ANONYMITY} then ${i} end) as level
      from ${i === 0 ? 'banded' : `rung_${i - 1}`})`;
  });
}

/** A quasi-identifier as its rung publishes it; a row no rung placed publishes none. */
const published = (column: string) => `case when coalesce(level, ${LAST}) <= ${keptUpTo(column)} then ${column} end as ${column}`;

/** The workers of the snapshot, before any detail is left out. */
const source = (ctx: ExtractContext) => `source as (
      select w.nik, w.sex, extract(year from w.birth_date)::int as birth_year,
        w.region_code, w.occupation, w.sector, w.non_asn,
        date_trunc('month', ${localDate('w.created_at', ctx)})::date as created_month,
        extract(year from ${localDate('w.created_at', ctx)})::int as created_year
      from worker w
      ${
        ctx.mode === 'history'
          ? `where ${localDate('w.created_at', ctx)} <= ${day(ctx)}
             or exists (select 1 from enrolment e where e.worker_id = w.id and ${enrolmentKnown('e', ctx)})`
          : ''
      }
    )`;

const worker: TableSpec = {
  name: 'worker',
  grain: `one row per worker, keyed by worker_key (HMAC of the NIK); no name, NIK, phone or birth date; k-anonymous (k = ${K_ANONYMITY})`,
  columns: [
    { name: 'worker_key', type: 'VARCHAR' },
    { name: 'sex', type: 'VARCHAR' },
    { name: 'birth_year', type: 'INTEGER' },
    { name: 'age_band', type: 'VARCHAR' },
    { name: 'region_code', type: 'VARCHAR' },
    { name: 'occupation', type: 'VARCHAR' },
    { name: 'sector', type: 'VARCHAR' },
    { name: 'non_asn', type: 'BOOLEAN' },
    /** First day of the registration month (NULL where the month would single a worker out). */
    { name: 'created_date', type: 'DATE' },
    { name: 'created_year', type: 'INTEGER' },
  ],
  money: [],
  select: (ctx) => `with ${source(ctx)},
    banded as (select *, ${ageBand(ctx)} as age_band, null::int as level from source),
    ${ladderSteps().join(',\n    ')},
    ${lastRung()}
    select ${WORKER_KEY_SQL('nik')}, sex, birth_year, age_band, region_code, occupation, sector, non_asn, created_month, created_year
    from placed cross join ${WORKER_KEY_PADS}`,
  // The ladder keeps every row, so the verification counts the source's rows instead of running its window sorts again.
  countSelect: (ctx) => `with ${source(ctx)}
    select nik, sex, birth_year, null, region_code, occupation, sector, non_asn, created_month, created_year from source`,
};

/**
 * Rows no rung could place go to the last one. Where they are fewer than K in their analytic
 * group, the group's coarsest (then smallest) published combination joins them there, which
 * gives at least K again; ties broken by value, so a rerun gives the same rows.
 */
function lastRung(): string {
  const cell = ANALYTIC.join(', ');
  const quasi = QUASI.join(', ');
  const joining = `level is null or (unplaced between 1 and ${K_ANONYMITY - 1} and coarseness = 1)`;
  return `masked as (select nik, ${cell}, level, ${QUASI.map((c) => published(c)).join(', ')} from rung_${LAST}),
    ranked as (select *,
        count(*) filter (where level is null) over (partition by ${cell}) as unplaced,
        dense_rank() over (partition by ${cell} order by level is null, level desc, class_size, ${quasi}) as coarseness
      from (select *, count(*) over (partition by ${cell}, level, ${quasi}) as class_size from masked) as sized),
    placed as (select nik, ${cell}, ${QUASI.map((c) => `case when ${joining} then null else ${c} end as ${c}`).join(', ')}
      from ranked)`;
}

export { worker };
