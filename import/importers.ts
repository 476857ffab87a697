import { budgetImporter } from './budget.importer.js';
import { claimImporter } from './claim.importer.js';
import { contributionImporter } from './contribution.importer.js';
import { employerImporter } from './employer.importer.js';
import { enrolmentImporter } from './enrolment.importer.js';
import type { ImportKind, ImporterDefinition } from './importer.js';
import { sponsorImporter } from './sponsor.importer.js';
import { workerImporter } from './worker.importer.js';
import { workforceImporter } from './workforce.importer.js';

export const IMPORTERS: Record<ImportKind, ImporterDefinition<unknown, unknown>> = {
  employers: employerImporter,
  sponsors: sponsorImporter,
  budgets: budgetImporter,
  workers: workerImporter,
  enrolments: enrolmentImporter,
  contributions: contributionImporter,
  claims: claimImporter,
  workforce: workforceImporter,
};
