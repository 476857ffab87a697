import type { MetricGrouping, MetricName } from '../../schema/metrics/metric-definitions.js';
import type { Lang } from './number-format.js';

/**
 * Every word of a brief, in Indonesian and English. Sentences are functions of figures that are
 * already formatted, so the same figure reads the same in the prose, the tables and the charts.
 */

export type Direction = 'up' | 'down' | 'same' | 'new' | 'none';

/** A change as words: "naik Rp 3 miliar (+20,0%) dari Rp 15 miliar pada 2022". */
export interface ChangeWords {
  direction: Direction;
  /** The change without its sign ("Rp 3 miliar", "7,0 poin"). */
  amount: string;
  /** The signed percentage ("+20,0%"); empty for percentages, whose change is in points. */
  pct: string;
  prior: string;
  compare: number;
}

export interface BriefStrings {
  lang: Lang;
  kicker: string;
  title(year: number, compare: number): string;
  subtitle: string;
  preparedFor: string;
  dataAsOf(date: string): string;
  contents: string;
  sponsorKind: Record<string, string>;
  sector: Record<string, string>;
  /** A sector's name inside a sentence. */
  sectorShort: Record<string, string>;
  programme: Record<string, string>;
  occupationName: Record<string, string>;
  /** Occupations the source article names as pekerja rentan. */
  namedVulnerableNote: string;
  total: string;
  change: string;
  changePct: string;
  changePoints: string;
  noData: string;
  query: string;
  queries: string;
  seeAppendix: string;
  month: string;
  sections: {
    summary: string;
    budget: string;
    workers: string;
    payouts: string;
    claims: string;
    coverage: string;
    kecamatan: string;
    occupation: string;
    cost: string;
    freshness: string;
    limits: string;
    appendix: string;
  };
  columns: {
    sponsorKind: string;
    programme: string;
    sector: string;
    kecamatan: string;
    occupation: string;
    allocated: string;
    paid: string;
    unspent: string;
    realisation(year: number): string;
    workersProtected: string;
    labourForce: string;
    coverage(year: number): string;
    claims(year: number): string;
    averagePerClaim(year: number): string;
    contributionsPaid: string;
    costPerWorker(year: number): string;
    snapshotDate: string;
    runId: string;
    publishedAt: string;
  };
  changeWords(c: ChangeWords): string;
  headline: {
    title(direction: Direction, value: string, pct: string, year: number): string;
    lead(sponsor: string, value: string, full: string, year: number, change: string): string;
  };
  keyFigures: {
    budget: string;
    vulnerable: string;
    realisation: string;
    benefits: string;
    informalCoverage: string;
    cost: string;
    paidOf(paid: string, allocated: string): string;
    workersOf(covered: string, labourForce: string): string;
    perWorker(paid: string, workers: string): string;
    from(prior: string, compare: number): string;
  };
  budget: {
    lead(value: string, full: string, year: number, change: string): string;
    none(year: number): string;
    csr(value: string, change: string): string;
    total(value: string, year: number): string;
    tableCaption(year: number, compare: number): string;
    chartTitle(year: number, compare: number): string;
    realisation(allocated: string, paid: string, pct: string, year: number, unspent: string): string;
    overspent(allocated: string, paid: string, pct: string, year: number): string;
    fundable(unspent: string, workers: string, perYear: string, perMonth: string): string;
    realisationCaption(year: number): string;
    noRealisation(year: number): string;
  };
  workers: {
    lead(value: string, year: number, change: string): string;
    noneSponsored(year: number): string;
    csr(value: string, change: string): string;
    total(value: string, year: number, change: string): string;
    tableCaption(year: number, compare: number): string;
    distinctNote: string;
    trendTitle(year: number, compare: number): string;
    trendNote: string;
  };
  payouts: {
    lead(full: string, short: string, year: number, change: string): string;
    none(year: number): string;
    largest(programme: string, value: string): string;
    vulnerable(value: string, change: string): string;
    noVulnerable(year: number): string;
    tableCaption(year: number, compare: number): string;
    chartTitle(year: number, compare: number): string;
    vulnerableCaption(year: number, compare: number): string;
  };
  claims: {
    lead(count: string, year: number, change: string, average: string): string;
    none(year: number): string;
    tableCaption(year: number, compare: number): string;
    trendTitle(year: number, compare: number): string;
  };
  coverage: {
    sector(sector: string, rate: string, covered: string, labourForce: string, change: string): string;
    noSector(sector: string, year: number): string;
    gap(points: string): string;
    tableCaption(year: number, compare: number): string;
    chartTitle(year: number, compare: number): string;
  };
  kecamatan: {
    lowest(list: string): string;
    highest(name: string, rate: string): string;
    target: string;
    none(year: number): string;
    tableCaption(year: number): string;
    chartTitle(year: number): string;
  };
  occupation: {
    lead(year: number, list: string): string;
    none(year: number): string;
    noRate: string;
    tableCaption(year: number, compare: number): string;
  };
  cost: {
    lead(cost: string, year: number, paid: string, workers: string, change: string): string;
    none(year: number): string;
    minimum(perYear: string, perMonth: string, below: boolean): string;
    notComparable: string;
    tableCaption(year: number, compare: number): string;
  };
  freshness: {
    lead(date: string, runId: string, publishedAt: string): string;
    partial(year: number, date: string): string;
    future(year: number, date: string): string;
    complete(year: number): string;
  };
  limits: string[];
  appendix: {
    intro: string;
    rerun: string;
    derivedTitle: string;
    derived(ids: { allocated: string; paid: string; benefits: string; claims: string; coverage: string }): string[];
    indexTitle: string;
    indexColumns: { query: string; metric: string; breakdown: string; period: string; statement: string };
    templatesTitle: string;
    templatesText: string;
    metricsTitle: string;
    metricsText: string;
    statementsTitle: string;
    statementsText: string;
    queryTitle(metric: string, grouping: MetricGrouping | null, period: string): string;
    yearOverYear(year: number, compare: number): string;
    monthly(year: number): string;
  };
  metric: Record<MetricName, string>;
  list(items: string[]): string;
}

