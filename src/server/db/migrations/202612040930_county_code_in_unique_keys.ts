import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * More of the schema distributable by county (docs/SCALE.md, test/distribution.test.ts):
 * - unique keys whose columns already decide the county (a household, a person, a case, a village, an agreement,
 *   a loan, a bank of one county…) take the county code too. Uniqueness is unchanged: two rows with the same key
 *   are in the same county. The `on conflict` targets among them (an open lead per household, an alert per
 *   person, rule and period, a work record per person and start month, a measure per source, a sample per month
 *   and household) name the county code in their statements from this version on.
 * - `linkage_check_finding_event` gets the county code of its finding.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table courtyard_household drop constraint courtyard_household_household_id_year_key,
      add constraint courtyard_household_household_id_year_key unique (household_id, year, county_code);
    alter table courtyard_village drop constraint courtyard_village_region_code_year_key,
      add constraint courtyard_village_region_code_year_key unique (region_code, year, county_code);
    alter table industry_claim drop constraint industry_claim_scheme_id_household_id_key,
      add constraint industry_claim_scheme_id_household_id_key unique (scheme_id, household_id, county_code);
    alter table linkage_check drop constraint linkage_check_campaign_id_agreement_id_key,
      add constraint linkage_check_campaign_id_agreement_id_key unique (campaign_id, agreement_id, county_code);
    alter table linkage_household drop constraint linkage_household_agreement_id_year_household_id_key,
      add constraint linkage_household_agreement_id_year_household_id_key
        unique (agreement_id, year, household_id, county_code);
    alter table consumer_brand_licensee drop constraint consumer_brand_licensee_brand_id_operator_id_key,
      add constraint consumer_brand_licensee_brand_id_operator_id_key unique (brand_id, operator_id, county_code);
    alter table fund_line drop constraint fund_line_allocation_id_project_id_key,
      add constraint fund_line_allocation_id_project_id_key unique (allocation_id, project_id, county_code);

    drop index monitoring_case_live_idx;
    create unique index monitoring_case_live_idx on monitoring_case (household_id, county_code)
      where stage not in ('eliminated', 'rejected');
    drop index loan_contract_uniq;
    create unique index loan_contract_uniq on loan (bank_id, contract_no, county_code) where contract_no is not null;
    drop index bank_file_sha_uniq;
    create unique index bank_file_sha_uniq on bank_file (bank_id, sha256, county_code) where status <> 'refused';
    drop index loan_repayment_uniq;
    create unique index loan_repayment_uniq on loan_repayment (loan_id, paid_on, principal, interest, county_code);

    drop index lead_one_open_idx;
    create unique index lead_one_open_idx on lead (household_id, county_code) where status = 'open';
    drop index alert_once_idx;
    create unique index alert_once_idx on alert (person_id, rule_code, period, county_code);
    drop index work_record_person_start_uniq;
    create unique index work_record_person_start_uniq on work_record (person_id, start_month, county_code);
    drop index assistance_measure_source_uniq;
    create unique index assistance_measure_source_uniq on assistance_measure (case_id, source_kind, source_id, county_code)
      where source_kind is not null;
    drop index income_item_source_idx;
    create unique index income_item_source_idx on income_item (source_kind, source_id, county_code)
      where source_kind is not null;
    alter table verification_sample drop constraint verification_sample_month_household_id_key,
      add constraint verification_sample_month_household_id_key unique (month, household_id, county_code);

    alter table linkage_check_finding_event add column county_code text;
    update linkage_check_finding_event e set county_code = f.county_code
      from linkage_check_finding f where f.id = e.finding_id;
    alter table linkage_check_finding_event alter column county_code set not null;
    `,
  );
}
