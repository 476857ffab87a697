import type { Headline, KeyFigure } from './brief-document.type.js';
import type { Direction } from './common.strings.js';
import { direction, group } from './figures.js';
import type { MetricComparison } from '../metrics/metric-queries.js';
import type { FigureUnit } from './number-format.js';
import { type BudgetAnswers, budgetLead, regency } from './sections/02-budget.section.js';
import { regencyPaidWorkers, regencyVulnerable, type WorkersAnswers, workersLead } from './sections/03-workers.section.js';
import type { PayoutsAnswers } from './sections/04-payouts.section.js';
import type { CoverageAnswers } from './sections/06-coverage.section.js';
import { type CostAnswers, regencyCost } from './sections/09-cost.section.js';
import type { Page } from './sections/section.js';

/** The top of the page: the headline (the regency budget) and the six key figures, each with its query. */

type Reads = BudgetAnswers & WorkersAnswers & PayoutsAnswers & CoverageAnswers & CostAnswers;

const id = {
  title: (direction: Direction, value: string, pct: string, year: number) => {
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
  budget: 'Anggaran APBD',
  vulnerable: 'Pekerja rentan dibiayai APBD',
  realisation: 'Realisasi anggaran APBD',
  benefits: 'Manfaat dibayarkan',
  informalCoverage: 'Cakupan sektor informal',
  cost: 'Iuran per pekerja APBD',
  paidOf: (paid: string, allocated: string) => `${paid} dibayar dari ${allocated}`,
  workersOf: (covered: string, lf: string) => `${covered} dari ${lf} pekerja`,
  perWorker: (paid: string, workers: string, split?: string) => `${paid} ÷ ${workers} pekerja${split ? ` (${split})` : ''}`,
  from: (prior: string, compare: number) => `${compare}: ${prior}`,
};

const en: typeof id = {
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
  budget: 'Regency budget',
  vulnerable: 'Vulnerable workers paid for by the regency',
  realisation: 'Regency budget realisation',
  benefits: 'Benefits paid',
  informalCoverage: 'Informal-sector coverage',
  cost: 'Contributions per regency-paid worker',
  paidOf: (paid, allocated) => `${paid} paid of ${allocated}`,
  workersOf: (covered, lf) => `${covered} of ${lf} workers`,
  perWorker: (paid, workers, split) => `${paid} ÷ ${workers} workers${split ? ` (${split})` : ''}`,
  from: (prior, compare) => `${compare}: ${prior}`,
};

const WORDS = { id, en };

export function headline(page: Page<Reads>): Headline {
  const { budget } = regency(page);
  const pct = page.fig.headlinePct(budget, 'RUPIAH_SHORT');
  return {
    title: WORDS[page.lang].title(direction(budget), page.fig.value(budget.value, 'RUPIAH_SHORT'), pct, page.content.year),
    lead: [budgetLead(page), workersLead(page)].join(' '),
    query: page.content.budget.allocated.queryId,
  };
}

export function keyFigures(page: Page<Reads>): KeyFigure[] {
  const { fig, content } = page;
  const w = WORDS[page.lang];
  const { budget, paid, realisation } = regency(page);
  const vulnerable = regencyVulnerable(page);
  const benefits = content.payouts.byProgramme.total;
  const informal = group(content.coverage.rate, 'INFORMAL');
  const { cost, workers } = regencyCost(page);
  const split = regencyPaidWorkers(page);
  const figure = (label: string, c: MetricComparison, unit: FigureUnit, detail: string, query: string): KeyFigure => ({
    label,
    value: fig.value(c.value, unit),
    change: fig.change(c, unit),
    detail,
    query,
  });
  const from = (c: MetricComparison, unit: FigureUnit) => w.from(fig.value(c.prior, unit), content.compare);
  const short = (value: string | null) => fig.value(value, 'RUPIAH_SHORT');
  const count = (value: string | null) => fig.value(value, 'COUNT');
  const informalOf = w.workersOf(
    count(group(content.coverage.covered, 'INFORMAL').value),
    count(group(content.coverage.labourForce, 'INFORMAL').value),
  );
  return [
    figure(w.budget, budget, 'RUPIAH_SHORT', from(budget, 'RUPIAH_SHORT'), content.budget.allocated.queryId),
    figure(w.vulnerable, vulnerable, 'COUNT', from(vulnerable, 'COUNT'), content.workers.vulnerable.queryId),
    figure(w.realisation, realisation, 'PERCENT', w.paidOf(short(paid.value), short(budget.value)), content.budget.realisation.queryId),
    figure(w.benefits, benefits, 'RUPIAH_SHORT', from(benefits, 'RUPIAH_SHORT'), content.payouts.byProgramme.queryId),
    figure(w.informalCoverage, informal, 'PERCENT', informalOf, content.coverage.rate.queryId),
    figure(w.cost, cost, 'RUPIAH', w.perWorker(short(paid.value), count(workers.value), split?.short), content.cost.perWorker.queryId),
  ];
}
