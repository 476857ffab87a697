/**
 * The four lists that can be exported, each as its connection and its columns. A column is a
 * path in the connection's node as the API answers it (masked, scoped, serialised), with its
 * header in Indonesian and English; the export's statement is built from the paths
 * (export-query.ts), so what a column holds is exactly what a screen reading that field shows.
 */
export type ExportKind = 'workers' | 'enrolments' | 'contributions' | 'claims';
export type ExportLanguage = 'id' | 'en';
export type ExportFormat = 'csv' | 'xlsx';

/** How a value is written to XLSX (CSV always writes the API's text): money and counts as numbers, dates as dates. */
export type CellType = 'text' | 'rupiah' | 'date' | 'datetime' | 'int' | 'boolean' | 'list';

export interface ExportColumn {
  path: string;
  type: CellType;
  id: string;
  en: string;
}

export interface ExportKindSpec {
  kind: ExportKind;
  /** The root connection field, e.g. `claims`. */
  connection: string;
  /** Its filter's input type, e.g. `ClaimFilter`. */
  filterType: string;
  /** Its `where:` and `orderBy:` input types, e.g. `ClaimWhere` and `ClaimOrder`. */
  whereType: string;
  orderType: string;
  fileStem: Record<ExportLanguage, string>;
  columns: ExportColumn[];
}

const col = (path: string, type: CellType, id: string, en: string): ExportColumn => ({ path, type, id, en });

export const EXPORT_KINDS: Record<ExportKind, ExportKindSpec> = {
  workers: {
    kind: 'workers',
    connection: 'workers',
    filterType: 'WorkerFilter',
    whereType: 'WorkerWhere',
    orderType: 'WorkerOrder',
    fileStem: { id: 'pekerja', en: 'workers' },
    columns: [
      col('id', 'text', 'ID', 'ID'),
      col('nik', 'text', 'NIK', 'NIK'),
      col('fullName', 'text', 'Nama lengkap', 'Full name'),
      col('sex', 'text', 'Jenis kelamin', 'Sex'),
      col('birthDate', 'date', 'Tanggal lahir', 'Birth date'),
      col('birthYear', 'int', 'Tahun lahir', 'Birth year'),
      col('region.code', 'text', 'Kode wilayah', 'Region code'),
      col('region.name', 'text', 'Wilayah', 'Region'),
      col('occupation', 'text', 'Pekerjaan', 'Occupation'),
      col('sector', 'text', 'Sektor', 'Sector'),
      col('nonAsn', 'boolean', 'Non-ASN', 'Non-ASN'),
      col('phone', 'text', 'Telepon', 'Phone'),
      col('createdAt', 'datetime', 'Terdaftar', 'Registered at'),
    ],
  },
  enrolments: {
    kind: 'enrolments',
    connection: 'enrolments',
    filterType: 'EnrolmentFilter',
    whereType: 'EnrolmentWhere',
    orderType: 'EnrolmentOrder',
    fileStem: { id: 'kepesertaan', en: 'enrolments' },
    columns: [
      col('id', 'text', 'ID', 'ID'),
      col('membershipNo', 'text', 'Nomor kepesertaan', 'Membership number'),
      col('worker.nik', 'text', 'NIK', 'NIK'),
      col('worker.fullName', 'text', 'Nama lengkap', 'Full name'),
      col('sponsor.code', 'text', 'Kode penanggung iuran', 'Sponsor code'),
      col('sponsor.name', 'text', 'Penanggung iuran', 'Sponsor'),
      col('segment', 'text', 'Segmen', 'Segment'),
      col('programmes', 'list', 'Program', 'Programmes'),
      col('startDate', 'date', 'Mulai', 'Start date'),
      col('endDate', 'date', 'Berakhir', 'End date'),
      col('declaredIncome', 'rupiah', 'Penghasilan dilaporkan (Rp)', 'Declared income (Rp)'),
      col('status', 'text', 'Status', 'Status'),
    ],
  },
  contributions: {
    kind: 'contributions',
    connection: 'contributions',
    filterType: 'ContributionFilter',
    whereType: 'ContributionWhere',
    orderType: 'ContributionOrder',
    fileStem: { id: 'iuran', en: 'contributions' },
    columns: [
      col('id', 'text', 'ID', 'ID'),
      col('enrolment.membershipNo', 'text', 'Nomor kepesertaan', 'Membership number'),
      col('period', 'text', 'Bulan iuran', 'Month covered'),
      col('programme', 'text', 'Program', 'Programme'),
      col('amount', 'rupiah', 'Iuran (Rp)', 'Amount (Rp)'),
      col('paidDate', 'date', 'Tanggal bayar', 'Paid on'),
      col('sponsor.code', 'text', 'Kode penanggung iuran', 'Sponsor code'),
    ],
  },
  claims: {
    kind: 'claims',
    connection: 'claims',
    filterType: 'ClaimFilter',
    whereType: 'ClaimWhere',
    orderType: 'ClaimOrder',
    fileStem: { id: 'klaim', en: 'claims' },
    columns: [
      col('id', 'text', 'ID', 'ID'),
      col('claimNo', 'text', 'Nomor klaim', 'Claim number'),
      col('enrolment.membershipNo', 'text', 'Nomor kepesertaan', 'Membership number'),
      col('enrolment.worker.nik', 'text', 'NIK', 'NIK'),
      col('enrolment.worker.fullName', 'text', 'Nama lengkap', 'Full name'),
      col('programme', 'text', 'Program', 'Programme'),
      col('status', 'text', 'Status', 'Status'),
      col('incidentDate', 'date', 'Tanggal kejadian', 'Incident date'),
      col('submittedDate', 'date', 'Tanggal pengajuan', 'Submitted on'),
      col('claimedAmount', 'rupiah', 'Jumlah diajukan (Rp)', 'Amount claimed (Rp)'),
      col('approvedAmount', 'rupiah', 'Jumlah disetujui (Rp)', 'Amount approved (Rp)'),
      col('paidAmount', 'rupiah', 'Jumlah dibayar (Rp)', 'Amount paid (Rp)'),
      col('paidDate', 'date', 'Tanggal bayar', 'Paid on'),
      col('rejectionReason', 'text', 'Alasan penolakan', 'Rejection reason'),
    ],
  },
};

/** `{ a b { c } }` for the columns' paths: the connection's selection that answers what the file holds. */
export function nodeSelection(columns: ExportColumn[]): string {
  const tree = new Map<string, Map<string, unknown>>();
  for (const c of columns) {
    let level = tree;
    for (const part of c.path.split('.')) {
      if (!level.has(part)) level.set(part, new Map());
      level = level.get(part) as Map<string, Map<string, unknown>>;
    }
  }
  const print = (level: Map<string, Map<string, unknown>>): string =>
    [...level].map(([name, children]) => (children.size ? `${name} { ${print(children as never)} }` : name)).join(' ');
  return `{ ${print(tree)} }`;
}
