import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_KINDS, type ExportKind, nodeSelection } from '../../server/export/export-kinds.js';
import { signExportLink } from '../../server/export/export-link.js';
import { mintToken } from '../../server/auth/tokens.js';
import { code, startApi, type TestApi } from './api-server.js';

type Role = 'operator' | 'viewer' | 'analyst' | 'admin';

const MUTATION: Record<ExportKind, string> = {
  workers: 'exportWorkers(format: $format, language: $language, filter: $filter)',
  enrolments: 'exportEnrolments(format: $format, language: $language, filter: $filter)',
  contributions: 'exportContributions(format: $format, language: $language, filter: $filter)',
  claims: 'exportClaims(format: $format, language: $language, filter: $filter)',
};

/**
 * Exports over HTTP: the mutation's signed link, then the file, read back with the libraries that
 * wrote it and compared row by row with what the connection answers the same caller.
 */
describe('export of filtered lists', () => {
  let api: TestApi;
  const sql = async (text: string, params: unknown[] = []) => (await api.db.pool.query(text, params)).rows;

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
  });
  afterAll(() => api?.close());

  async function prepare(
    kind: ExportKind,
    format: 'CSV' | 'XLSX',
    filter: object,
    role: Role = 'operator',
    language = 'ID',
    token?: string,
  ) {
    const spec = EXPORT_KINDS[kind];
    const res = await api.gql(
      `mutation X($format: ExportFormat!, $language: ExportLanguage!, $filter: ${spec.filterType}) { export: ${MUTATION[kind]} { url expiresAt fileName } }`,
      { format, language, filter },
      { role, token },
    );
    return res;
  }

  async function download(url: string, headers: Record<string, string> = {}, signal?: AbortSignal) {
    return fetch(new URL(url, api.url), { headers, signal });
  }

  /** Every node of the connection for this caller, all pages, selecting the export's columns. */
  async function connectionNodes(kind: ExportKind, filter: object, role: Role): Promise<any[]> {
    const spec = EXPORT_KINDS[kind];
    const nodes: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 200; page++) {
      const res = await api.gql(
        `query L($filter: ${spec.filterType}, $after: String) { list: ${spec.connection}(filter: $filter, first: 100, after: $after) {
          pageInfo { hasNextPage endCursor } edges { node ${nodeSelection(spec.columns)} } } }`,
        { filter, after },
        { role },
      );
      expect(res.body.errors).toBeUndefined();
      const list: any = res.body.data.list;
      nodes.push(...list.edges.map((e: any) => e.node));
      if (!list.pageInfo.hasNextPage) return nodes;
      after = list.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  const at = (node: any, path: string) => path.split('.').reduce((v, k) => (v == null ? null : v[k]), node) ?? null;
  /** What a CSV cell should say for this value: the API's own text, lists comma-separated, nothing for null. */
  const asCsv = (value: unknown) => (value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value));

  it('an operator’s CSV of filtered claims is the connection’s nodes, row by row, with Indonesian headers', async () => {
    const filter = { status: ['PAID', 'APPROVED', 'REJECTED'], submittedFrom: '2023-01-01' };
    const res = await prepare('claims', 'CSV', filter);
    expect(res.body.errors).toBeUndefined();
    const { url, fileName, expiresAt } = res.body.data.export;
    expect(url).toMatch(/^\/exports\/[0-9]+\.[0-9]+\.[A-Za-z0-9_-]{43}$/);
    expect(fileName).toMatch(/^klaim-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());

    const file = await download(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(file.headers.get('content-disposition')).toMatch(/attachment; filename="klaim-/);
    const text = await file.text();
    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    const columns = EXPORT_KINDS.claims.columns;
    expect(header).toEqual(columns.map((c) => c.id));
    expect(header).toContain('Nomor klaim');

    const nodes = await connectionNodes('claims', filter, 'operator');
    expect(nodes.length).toBeGreaterThan(20);
    expect(rows).toEqual(nodes.map((n) => columns.map((c) => asCsv(at(n, c.path)))));
    // An operator sees personal data: full NIKs.
    const nik = header!.indexOf('NIK');
    expect(rows.every((r) => /^[0-9]{16}$/.test(r[nik]!))).toBe(true);
  });

  it('a viewer’s XLSX of the same claims is masked exactly as the connection masks it for a viewer', async () => {
    const filter = { status: ['PAID', 'APPROVED', 'REJECTED'], submittedFrom: '2023-01-01' };
    const res = await prepare('claims', 'XLSX', filter, 'viewer', 'EN');
    expect(res.body.errors).toBeUndefined();
    const file = await download(res.body.data.export.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    const columns = EXPORT_KINDS.claims.columns;
    const cells = (row: number) => columns.map((_, i) => sheet.getRow(row).getCell(i + 1).value);
    expect(cells(1)).toEqual(columns.map((c) => c.en));

    const nodes = await connectionNodes('claims', filter, 'viewer');
    expect(sheet.actualRowCount - 1).toBe(nodes.length);
    /** The API's value as the sheet holds it: amounts as numbers, dates as dates, text as text. */
    const asCell = (type: string, value: unknown) => {
      if (value === null) return null;
      if (type === 'rupiah') return Number(value);
      if (type === 'date') return new Date(`${value}T00:00:00Z`);
      return value;
    };
    nodes.forEach((node, i) => {
      expect(cells(i + 2)).toEqual(columns.map((c) => asCell(c.type, at(node, c.path))));
    });
    const nik = columns.findIndex((c) => c.path === 'enrolment.worker.nik');
    const name = columns.findIndex((c) => c.path === 'enrolment.worker.fullName');
    const reason = columns.findIndex((c) => c.path === 'rejectionReason');
    for (let r = 2; r <= sheet.actualRowCount; r++) {
      expect(cells(r)[nik]).toMatch(/^[0-9]{4}\*{12}$/);
      expect(cells(r)[name]).toMatch(/^(\S\*\*\*)( \S\*\*\*)*$/);
    }
    const rejected = nodes.findIndex((n) => n.status === 'REJECTED');
    expect(rejected).toBeGreaterThanOrEqual(0);
    expect(cells(rejected + 2)[reason]).toBe('[masked: free text may contain personal data]');
  });

  it('a list longer than one export page comes out whole and in the connection’s order (contributions of one sponsor)', async () => {
    // A sponsor and year with more rows than one export page (500) and few enough to page through here.
    const [{ sponsor_id: sponsorKey, year }] = await sql(
      `select sponsor_id, extract(year from period)::int as year from contribution group by 1, 2
        having count(*) between 600 and 5000 order by count(*) desc limit 1`,
    );
    const filter = {
      sponsorId: Buffer.from(`Sponsor:${sponsorKey}`).toString('base64url'),
      fromMonth: `${year}-01`,
      toMonth: `${year}-12`,
    };
    const res = await prepare('contributions', 'CSV', filter, 'analyst', 'EN');
    const text = await (await download(res.body.data.export.url)).text();
    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    expect(header![0]).toBe('ID');
    expect(header).toContain('Month covered');
    const nodes = await connectionNodes('contributions', filter, 'analyst');
    expect(rows.map((r) => r[0])).toEqual(nodes.map((node) => node.id));
    const [{ count }] = await sql(
      'select count(*)::int as count from contribution where sponsor_id = $1 and extract(year from period) = $2',
      [sponsorKey, year],
    );
    expect(count).toBeGreaterThan(500);
    expect(rows.length).toBe(count);
  });

  it('workers and enrolments export too, masked for a viewer', async () => {
    const workers = await prepare('workers', 'CSV', { sector: 'INFORMAL' }, 'viewer');
    const [header, ...rows] = parse(await (await download(workers.body.data.export.url)).text(), { bom: true }) as string[][];
    const [{ count }] = await sql("select count(*)::int as count from worker where sector = 'INFORMAL'");
    expect(rows.length).toBe(count);
    const nik = header!.indexOf('NIK');
    const birth = header!.indexOf('Tanggal lahir');
    expect(rows.every((r) => /^[0-9]{4}\*{12}$/.test(r[nik]!) && r[birth] === '')).toBe(true);

    const enrolments = await prepare('enrolments', 'XLSX', { status: ['ACTIVE'] }, 'operator', 'EN');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await download(enrolments.body.data.export.url)).arrayBuffer()) as never);
    const [{ active }] = await sql("select count(*)::int as active from enrolment where status = 'ACTIVE'");
    expect(workbook.worksheets[0]!.actualRowCount - 1).toBe(active);
  });

  it('a kecamatan officer exports, and aggregates, only what their region scope lets the connection show', async () => {
    const [{ kecamatan }] = await sql(
      `select left(w.region_code, 8) as kecamatan from claim c join enrolment e on e.id = c.enrolment_id join worker w on w.id = e.worker_id
        group by 1 order by count(*) desc limit 1`,
    );
    const [{ all }] = await sql('select count(*)::int as all from claim');
    const token = await mintToken(api.config, { role: 'operator', subject: 'kecamatan-officer', scopes: [kecamatan] });
    const listed = await api.gql('{ claims(first: 100) { totalCount edges { node { id } } aggregates { count } } }', {}, { token });
    const visible: number = listed.body.data.claims.totalCount;
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(all);
    expect(listed.body.data.claims.aggregates.count).toBe(visible);
    const res = await prepare('claims', 'CSV', {}, 'operator', 'ID', token);
    expect(res.body.errors).toBeUndefined();
    const rows = (parse(await (await download(res.body.data.export.url)).text(), { bom: true }) as string[][]).slice(1);
    expect(rows.length).toBe(visible);
    expect(rows.map((r) => r[0])).toEqual(listed.body.data.claims.edges.map((e: any) => e.node.id).slice(0, rows.length));
  });

  it('the export log records who exported which list with which filter, and how many rows each download sent', async () => {
    const filter = { programme: ['JKK'] };
    const res = await prepare('claims', 'CSV', filter, 'admin');
    const id = res.body.data.export.url.split('/')[2].split('.')[0];
    const before = (await sql('select * from export_log where id = $1', [id]))[0];
    expect(before).toMatchObject({ actor: 'admin-tester', kind: 'claims', format: 'csv', language: 'id', downloads: 0, row_count: null });
    expect(before.filter).toEqual(filter);
    expect(before.principal).toMatchObject({ subject: 'admin-tester', role: 'admin' });
    const rows = (parse(await (await download(res.body.data.export.url)).text(), { bom: true }) as string[][]).length - 1;
    const after = (await sql('select * from export_log where id = $1', [id]))[0];
    const [{ jkk }] = await sql("select count(*)::int as jkk from claim where programme = 'JKK'");
    expect(rows).toBe(jkk);
    expect(after).toMatchObject({ downloads: 1, row_count: String(jkk) });
    expect(after.last_finished_at).not.toBeNull();
  });

  it('a download the client abandons stops, frees its slot and is logged as unfinished', async () => {
    const [{ sponsor_id: sponsorKey }] = await sql('select sponsor_id from contribution group by 1 order by count(*) desc limit 1');
    const long = await prepare(
      'contributions',
      'CSV',
      { sponsorId: Buffer.from(`Sponsor:${sponsorKey}`).toString('base64url') },
      'analyst',
    );
    const url: string = long.body.data.export.url;
    // Three abandoned downloads by one user: more than the two a user may run at once, so a slot that leaked would show.
    for (let i = 0; i < 3; i++) {
      const abort = new AbortController();
      const res = await download(url, {}, abort.signal);
      expect(res.status).toBe(200);
      await res.body!.getReader().read();
      abort.abort();
    }
    const small = await prepare('claims', 'CSV', { programme: ['JKM'] }, 'analyst');
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      const res = await download(small.body.data.export.url);
      status = res.status;
      await res.arrayBuffer();
      if (status === 429) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    const [row] = await sql('select downloads, row_count, last_finished_at from export_log where id = $1', [
      url.split('/')[2]!.split('.')[0],
    ]);
    expect(row).toMatchObject({ downloads: 3, row_count: null, last_finished_at: null });
  });

  it('refuses an altered, unknown, expired or other user’s link', async () => {
    const res = await prepare('claims', 'CSV', { programme: ['JKM'] }, 'operator');
    const url: string = res.body.data.export.url;
    const token = url.split('/')[2]!;
    const [id] = token.split('.');
    const mac = token.slice(-43);
    const flipped = `${token.slice(0, -43)}${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    for (const bad of [`/exports/${flipped}`, `/exports/9${token}`, '/exports/not-a-token']) {
      const refused = await download(bad);
      expect(refused.status, bad).toBe(404);
      expect(((await refused.json()) as any).error.code).toBe('NOT_FOUND');
    }
    // Another signed-in user presenting the link: refused, whatever their role.
    const other = await download(url, { authorization: `Bearer ${await api.token('admin', 'someone-else')}` });
    expect(other.status).toBe(403);
    // The requester's own token is welcome.
    const own = await download(url, { authorization: `Bearer ${await api.token('operator')}` });
    expect(own.status).toBe(200);
    await own.arrayBuffer();

    // Expired: the row's expiry in the past and a link properly signed for it.
    const [{ url_key: key, actor }] = await sql(
      "update export_log set requested_at = now() - interval '1 hour', expires_at = now() - interval '1 minute' where id = $1 returning url_key, actor, expires_at",
      [id],
    );
    const [{ expires_at: expiresAt }] = await sql('select expires_at from export_log where id = $1', [id]);
    const expired = await download(`/exports/${signExportLink(key, { id: id!, subject: actor, expiresAt })}`);
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as any).error.code).toBe('EXPORT_EXPIRED');
    // The original link now names a different expiry than the row: altered, not merely expired.
    expect((await download(url)).status).toBe(404);
  });

  it('bad input names the field and writes nothing; the list’s own refusals hold; no token, no export', async () => {
    const [{ n: before }] = await sql('select count(*)::int as n from export_log');
    const kecamatan = await prepare('claims', 'CSV', { kecamatan: '64.02' });
    expect(code(kecamatan)).toBe('BAD_USER_INPUT');
    expect(kecamatan.body.errors![0]!.message).toMatch(/^filter\.kecamatan: /);
    const reversed = await prepare('contributions', 'CSV', { fromMonth: '2024-01', toMonth: '2023-01' });
    expect(reversed.body.errors![0]!.message).toMatch(/^filter\.toMonth: /);
    const search = await prepare('workers', 'CSV', { search: 'Budi' }, 'viewer');
    expect(code(search)).toBe('FORBIDDEN');
    const format = await api.gql('mutation { exportClaims(format: PDF) { url } }');
    expect(format.status).toBe(400);
    expect(format.body.errors![0]!.message).toMatch(/ExportFormat/);
    const anonymous = await api.gql('mutation { exportClaims(format: CSV) { url } }', {}, { role: null });
    expect(code(anonymous)).toBe('UNAUTHENTICATED');
    const [{ n: after }] = await sql('select count(*)::int as n from export_log');
    expect(after).toBe(before);
  });
});
