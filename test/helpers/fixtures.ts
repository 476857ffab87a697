import type pg from 'pg';

/**
 * Minimal valid parent rows in plain SQL, so constraint tests exercise the database alone.
 * Every call uses fresh codes and NIK serials, so tests sharing one database never collide.
 */

let sequence = 0;

export function nextSeq(): number {
  sequence += 1;
  if (sequence > 9999) throw new Error('fixture NIK serials exhausted');
  return sequence;
}

/** A man born 1985-03-12 registered in Tenggarong (64.02.06), with a unique serial. */
export function maleNik(seq: number): string {
  return `640206120385${String(seq).padStart(4, '0')}`;
}

export interface Parents {
  seq: number;
  employerId: string;
  sponsorId: string;
  workerId: string;
  /** Sponsored informal membership covering JKK and JKM. */
  bpuEnrolmentId: string;
  /** Wage-earner membership covering all five programmes. */
  puEnrolmentId: string;
}

async function insertId(pool: pg.Pool, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(`${sql} returning id`, params);
  return rows[0]!.id;
}

export function insertWorker(pool: pg.Pool, seq: number, overrides: Record<string, unknown> = {}): Promise<string> {
  const row: Record<string, unknown> = {
    nik: maleNik(seq),
    full_name: `Pekerja ${seq}`,
    sex: 'L',
    birth_date: '1985-03-12',
    region_code: '64.02.06',
    occupation: 'PETANI',
    sector: 'INFORMAL',
    ...overrides,
  };
  return insertRow(pool, 'worker', row);
}

/** `insert into <table> (<keys>) values (...) returning id`, with every value a parameter. */
export function insertRow(pool: pg.Pool, table: string, row: Record<string, unknown>): Promise<string> {
  const keys = Object.keys(row);
  const sql = `insert into ${table} (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})`;
  return insertId(pool, sql, Object.values(row));
}

/** `sponsorRegions: false` for a database migrated to before sponsors had a region (20261202000001). */
export async function insertParents(pool: pg.Pool, options: { sponsorRegions?: boolean } = {}): Promise<Parents> {
  const seq = nextSeq();
  const region = (code: string) => (options.sponsorRegions === false ? {} : { region_code: code });
  const employerId = await insertRow(pool, 'employer', { code: `EMP-${seq}`, name: `PT Contoh ${seq}`, region_code: '64.02.06' });
  const sponsorId = await insertRow(pool, 'sponsor', {
    code: `SPN-${seq}`,
    name: 'Pemkab Kutai Kartanegara',
    kind: 'REGENCY_BUDGET',
    ...region('64.02'),
  });
  const workerId = await insertWorker(pool, seq);
  const bpuEnrolmentId = await insertRow(pool, 'enrolment', {
    membership_no: `BPU-${seq}`,
    worker_id: workerId,
    sponsor_id: sponsorId,
    segment: 'BPU',
    programmes: ['JKK', 'JKM'],
    start_date: '2022-01-01',
    declared_income: 1_000_000,
    status: 'ACTIVE',
  });
  // The employer pays the wage earner's contributions: one sponsor may not cover a worker twice (enrolment_no_overlap).
  const employerSponsorId = await insertRow(pool, 'sponsor', {
    code: `EMS-${seq}`,
    name: `PT Contoh ${seq}`,
    kind: 'EMPLOYER',
    ...region('64.02.06'),
  });
  const puEnrolmentId = await insertRow(pool, 'enrolment', {
    membership_no: `PU-${seq}`,
    worker_id: workerId,
    sponsor_id: employerSponsorId,
    employer_id: employerId,
    segment: 'PU',
    programmes: ['JKK', 'JKM', 'JHT', 'JP', 'JKP'],
    start_date: '2022-01-01',
    declared_income: 4_000_000,
    status: 'ACTIVE',
  });
  return { seq, employerId, sponsorId, workerId, bpuEnrolmentId, puEnrolmentId };
}