const grouping: Record<Lang, Record<MetricGrouping, string>> = {
  id: {
    SPONSOR_KIND: 'per jenis sponsor',
    SPONSOR: 'per sponsor',
    PROGRAMME: 'per program',
    SECTOR: 'per sektor',
    KECAMATAN: 'per kecamatan',
    OCCUPATION: 'per pekerjaan',
  },
  en: {
    SPONSOR_KIND: 'by sponsor kind',
    SPONSOR: 'by sponsor',
    PROGRAMME: 'by programme',
    SECTOR: 'by sector',
    KECAMATAN: 'by kecamatan',
    OCCUPATION: 'by occupation',
  },
};

const list = (and: string) => (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const id: BriefStrings = {
  lang: 'id',
  kicker: 'Ringkasan kebijakan',
  title: (year, compare) => `Perlindungan pekerja rentan di Kutai Kartanegara: ${year} dibanding ${compare}`,
  subtitle: 'Anggaran, kepesertaan, manfaat dan cakupan jaminan sosial ketenagakerjaan (BPJS Ketenagakerjaan)',
  preparedFor: 'Disiapkan untuk Bupati Kutai Kartanegara',
  dataAsOf: (date) => `Data per ${date}`,
  contents: 'Isi',
  sponsorKind: {
    REGENCY_BUDGET: 'APBD Pemkab Kukar',
    COMPANY_CSR: 'CSR perusahaan',
    EMPLOYER: 'Pemberi kerja',
    SELF: 'Mandiri (bayar sendiri)',
  },
  sector: { FORMAL: 'Formal (penerima upah)', INFORMAL: 'Informal (bukan penerima upah)' },
  sectorShort: { FORMAL: 'Sektor formal', INFORMAL: 'Sektor informal' },
  programme: {
    JKK: 'JKK – Jaminan Kecelakaan Kerja',
    JKM: 'JKM – Jaminan Kematian',
    JHT: 'JHT – Jaminan Hari Tua',
    JP: 'JP – Jaminan Pensiun',
    JKP: 'JKP – Jaminan Kehilangan Pekerjaan',
  },
  occupationName: {
    PETANI: 'Petani',
    NELAYAN: 'Nelayan',
    PEDAGANG: 'Pedagang',
    MARBOT: 'Marbot',
    TENAGA_KESEHATAN: 'Tenaga kesehatan',
    TENAGA_PENDIDIK: 'Tenaga pendidik',
    BURUH: 'Buruh',
    KARYAWAN: 'Karyawan',
    PEGAWAI_NON_ASN: 'Pegawai non-ASN',
    LAINNYA: 'Lainnya',
  },
  namedVulnerableNote: '* Pekerjaan yang disebut sebagai pekerja rentan dalam program Pemkab Kukar.',
  total: 'Jumlah',
  change: 'Perubahan',
  changePct: 'Perubahan (%)',
  changePoints: 'Perubahan (poin)',
  noData: 'tidak ada data',
  query: 'Kueri',
  queries: 'Kueri',
  seeAppendix: 'SQL di Lampiran A',
  month: 'Bulan',
  sections: {
    summary: 'Ringkasan',
    budget: 'Anggaran dan realisasinya',
    workers: 'Pekerja yang dilindungi',
    payouts: 'Manfaat yang dibayarkan per program',
    claims: 'Klaim yang dibayarkan',
    coverage: 'Cakupan sektor formal dan informal',
    kecamatan: 'Cakupan per kecamatan',
    occupation: 'Pekerja terlindungi per jenis pekerjaan',
    cost: 'Biaya per pekerja terlindungi',
    freshness: 'Kemutakhiran data',
    limits: 'Catatan dan keterbatasan',
    appendix: 'Lampiran A. Metode: SQL di balik setiap angka',
  },
  columns: {
    sponsorKind: 'Sumber iuran',
    programme: 'Program',
    sector: 'Sektor',
    kecamatan: 'Kecamatan',
    occupation: 'Pekerjaan',
    allocated: 'Alokasi',
    paid: 'Iuran dibayar',
    unspent: 'Sisa',
    realisation: (y) => `Realisasi ${y}`,
    workersProtected: 'Pekerja terlindungi',
    labourForce: 'Angkatan kerja',
    coverage: (y) => `Cakupan ${y}`,
    claims: (y) => `Klaim ${y}`,
    averagePerClaim: (y) => `Rata-rata per klaim ${y}`,
    contributionsPaid: 'Iuran dibayar',
    costPerWorker: (y) => `Biaya per pekerja ${y}`,
    snapshotDate: 'Tanggal snapshot',
    runId: 'Proses ETL',
    publishedAt: 'Diterbitkan',
  },
  changeWords: ({ direction, amount, pct, prior, compare }) => {
    const p = pct ? ` (${pct})` : '';
    switch (direction) {
      case 'up':
        return `naik ${amount}${p} dari ${prior} pada ${compare}`;
      case 'down':
        return `turun ${amount}${p} dari ${prior} pada ${compare}`;
      case 'same':
        return `sama dengan ${compare}`;
      case 'new':
        return `baru, belum ada pada ${compare}`;
      case 'none':
        return `tidak ada data`;
    }
  },
  headline: {
    title: (direction, value, pct, year) => {
      switch (direction) {
        case 'up':
          return `Anggaran APBD untuk pekerja rentan naik ${pct} menjadi ${value}`;
        case 'down':
          return `Anggaran APBD untuk pekerja rentan turun ${pct} menjadi ${value}`;
        case 'same':
          return `Anggaran APBD untuk pekerja rentan tetap ${value}`;
        case 'new':
          return `Anggaran APBD untuk pekerja rentan ${year}: ${value} (baru)`;
        case 'none':
          return `Belum ada anggaran APBD untuk pekerja rentan pada ${year}`;
      }
    },
    lead: (sponsor, value, full, year, change) =>
      `${sponsor} mengalokasikan ${value} (${full}) pada ${year} untuk iuran BPJS Ketenagakerjaan pekerja rentan, ${change}.`,
  },
  keyFigures: {
    budget: 'Anggaran APBD',
    vulnerable: 'Pekerja rentan dibiayai APBD',
    realisation: 'Realisasi anggaran APBD',
    benefits: 'Manfaat dibayarkan',
    informalCoverage: 'Cakupan sektor informal',
    cost: 'Iuran per pekerja APBD',
    paidOf: (paid, allocated) => `${paid} dibayar dari ${allocated}`,
    workersOf: (covered, lf) => `${covered} dari ${lf} pekerja`,
    perWorker: (paid, workers) => `${paid} ÷ ${workers} pekerja`,
    from: (prior, compare) => `${compare}: ${prior}`,
  },
  budget: {
    lead: (value, full, year, change) =>
      `Pemkab Kukar mengalokasikan ${value} (${full}) dari APBD ${year} untuk membayar iuran pekerja rentan, ${change}.`,
    none: (year) => `Tidak ada anggaran APBD untuk iuran pekerja rentan yang tercatat pada ${year}.`,
    csr: (value, change) => `Perusahaan menambah ${value} melalui CSR (${change}).`,
    total: (value, year) => `Seluruh anggaran yang berlaku pada ${year}: ${value}.`,
    tableCaption: (y, c) => `Anggaran yang berlaku per sumber, ${y} dibanding ${c}`,
    chartTitle: (y, c) => `Anggaran per sumber, ${c} dan ${y}`,
    realisation: (allocated, paid, pct, year, unspent) =>
      `Dari ${allocated} anggaran APBD, ${paid} (${pct}) telah dibayarkan sebagai iuran untuk bulan-bulan ${year}; ${unspent} tidak terpakai.`,
    overspent: (allocated, paid, pct, year) =>
      `Iuran yang dibayarkan untuk bulan-bulan ${year}, ${paid}, melebihi anggaran APBD ${allocated} (${pct}).`,
    fundable: (unspent, workers, perYear, perMonth) =>
      `Dengan iuran minimum ${perMonth} per pekerja per bulan (${perYear} setahun), sisa ${unspent} cukup untuk melindungi sekitar ${workers} pekerja rentan lagi selama setahun penuh.`,
    realisationCaption: (y) => `Realisasi anggaran per sumber, ${y} (iuran dibayar dibanding alokasi)`,
    noRealisation: (year) => `Tidak ada anggaran yang dapat dibandingkan dengan iuran yang dibayarkan pada ${year}.`,
  },
  workers: {
    lead: (value, year, change) =>
      `${value} pekerja rentan (sektor informal, bukan ASN) dilindungi dengan iuran dari APBD pada ${year}, ${change}.`,
    noneSponsored: (year) => `Tidak ada pekerja rentan yang iurannya dibiayai APBD pada ${year}.`,
    csr: (value, change) => `CSR perusahaan membiayai ${value} pekerja rentan lainnya (${change}).`,
    total: (value, year, change) =>
      `Secara keseluruhan ${value} pekerja di Kukar terlindungi sepanjang ${year}, termasuk pekerja formal yang didaftarkan pemberi kerja dan peserta mandiri (${change}).`,
    tableCaption: (y, c) => `Pekerja terlindungi per sumber iuran, ${y} dibanding ${c}`,
    distinctNote:
      'Setiap pekerja dihitung sekali per baris. Pekerja yang iurannya berganti sumber dalam setahun muncul di dua baris, sehingga jumlah baris dapat melebihi total.',
    trendTitle: (y, c) => `Kepesertaan aktif pada akhir bulan, ${c} dan ${y}`,
    trendNote:
      'Angka setahun menghitung setiap pekerja yang terlindungi setidaknya satu hari dalam tahun itu, sehingga lebih besar daripada kepesertaan aktif pada akhir bulan mana pun.',
  },
  payouts: {
    lead: (full, short, year, change) =>
      `BPJS Ketenagakerjaan membayarkan manfaat ${full} (${short}) kepada peserta di Kukar pada ${year}, ${change}.`,
    none: (year) => `Tidak ada manfaat yang dibayarkan pada ${year}.`,
    largest: (programme, value) => `Pembayaran terbesar berasal dari ${programme}: ${value}.`,
    vulnerable: (value, change) =>
      `Dari jumlah itu, ${value} adalah manfaat JKK dan JKM bagi pekerja non-ASN dan pekerja rentan yang iurannya dibiayai APBD atau CSR (${change}).`,
    noVulnerable: (year) => `Tidak ada manfaat JKK atau JKM yang dibayarkan kepada pekerja non-ASN dan pekerja rentan pada ${year}.`,
    tableCaption: (y, c) => `Manfaat dibayarkan per program, ${y} dibanding ${c}`,
    chartTitle: (y, c) => `Manfaat dibayarkan per program, ${c} dan ${y}`,
    vulnerableCaption: (y, c) => `JKK dan JKM bagi pekerja non-ASN dan pekerja rentan, ${y} dibanding ${c}`,
  },
  claims: {
    lead: (count, year, change, average) => `${count} klaim dibayarkan pada ${year} (${change}), rata-rata ${average} per klaim.`,
    none: (year) => `Tidak ada klaim yang dibayarkan pada ${year}.`,
    tableCaption: (y, c) => `Klaim dibayarkan per program, ${y} dibanding ${c}`,
    trendTitle: (y, c) => `Klaim dibayarkan per bulan, ${c} dan ${y}`,
  },
  coverage: {
    sector: (sector, rate, covered, lf, change) =>
      `${sector}: ${rate} terlindungi, yaitu ${covered} dari ${lf} angkatan kerja (${change}).`,
    noSector: (sector, year) => `${sector}: tidak ada data angkatan kerja untuk ${year}.`,
    gap: (points) => `Kesenjangan cakupan antara sektor formal dan informal: ${points}.`,
    tableCaption: (y, c) => `Cakupan per sektor, ${y} dibanding ${c} (pekerja terlindungi dibagi angkatan kerja)`,
    chartTitle: (y, c) => `Cakupan per sektor, ${c} dan ${y} (%)`,
  },
  kecamatan: {
    lowest: (items) => `Cakupan terendah ada di ${items}.`,
    highest: (name, rate) => `Tertinggi di ${name} (${rate}).`,
    target: 'Kecamatan dengan cakupan terendah adalah kandidat pertama untuk perluasan kepesertaan yang dibiayai APBD atau CSR.',
    none: (year) => `Tidak ada data cakupan per kecamatan untuk ${year}.`,
    tableCaption: (y) => `Cakupan per kecamatan, ${y}, dari yang terendah`,
    chartTitle: (y) => `Cakupan per kecamatan, ${y} (%)`,
  },
  occupation: {
    lead: (year, items) => `Pekerjaan dengan pekerja terlindungi terbanyak pada ${year}: ${items}.`,
    none: (year) => `Tidak ada data pekerjaan untuk ${year}.`,
    noRate:
      'Statistik angkatan kerja tidak memuat jenis pekerjaan, sehingga tingkat cakupan per pekerjaan tidak dapat dihitung; tabel ini hanya menunjukkan jumlah pekerja terlindungi.',
    tableCaption: (y, c) => `Pekerja terlindungi per pekerjaan, ${y} dibanding ${c}`,
  },
  cost: {
    lead: (cost, year, paid, workers, change) =>
      `Iuran per pekerja yang dibiayai APBD rata-rata ${cost} pada ${year} (${paid} dibagi ${workers} pekerja), ${change}.`,
    none: (year) => `Tidak ada iuran APBD yang dapat dibagi per pekerja pada ${year}.`,
    minimum: (perYear, perMonth, below) =>
      `Iuran minimum setahun penuh untuk seorang pekerja rentan adalah ${perYear} (${perMonth} per bulan: JKK Rp\u00a010.000 dan JKM Rp\u00a06.800)` +
      (below ? '; rata-rata lebih rendah bila pekerja hanya terlindungi sebagian tahun atau ada bulan yang iurannya tidak dibayar.' : '.'),
    notComparable:
      'Biaya per pekerja formal (pemberi kerja) mencakup kelima program dan mengikuti upah, sehingga tidak sebanding langsung dengan iuran pekerja rentan.',
    tableCaption: (y, c) => `Biaya per pekerja terlindungi per sumber iuran, ${y} dibanding ${c}`,
  },
  freshness: {
    lead: (date, runId, publishedAt) =>
      `Semua angka dalam ringkasan ini dibaca dari satu snapshot gudang data: tanggal ${date}, proses ETL ${runId}, diterbitkan ${publishedAt}.`,
    partial: (year, date) => `Tahun ${year} belum selesai pada tanggal snapshot: angka ${year} adalah sampai ${date} dan akan bertambah.`,
    future: (year, date) => `Tahun ${year} belum dimulai pada tanggal snapshot (${date}), sehingga belum ada angkanya.`,
    complete: (year) => `Tahun ${year} sudah selesai pada tanggal snapshot; angkanya dapat berubah hanya bila data lama dikoreksi.`,
  },
  limits: [
    'Pekerja "terlindungi" dalam suatu tahun adalah pekerja yang kepesertaannya mencakup setidaknya satu hari dalam tahun itu, apa pun statusnya sekarang.',
    'Pekerja dihitung tanpa duplikasi. Pekerja yang berganti sumber iuran dalam setahun dihitung pada kedua sumber, sehingga jumlah per sumber iuran dapat melebihi total.',
    'Cakupan membagi pekerja terlindungi dengan angkatan kerja menurut statistik ketenagakerjaan per kecamatan dan sektor. Kecamatan pekerja adalah alamat yang tercatat, yang bisa berbeda dari tempat bekerja.',
    'Iuran dihitung menurut bulan yang dibayar (bukan tanggal pembayaran); manfaat dan klaim menurut tanggal pembayaran.',
    'Realisasi hanya menghitung iuran yang dibayarkan; biaya lain program (sosialisasi, administrasi) tidak termasuk.',
    '"Baru" berarti tidak ada angka pembanding (atau angkanya nol) pada tahun pembanding, sehingga persentase perubahan tidak dapat dihitung.',
    'Angka singkat ("Rp 18 miliar") dibulatkan ke satu desimal; angka lengkap ada di tabel dan dapat dihitung ulang dengan SQL di Lampiran A.',
  ],
  appendix: {
    intro:
      'Setiap angka dalam ringkasan ini berasal dari metrik bernama di bawah. Kueri yang sama menjawab kolom analitik di API GraphQL, sehingga ringkasan dan API tidak dapat berbeda.',
    rerun: 'Setiap pernyataan dapat dijalankan ulang dengan npm run sql -- -c "<SQL>".',
    derivedTitle: 'Angka turunan',
    derived: (q) => [
      `Sisa anggaran = alokasi (${q.allocated}) dikurangi iuran dibayar (${q.paid}), per sumber iuran.`,
      'Pekerja yang dapat dibiayai dari sisa = sisa dibagi Rp\u00a0201.600 (iuran minimum JKK dan JKM setahun), dibulatkan ke bawah.',
      `Rata-rata per klaim = manfaat dibayarkan (${q.benefits}) dibagi klaim dibayarkan (${q.claims}), dibulatkan ke rupiah terdekat.`,
      `Kesenjangan formal–informal = cakupan formal dikurangi cakupan informal (${q.coverage}).`,
    ],
    indexTitle: 'A.1 Daftar kueri',
    indexColumns: { query: 'Kueri', metric: 'Metrik', breakdown: 'Rincian', period: 'Periode', statement: 'Pola' },
    templatesTitle: 'A.2 Pola pernyataan',
    templatesText:
      "Setiap kueri menjalankan salah satu pola ini. Perbandingan tahunan dijalankan dua kali: <breakdown> = 'TOTAL' untuk jumlah, lalu rincian kueri; <metric> diganti SQL metrik (A.3), <year> dan <compare> dengan tahun ringkasan dan tahun pembanding. Tren bulanan: <from> dan <to> adalah awal dan akhir periode.",
    metricsTitle: 'A.3 Definisi metrik',
    metricsText: 'SQL setiap metrik di atas mart gudang data (analytics/metrics/), seperti yang disisipkan ke pola.',
    statementsTitle: 'A.4 Pernyataan lengkap',
    statementsText: 'Setiap pernyataan persis seperti yang dijalankan.',
    queryTitle: (metric, g, period) => `${metric}${g ? ` ${grouping.id[g]}` : ''}, ${period}`,
    yearOverYear: (y, c) => `${y} dibanding ${c}`,
    monthly: (y) => `per bulan, ${y}`,
  },
  metric: {
    BUDGET_ALLOCATED: 'Anggaran yang berlaku per tahun anggaran (anggaran perubahan menggantikan anggaran murni).',
    CONTRIBUTIONS_PAID: 'Iuran yang dibayarkan, dihitung pada tahun (atau bulan) yang ditanggungnya.',
    BUDGET_REALISATION: 'Iuran yang dibayarkan sponsor beranggaran untuk tahun itu, sebagai persentase anggaran yang berlaku.',
    BENEFITS_PAID: 'Manfaat yang dibayarkan (JKK, JKM, JHT, JP, JKP), menurut tanggal pembayaran.',
    CLAIMS_PAID: 'Klaim manfaat yang dibayarkan, menurut tanggal pembayaran.',
    VULNERABLE_BENEFITS_PAID: 'Manfaat JKK dan JKM bagi pekerja non-ASN dan pekerja informal yang iurannya dibiayai APBD atau CSR.',
    WORKERS_PROTECTED: 'Pekerja (tanpa duplikasi) yang kepesertaannya mencakup setidaknya satu hari dalam tahun itu.',
    VULNERABLE_WORKERS_SPONSORED: 'Pekerja informal bukan ASN (tanpa duplikasi) yang iurannya dibiayai APBD atau CSR selama tahun itu.',
    COVERAGE: 'Pekerja terlindungi sepanjang tahun sebagai persentase angkatan kerja.',
    LABOUR_FORCE: 'Angkatan kerja (penyebut cakupan).',
    COST_PER_WORKER: 'Iuran yang dibayarkan untuk tahun itu dibagi pekerja terlindungi pada tahun itu, dibulatkan.',
    ACTIVE_ENROLMENTS: 'Kepesertaan berstatus aktif pada tanggal snapshot; per bulan: snapshot terakhir bulan itu.',
  },
  list: list('dan'),
};

const en: BriefStrings = {
  lang: 'en',
  kicker: 'Policy brief',
  title: (year, compare) => `Protecting vulnerable workers in Kutai Kartanegara: ${year} against ${compare}`,
  subtitle: 'Budget, membership, benefits and coverage of workers\u2019 social security (BPJS Ketenagakerjaan)',
  preparedFor: 'Prepared for the Bupati of Kutai Kartanegara',
  dataAsOf: (date) => `Data as of ${date}`,
  contents: 'Contents',
  sponsorKind: {
    REGENCY_BUDGET: 'Regency budget (APBD)',
    COMPANY_CSR: 'Company CSR',
    EMPLOYER: 'Employers',
    SELF: 'Self-paid members',
  },
  sector: { FORMAL: 'Formal (wage earners)', INFORMAL: 'Informal (non-wage earners)' },
  sectorShort: { FORMAL: 'Formal sector', INFORMAL: 'Informal sector' },
  programme: {
    JKK: 'JKK – work accident',
    JKM: 'JKM – death benefit',
    JHT: 'JHT – old-age savings',
    JP: 'JP – pension',
    JKP: 'JKP – job loss',
  },
  occupationName: {
    PETANI: 'Farmer',
    NELAYAN: 'Fisher',
    PEDAGANG: 'Trader',
    MARBOT: 'Mosque caretaker',
    TENAGA_KESEHATAN: 'Health worker',
    TENAGA_PENDIDIK: 'Educator',
    BURUH: 'Labourer',
    KARYAWAN: 'Employee',
    PEGAWAI_NON_ASN: 'Non-civil-servant public worker',
    LAINNYA: 'Other',
  },
  namedVulnerableNote: '* Occupations the regency\u2019s programme names as vulnerable workers (pekerja rentan).',
  total: 'Total',
  change: 'Change',
  changePct: 'Change (%)',
  changePoints: 'Change (points)',
  noData: 'no data',
  query: 'Query',
  queries: 'Queries',
  seeAppendix: 'SQL in Appendix A',
  month: 'Month',
  sections: {
    summary: 'Summary',
    budget: 'Budget and what was spent',
    workers: 'Workers protected',
    payouts: 'Benefits paid by programme',
    claims: 'Claims paid',
    coverage: 'Coverage of formal and informal workers',
    kecamatan: 'Coverage by kecamatan',
    occupation: 'Workers protected by occupation',
    cost: 'Cost per protected worker',
    freshness: 'Data freshness',
    limits: 'Notes and limits',
    appendix: 'Appendix A. Methods: the SQL behind every figure',
  },
  columns: {
    sponsorKind: 'Paid by',
    programme: 'Programme',
    sector: 'Sector',
    kecamatan: 'Kecamatan',
    occupation: 'Occupation',
    allocated: 'Allocated',
    paid: 'Contributions paid',
    unspent: 'Unspent',
    realisation: (y) => `Realisation ${y}`,
    workersProtected: 'Workers protected',
    labourForce: 'Labour force',
    coverage: (y) => `Coverage ${y}`,
    claims: (y) => `Claims ${y}`,
    averagePerClaim: (y) => `Average per claim ${y}`,
    contributionsPaid: 'Contributions paid',
    costPerWorker: (y) => `Cost per worker ${y}`,
    snapshotDate: 'Snapshot date',
    runId: 'ETL run',
    publishedAt: 'Published',
  },
  changeWords: ({ direction, amount, pct, prior, compare }) => {
    const p = pct ? ` (${pct})` : '';
    switch (direction) {
      case 'up':
        return `up ${amount}${p} from ${prior} in ${compare}`;
      case 'down':
        return `down ${amount}${p} from ${prior} in ${compare}`;
      case 'same':
        return `unchanged from ${compare}`;
      case 'new':
        return `new, none in ${compare}`;
      case 'none':
        return 'no data';
    }
  },
  headline: {
    title: (direction, value, pct, year) => {
      switch (direction) {
        case 'up':
          return `Regency budget for vulnerable workers up ${pct} to ${value}`;
        case 'down':
          return `Regency budget for vulnerable workers down ${pct} to ${value}`;
        case 'same':
          return `Regency budget for vulnerable workers unchanged at ${value}`;
        case 'new':
          return `Regency budget for vulnerable workers in ${year}: ${value} (new)`;
        case 'none':
          return `No regency budget for vulnerable workers recorded for ${year}`;
      }
    },
    lead: (sponsor, value, full, year, change) =>
      `${sponsor} allocated ${value} (${full}) in ${year} to pay vulnerable workers\u2019 BPJS Ketenagakerjaan contributions, ${change}.`,
  },
  keyFigures: {
    budget: 'Regency budget',
    vulnerable: 'Vulnerable workers paid for by the regency',
    realisation: 'Regency budget realisation',
    benefits: 'Benefits paid',
    informalCoverage: 'Informal-sector coverage',
    cost: 'Contributions per regency-paid worker',
    paidOf: (paid, allocated) => `${paid} paid of ${allocated}`,
    workersOf: (covered, lf) => `${covered} of ${lf} workers`,
    perWorker: (paid, workers) => `${paid} ÷ ${workers} workers`,
    from: (prior, compare) => `${compare}: ${prior}`,
  },
  budget: {
    lead: (value, full, year, change) =>
      `The regency allocated ${value} (${full}) from its ${year} budget (APBD) to pay vulnerable workers\u2019 contributions, ${change}.`,
    none: (year) => `No regency budget for vulnerable workers\u2019 contributions is recorded for ${year}.`,
    csr: (value, change) => `Companies added ${value} through CSR (${change}).`,
    total: (value, year) => `All budgets in force in ${year}: ${value}.`,
    tableCaption: (y, c) => `Budget in force by source, ${y} against ${c}`,
    chartTitle: (y, c) => `Budget by source, ${c} and ${y}`,
    realisation: (allocated, paid, pct, year, unspent) =>
      `Of the ${allocated} regency budget, ${paid} (${pct}) was paid as contributions for the months of ${year}; ${unspent} went unspent.`,
    overspent: (allocated, paid, pct, year) =>
      `Contributions paid for the months of ${year}, ${paid}, exceeded the regency budget of ${allocated} (${pct}).`,
    fundable: (unspent, workers, perYear, perMonth) =>
      `At the minimum contribution of ${perMonth} per worker a month (${perYear} a year), the unspent ${unspent} would protect about ${workers} more vulnerable workers for a full year.`,
    realisationCaption: (y) => `Budget realisation by source, ${y} (contributions paid against the allocation)`,
    noRealisation: (year) => `No budget can be set against the contributions paid in ${year}.`,
  },
  workers: {
    lead: (value, year, change) =>
      `${value} vulnerable workers (informal sector, not civil servants) were protected with contributions paid by the regency budget in ${year}, ${change}.`,
    noneSponsored: (year) => `No vulnerable workers had their contributions paid by the regency budget in ${year}.`,
    csr: (value, change) => `Company CSR paid for ${value} more vulnerable workers (${change}).`,
    total: (value, year, change) =>
      `In all, ${value} workers in Kukar were protected during ${year}, including formal workers enrolled by their employers and self-paid members (${change}).`,
    tableCaption: (y, c) => `Workers protected by who pays, ${y} against ${c}`,
    distinctNote:
      'Each worker is counted once per row. A worker whose contributions changed payer during the year appears in two rows, so the rows can add up to more than the total.',
    trendTitle: (y, c) => `Active memberships at each month end, ${c} and ${y}`,
    trendNote:
      'The yearly figure counts every worker protected on at least one day of the year, so it is larger than the active memberships at any one month end.',
  },
  payouts: {
    lead: (full, short, year, change) =>
      `BPJS Ketenagakerjaan paid ${full} (${short}) in benefits to members in Kukar in ${year}, ${change}.`,
    none: (year) => `No benefits were paid in ${year}.`,
    largest: (programme, value) => `The largest payments were from ${programme}: ${value}.`,
    vulnerable: (value, change) =>
      `Of this, ${value} was JKK and JKM benefits to non-civil-servant public workers (non-ASN) and to vulnerable workers paid for by the regency or CSR (${change}).`,
    noVulnerable: (year) => `No JKK or JKM benefits were paid to non-ASN or vulnerable workers in ${year}.`,
    tableCaption: (y, c) => `Benefits paid by programme, ${y} against ${c}`,
    chartTitle: (y, c) => `Benefits paid by programme, ${c} and ${y}`,
    vulnerableCaption: (y, c) => `JKK and JKM to non-ASN and vulnerable workers, ${y} against ${c}`,
  },
  claims: {
    lead: (count, year, change, average) => `${count} claims were paid in ${year} (${change}), ${average} per claim on average.`,
    none: (year) => `No claims were paid in ${year}.`,
    tableCaption: (y, c) => `Claims paid by programme, ${y} against ${c}`,
    trendTitle: (y, c) => `Claims paid per month, ${c} and ${y}`,
  },
  coverage: {
    sector: (sector, rate, covered, lf, change) => `${sector}: ${rate} protected, ${covered} of a labour force of ${lf} (${change}).`,
    noSector: (sector, year) => `${sector}: no labour-force figure for ${year}.`,
    gap: (points) => `Gap between formal and informal coverage: ${points}.`,
    tableCaption: (y, c) => `Coverage by sector, ${y} against ${c} (workers protected over the labour force)`,
    chartTitle: (y, c) => `Coverage by sector, ${c} and ${y} (%)`,
  },
  kecamatan: {
    lowest: (items) => `Coverage is lowest in ${items}.`,
    highest: (name, rate) => `It is highest in ${name} (${rate}).`,
    target: 'The kecamatan with the lowest coverage are the first candidates for extending regency- or CSR-paid membership.',
    none: (year) => `No coverage by kecamatan for ${year}.`,
    tableCaption: (y) => `Coverage by kecamatan, ${y}, lowest first`,
    chartTitle: (y) => `Coverage by kecamatan, ${y} (%)`,
  },
  occupation: {
    lead: (year, items) => `The occupations with the most protected workers in ${year}: ${items}.`,
    none: (year) => `No occupation data for ${year}.`,
    noRate:
      'The labour-force statistics have no occupation, so coverage by occupation cannot be computed; the table shows numbers of protected workers only.',
    tableCaption: (y, c) => `Workers protected by occupation, ${y} against ${c}`,
  },
  cost: {
    lead: (cost, year, paid, workers, change) =>
      `Contributions per regency-paid worker averaged ${cost} in ${year} (${paid} over ${workers} workers), ${change}.`,
    none: (year) => `No regency contributions to divide per worker in ${year}.`,
    minimum: (perYear, perMonth, below) =>
      `The minimum for a vulnerable worker for a full year is ${perYear} (${perMonth} a month: JKK Rp\u00a010,000 and JKM Rp\u00a06,800)` +
      (below ? '; the average is lower where workers were protected for only part of the year or some months went unpaid.' : '.'),
    notComparable:
      'The cost per formal worker (employers) covers all five programmes and follows wages, so it is not directly comparable with vulnerable workers\u2019 contributions.',
    tableCaption: (y, c) => `Cost per protected worker by who pays, ${y} against ${c}`,
  },
  freshness: {
    lead: (date, runId, publishedAt) =>
      `Every figure in this brief was read from one warehouse snapshot: dated ${date}, ETL run ${runId}, published ${publishedAt}.`,
    partial: (year, date) => `${year} was not over on the snapshot date: its figures run to ${date} and will grow.`,
    future: (year, date) => `${year} had not begun on the snapshot date (${date}), so it has no figures yet.`,
    complete: (year) => `${year} was complete on the snapshot date; its figures change only if past records are corrected.`,
  },
  limits: [
    'A worker is "protected" in a year when their membership covers at least one day of that year, whatever its status now.',
    'Workers are counted without duplicates. A worker whose payer changed during the year counts under both payers, so the counts by payer can add up to more than the total.',
    'Coverage divides protected workers by the labour force in the employment statistics by kecamatan and sector. A worker\u2019s kecamatan is their recorded address, which may differ from where they work.',
    'Contributions are counted by the month they pay for (not the payment date); benefits and claims by payment date.',
    'Realisation counts contributions paid only; other programme costs (outreach, administration) are not included.',
    '"New" means the comparison year has no figure (or zero), so a percentage change cannot be computed.',
    'Short figures ("Rp 18 billion") are rounded to one decimal; the full figures are in the tables and can be recomputed with the SQL in Appendix A.',
  ],
  appendix: {
    intro:
      'Every figure in this brief comes from one of the named metrics below. The same queries answer the analytics fields of the GraphQL API, so the brief and the API cannot disagree.',
    rerun: 'Any statement runs again with npm run sql -- -c "<SQL>".',
    derivedTitle: 'Derived figures',
    derived: (q) => [
      `Unspent budget = allocation (${q.allocated}) minus contributions paid (${q.paid}), per payer.`,
      'Workers the unspent budget could protect = unspent divided by Rp\u00a0201,600 (the minimum JKK and JKM contributions for a year), rounded down.',
      `Average per claim = benefits paid (${q.benefits}) divided by claims paid (${q.claims}), to the nearest rupiah.`,
      `Formal–informal gap = formal coverage minus informal coverage (${q.coverage}).`,
    ],
    indexTitle: 'A.1 Queries',
    indexColumns: { query: 'Query', metric: 'Metric', breakdown: 'Breakdown', period: 'Period', statement: 'Template' },
    templatesTitle: 'A.2 Statement templates',
    templatesText:
      "Every query runs one of these templates. A year-over-year comparison runs twice: <breakdown> = 'TOTAL' for the total, then the query's breakdown; <metric> is replaced by the metric's SQL (A.3), <year> and <compare> by the brief's year and the comparison year. Monthly trends: <from> and <to> are the first and last day of the period.",
    metricsTitle: 'A.3 Metric definitions',
    metricsText: "Each metric's SQL over the warehouse marts (analytics/metrics/), as it is put into the templates.",
    statementsTitle: 'A.4 Full statements',
    statementsText: 'Each statement exactly as it ran.',
    queryTitle: (metric, g, period) => `${metric}${g ? ` ${grouping.en[g]}` : ''}, ${period}`,
    yearOverYear: (y, c) => `${y} against ${c}`,
    monthly: (y) => `monthly, ${y}`,
  },
  metric: {
    BUDGET_ALLOCATED: 'Budget in force per fiscal year (a revised allocation replaces the original).',
    CONTRIBUTIONS_PAID: 'Contributions paid, counted in the year (or month) they cover.',
    BUDGET_REALISATION: 'Contributions a budgeted sponsor paid for the year, as a share of its budget in force.',
    BENEFITS_PAID: 'Benefits paid (JKK, JKM, JHT, JP, JKP), by paid date.',
    CLAIMS_PAID: 'Benefit claims paid, by paid date.',
    VULNERABLE_BENEFITS_PAID: 'JKK and JKM benefits paid to non-ASN workers and to informal workers sponsored by the regency or CSR.',
    WORKERS_PROTECTED: 'Distinct workers with a membership covering any day of the year.',
    VULNERABLE_WORKERS_SPONSORED: 'Distinct informal, non-ASN workers covered during the year by the regency budget or a company CSR.',
    COVERAGE: 'Workers covered during the year as a share of the labour force.',
    LABOUR_FORCE: 'Workers in the labour force (the coverage denominator).',
    COST_PER_WORKER: 'Contributions paid for the year per distinct worker protected that year, rounded half up.',
    ACTIVE_ENROLMENTS: 'ACTIVE memberships on a snapshot date; monthly: the month\u2019s last snapshot.',
  },
  list: list('and'),
};

export const STRINGS: Record<Lang, BriefStrings> = { id, en };

/** A code's label, or the code itself when the data holds one the brief has no words for. */
export const label = (labels: Record<string, string>, code: string | null | undefined): string =>
  code === null || code === undefined ? '' : (labels[code] ?? code);

/** The occupations the article names as pekerja rentan. */
export const NAMED_VULNERABLE = new Set(['PETANI', 'NELAYAN', 'PEDAGANG', 'MARBOT', 'TENAGA_KESEHATAN', 'TENAGA_PENDIDIK']);
