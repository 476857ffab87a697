import { claimNumber } from '../schema/claim-number.js';
import { ClaimStatus } from '../schema/enums/claim-status.enum.js';
import { Programme } from '../schema/enums/programme.enum.js';
import * as C from './calibration.js';
import { dayOf, yearOf } from './dates.js';
import type { ClaimDraft, PayoutGroup } from './plan.types.js';
import { Random } from './random.js';

export interface ClaimRow {
  id: number;
  claimNo: string;
  enrolmentId: number;
  programme: Programme;
  incident: number;
  submitted: number;
  status: ClaimStatus;
  claimed: number;
  approved: number | null;
  paid: number | null;
  paidDate: number | null;
  rejectionReason: string | null;
  group: PayoutGroup;
  anchor2022: boolean;
}

const SETTLE_STREAM = 77;

/** Moves each draft through the workflow as far as its age allows, deterministically. */
export function settleClaims(drafts: ClaimDraft[], seed: number, today: number): ClaimRow[] {
  return drafts.map((d, i) => {
    const rng = new Random(seed, SETTLE_STREAM, i);
    const age = today - d.submitted;
    const partial = d.programme === Programme.JKK && rng.chance(0.1);
    const approvedAmount = partial ? Math.round((d.amount * 0.9) / 1000) * 1000 : d.amount;
    const row: ClaimRow = {
      id: i + 1,
      claimNo: claimNumber(yearOf(d.submitted), i + 1),
      enrolmentId: d.enrolmentId,
      programme: d.programme,
      incident: d.incident,
      submitted: d.submitted,
      status: ClaimStatus.SUBMITTED,
      claimed: d.amount,
      approved: null,
      paid: null,
      paidDate: null,
      rejectionReason: null,
      group: d.group,
      anchor2022: d.anchor2022,
    };
    if (age > 30 && !d.anchor2022 && rng.chance(0.04)) {
      row.status = ClaimStatus.REJECTED;
      row.rejectionReason = rng.pick(['Dokumen tidak lengkap', 'Kejadian di luar masa kepesertaan', 'Bukan kecelakaan kerja']);
      return row;
    }
    if (age < 7) return row;
    row.status = age < 15 ? ClaimStatus.VERIFIED : ClaimStatus.APPROVED;
    if (row.status === ClaimStatus.APPROVED) row.approved = approvedAmount;
    let paidDate = d.submitted + rng.int(5, 25);
    // Claims of the programme's first year were paid from January 2023 (the article's 2022
    // figure for non-ASN and vulnerable workers is small); only the anchors were paid in 2022.
    if (d.group === 'VULNERABLE_NON_ASN' && !d.anchor2022 && yearOf(paidDate) === 2022) {
      paidDate = dayOf(2023, 1, 5) + rng.int(0, 60);
    }
    if (age > 30 && paidDate <= today) {
      row.status = ClaimStatus.PAID;
      row.approved = approvedAmount;
      row.paid = approvedAmount;
      row.paidDate = paidDate;
    }
    return row;
  });
}

/**
 * Lands the 2022 paid totals exactly on the article's figures (times the scale): the
 * anchors carry the non-ASN/vulnerable JKK total; JHT and JKK of everyone else are scaled to
 * what remains after the rule-based JKM, JP and JKP payouts.
 */
export function calibrateClaims(rows: ClaimRow[], scale: number): void {
  const paid2022 = (r: ClaimRow) => r.paid !== null && r.paidDate !== null && yearOf(r.paidDate) === 2022;
  const vulnerableTarget = BigInt(Math.round(Number(C.SOURCE.benefitsPaid2022NonAsnAndVulnerable) * scale));
  const totalTarget = BigInt(Math.round(Number(C.SOURCE.benefitsPaid2022) * scale));
  const vulnerable = rows.filter((r) => r.group === 'VULNERABLE_NON_ASN' && paid2022(r));
  if (vulnerable.some((r) => !r.anchor2022)) throw new Error('seed: a non-anchor non-ASN/vulnerable claim was paid in 2022');
  rescale(vulnerable, vulnerable, vulnerableTarget);

  const others = rows.filter((r) => r.group === 'OTHER');
  const ruleBased = others
    .filter((r) => paid2022(r) && r.programme !== Programme.JHT && r.programme !== Programme.JKK)
    .reduce((s, r) => s + BigInt(r.paid!), 0n);
  const remaining = totalTarget - vulnerableTarget - ruleBased;
  const jhtTarget = BigInt(Math.round(Number(remaining) * C.JHT_SHARE_OF_CALIBRATED));
  for (const [programme, target] of [
    [Programme.JHT, jhtTarget],
    [Programme.JKK, remaining - jhtTarget],
  ] as const) {
    const all = others.filter((r) => r.programme === programme);
    rescale(all, all.filter(paid2022), target);
  }
}

/** Scales `all` by target / sum(in2022), then puts the rounding residual on the largest 2022 row. */
function rescale(all: ClaimRow[], in2022: ClaimRow[], target: bigint): void {
  const sum = in2022.reduce((s, r) => s + BigInt(r.paid!), 0n);
  if (in2022.length === 0 || sum === 0n) throw new Error(`seed: no 2022 claims to calibrate to ${target}`);
  const factor = Number(target) / Number(sum);
  for (const r of all) {
    r.claimed = Math.round(r.claimed * factor);
    if (r.approved !== null) r.approved = Math.min(r.claimed, Math.round(r.approved * factor));
    if (r.paid !== null) r.paid = r.approved;
  }
  const largest = in2022.reduce((a, b) => (b.paid! > a.paid! ? b : a));
  const residual = Number(target - in2022.reduce((s, r) => s + BigInt(r.paid!), 0n));
  largest.paid! += residual;
  largest.approved = largest.paid;
  largest.claimed = Math.max(largest.claimed, largest.paid!);
}
