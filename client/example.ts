/**
 * A minimal typed client, as a frontend would write it: every operation's variables and result
 * are typed from the generated code, so a schema change that breaks a screen fails `tsc`
 * (test/api/codegen.test.ts type-checks this file in CI).
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import {
  ApproveClaimDocument,
  ClaimByIdDocument,
  DashboardSummaryDocument,
  PayClaimDocument,
  SubmitClaimDocument,
  VerifyClaimDocument,
  WorkersPageDocument,
  YearOverYearPanelDocument,
  type AnalyticsGrouping,
  type AnalyticsMetric,
  type ClaimDetailFragment,
  type MetricUnit,
  type Programme,
} from './generated/graphql.js';

export class GraphQLRequestError extends Error {
  constructor(readonly errors: Array<{ message: string; extensions?: { code?: string; argumentPath?: string } }>) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export type Request = <Result, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
) => Promise<Result>;

/**
 * Sends each operation by its trusted-document id (`documentId`, from the persisted-documents
 * manifest codegen writes), which is all a production server accepts; a document without one
 * (written by hand, not generated) goes as text, for servers or roles that take arbitrary documents.
 */
export function createClient(url: string, token: string): Request {
  return async (document, variables) => {
    const documentId = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(documentId ? { documentId, variables } : { query: print(document), variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: GraphQLRequestError['errors'] };
    if (body.errors?.length) throw new GraphQLRequestError(body.errors);
    return body.data as never;
  };
}

/** Rupiah arrive as strings of digits: BigInt keeps them exact; Intl formats them for Indonesian readers. */
export function formatRupiah(amount: string): string {
  return new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(BigInt(amount));
}

/** The worker list screen: one page of a kecamatan, with total paid out to each worker. */
export async function workerRows(request: Request, kecamatan: string, after?: string) {
  const { workers } = await request(WorkersPageDocument, {
    first: 50,
    after,
    filter: { kecamatan, enrolmentStatus: ['ACTIVE'] },
    withTotal: !after,
  });
  const rows = workers.edges.map(({ node }) => ({
    id: node.id,
    nik: node.nik,
    name: node.fullName,
    kecamatan: node.region.name,
    programmes: node.enrolments.flatMap((e) => e.programmes satisfies Programme[]),
    paid: formatRupiah(
      node.enrolments
        .flatMap((e) => e.claims)
        .reduce((sum, c) => sum + BigInt(c.paidAmount ?? '0'), 0n)
        .toString(),
    ),
  }));
  return { rows, total: workers.totalCount ?? null, next: workers.pageInfo.hasNextPage ? workers.pageInfo.endCursor : null };
}

/** The claim screen: submit, verify, approve and pay, passing back the version each step returns. */
export async function settleClaim(request: Request, enrolmentId: string, programme: Programme): Promise<ClaimDetailFragment> {
  const { submitClaim } = await request(SubmitClaimDocument, {
    input: { enrolmentId, programme, incidentDate: '2026-11-20', claimedAmount: '42000000' },
  });
  const { verifyClaim } = await request(VerifyClaimDocument, { id: submitClaim.id, version: submitClaim.version });
  const { approveClaim } = await request(ApproveClaimDocument, {
    id: verifyClaim.id,
    version: verifyClaim.version,
    approvedAmount: '42000000',
  });
  // One key per payment attempt, reused on retry: the server pays once however often it is sent.
  const paymentKey = `pay-${approveClaim.claimNo}`;
  const { payClaim } = await request(PayClaimDocument, { id: approveClaim.id, paymentKey });
  return payClaim;
}

export async function claimScreen(request: Request, id: string) {
  const { node } = await request(ClaimByIdDocument, { id });
  if (!node || !('claimNo' in node)) return null;
  return {
    title: `${node.claimNo} (${node.programme})`,
    member: node.enrolment.worker.fullName,
    claimed: formatRupiah(node.claimedAmount),
  };
}

export async function budgetLine(request: Request, sponsorId: string, year: number): Promise<string> {
  const { dashboard } = await request(DashboardSummaryDocument, { sponsorId, year });
  const b = dashboard.sponsorBudget;
  return `${year}: ${formatRupiah(b.allocated ?? '0')} allocated, ${formatRupiah(b.paid)} paid, ${formatRupiah(b.available)} available`;
}

/** A warehouse figure for people: Decimal strings stay exact (BigInt for whole values), percentages keep their one decimal. */
export function formatMetric(value: string | null, unit: MetricUnit): string {
  if (value === null) return '–';
  if (unit === 'RUPIAH') return formatRupiah(value);
  if (unit === 'PERCENT') return `${value.replace('.', ',')} %`;
  return new Intl.NumberFormat('id-ID').format(BigInt(value));
}

/** A year-over-year panel: one line per group, "baru" (new) where there is no prior to compare with. */
export async function yearOverYearLines(request: Request, metric: AnalyticsMetric, year: number, groupBy?: AnalyticsGrouping) {
  const { yearOverYear: yoy } = await request(YearOverYearPanelDocument, { metric, year, groupBy });
  const lines = [yoy.total, ...yoy.groups].map(
    (c) =>
      `${c.label ?? c.key}: ${formatMetric(c.value, yoy.unit)} (${c.isNew ? 'baru' : c.changePct === null ? '–' : `${c.changePct.replace('.', ',')} %`})`,
  );
  return { asOf: yoy.snapshot.snapshotDate, lines };
}
