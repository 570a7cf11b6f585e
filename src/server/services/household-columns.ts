import type { Updateable } from 'kysely';
import type { z } from 'zod';
import { idFacts, maskIdNumber, maskPhone } from '../../shared/id-number.js';
import type { Secrets } from '../adapters/secrets.js';
import type { PersonTable } from '../db/schema.js';
import { normaliseIdInput } from '../domain/id-input.js';
import { validation } from '../errors.js';
import type { ZPersonInput, ZUpdateHousehold } from '../schemas/household.schema.js';

/**
 * From API fields to table columns for households and persons: sensitive values encrypted, hashed and
 * masked, ID numbers validated (sex and birth date derived), and the household-level member rules.
 */
/** The editable household fields, as the API schema defines them; undefined means "not sent". */
export type HouseholdFields = Omit<z.infer<typeof ZUpdateHousehold>, 'version'>;
/** The person fields, as the API schema defines them. */
export type PersonFields = z.infer<typeof ZPersonInput>;

/** The columns of household fields; undefined means "not sent" and leaves the column alone. */
export function householdColumns(f: HouseholdFields, secrets: Secrets) {
  const phone =
    f.phone === undefined
      ? {}
      : f.phone === null || f.phone === ''
        ? { phone_enc: null, phone_hash: null, phone_masked: null }
        : {
            phone_enc: secrets.encrypt(f.phone),
            phone_hash: secrets.hash(f.phone),
            phone_masked: maskPhone(f.phone),
          };
  return {
    household_no: f.householdNo,
    household_type: f.householdType,
    address: f.address,
    is_relocated: f.isRelocated,
    housing_grade: f.housingGrade,
    house_area: f.houseArea,
    has_safe_house_elsewhere: f.hasSafeHouseElsewhere,
    water_quantity_ok: f.waterQuantityOk,
    water_quality_ok: f.waterQualityOk,
    water_convenience_ok: f.waterConvenienceOk,
    water_reliability_ok: f.waterReliabilityOk,
    cultivated_land_mu: f.cultivatedLandMu,
    road_type: f.roadType,
    fuel_type: f.fuelType,
    has_electricity: f.hasElectricity,
    medical_out_of_pocket: f.medicalOutOfPocket,
    insurance_claims: f.insuranceClaims,
    ...phone,
  };
}

/** The ID columns: the number is validated; sex and birth date are derived from it. */
export function idColumns(idNumber: string, secrets: Secrets) {
  const parsed = normaliseIdInput(idNumber);
  if (!parsed.ok) {
    throw validation(parsed.reason, { field: 'idNumber' });
  }
  const facts = idFacts(parsed.id);
  return {
    id_hash: secrets.hash(parsed.id),
    id_enc: secrets.encrypt(parsed.id),
    id_masked: maskIdNumber(parsed.id),
    sex: facts.sex,
    birth_date: facts.birthDate,
  };
}

/** Phone columns: encrypted, hashed for lookup, masked for lists; all null without a phone. */
export function phoneValues(phone: string | null, secrets: Secrets) {
  if (phone === null || phone === '') {
    return { phone_enc: null, phone_hash: null, phone_masked: null };
  }
  return {
    phone_enc: secrets.encrypt(phone),
    phone_hash: secrets.hash(phone),
    phone_masked: maskPhone(phone),
  };
}

/** The phone columns of a phone field; undefined ("not sent") leaves them alone. */
export function phoneColumns(phone: string | null | undefined, secrets: Secrets) {
  return phone === undefined ? {} : phoneValues(phone, secrets);
}

/** The person columns of the fields sent; undefined leaves a column alone. */
export function personColumns(f: PersonFields, secrets: Secrets): Updateable<PersonTable> {
  return {
    name: f.name,
    relation: f.relation,
    ethnicity: f.ethnicity,
    political_status: f.politicalStatus,
    education: f.education,
    schooling: f.schooling,
    dropout_reason: f.dropoutReason,
    health: f.health,
    labour_skill: f.labourSkill,
    work_months: f.workMonths,
    work_place: f.workPlace,
    medical_insured: f.medicalInsured,
    serious_illness_insured: f.seriousIllnessInsured,
    pension_insured: f.pensionInsured,
    is_dibao: f.isDibao,
    is_tekun: f.isTekun,
    disability_category: f.disabilityCategory,
    disability_grade: f.disabilityGrade,
    ...(f.idNumber === undefined ? {} : idColumns(f.idNumber, secrets)),
    ...phoneColumns(f.phone, secrets),
  };
}

/** Audit values never hold an ID number or phone in clear: those columns are logged masked. */
export function auditSafe(values: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.endsWith('_enc') || key.endsWith('_hash')) {
      continue;
    }
    out[key] = value;
  }
  return out;
}

export function checkRelations(members: ReadonlyArray<{ relation: string }>) {
  const heads = members.filter((m) => m.relation === '户主').length;
  if (heads !== 1) {
    throw validation(heads === 0 ? '每户必须有一位户主' : '每户只能有一位户主：请用“变更户主”', {
      field: 'relation',
    });
  }
  if (members.filter((m) => m.relation === '配偶').length > 1) {
    throw validation('每户最多一位配偶', { field: 'relation' });
  }
}
