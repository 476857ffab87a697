import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126000000_operational_model } from './Migration20261126000000_operational_model.js';
import { Migration20261126230000_sponsor_month_paid } from './Migration20261126230000_sponsor_month_paid.js';
import { Migration20261201000000_audit_record_keys } from './Migration20261201000000_audit_record_keys.js';
import { Migration20261201300000_edit_versions } from './Migration20261201300000_edit_versions.js';
import { Migration20261201200000_claim_notify } from './Migration20261201200000_claim_notify.js';
import { Migration20261201100000_enrolment_no_overlap } from './Migration20261201100000_enrolment_no_overlap.js';
import { Migration20261202200000_read_path } from './Migration20261202200000_read_path.js';
import { Migration20261202100000_region_scopes } from './Migration20261202100000_region_scopes.js';
import { Migration20261202000000_official_regions } from './Migration20261202000000_official_regions.js';
import { Migration20261202000001_sponsor_region } from './Migration20261202000001_sponsor_region.js';
import { Migration20261202300000_export_log } from './Migration20261202300000_export_log.js';
import { Migration20261203000001_national_reads } from './Migration20261203000001_national_reads.js';
import { Migration20261203000010_list_order_filter } from './Migration20261203000010_list_order_filter.js';
import { Migration20261203000020_contribution_region_path } from './Migration20261203000020_contribution_region_path.js';
import { Migration20261204000100_connection_orders } from './Migration20261204000100_connection_orders.js';

/** Listed explicitly so migrations run the same from tsx, vitest and a compiled build. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261126000000_operational_model', class: Migration20261126000000_operational_model },
  { name: 'Migration20261126230000_sponsor_month_paid', class: Migration20261126230000_sponsor_month_paid },
  { name: 'Migration20261201000000_audit_record_keys', class: Migration20261201000000_audit_record_keys },
  { name: 'Migration20261201100000_enrolment_no_overlap', class: Migration20261201100000_enrolment_no_overlap },
  { name: 'Migration20261201200000_claim_notify', class: Migration20261201200000_claim_notify },
  { name: 'Migration20261201300000_edit_versions', class: Migration20261201300000_edit_versions },
  { name: 'Migration20261202000000_official_regions', class: Migration20261202000000_official_regions },
  { name: 'Migration20261202000001_sponsor_region', class: Migration20261202000001_sponsor_region },
  // After 20261202000001 (sponsor.region_code): the policies read it. Keep this line last of the three.
  { name: 'Migration20261202100000_region_scopes', class: Migration20261202100000_region_scopes },
  { name: 'Migration20261202200000_read_path', class: Migration20261202200000_read_path },
  { name: 'Migration20261202300000_export_log', class: Migration20261202300000_export_log },
  { name: 'Migration20261203000001_national_reads', class: Migration20261203000001_national_reads },
  { name: 'Migration20261203000010_list_order_filter', class: Migration20261203000010_list_order_filter },
  { name: 'Migration20261203000020_contribution_region_path', class: Migration20261203000020_contribution_region_path },
  { name: 'Migration20261204000100_connection_orders', class: Migration20261204000100_connection_orders },
];
