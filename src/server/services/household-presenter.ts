import type { HouseholdRow, PersonRow } from '../repositories/household.repository.js';

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** The household as the API shows it: phone masked, sensitive fields never in clear. */
export function presentHousehold(h: HouseholdRow) {
  return {
    id: h.id,
    householdNo: h.household_no,
    householdType: h.household_type,
    countyCode: h.county_code,
    countyName: h.county_name ?? '',
    townCode: h.town_code,
    townName: h.town_name ?? '',
    regionCode: h.region_code,
    villageName: h.village_name,
    headPersonId: h.head_person_id,
    headName: h.head_name,
    memberCount: h.member_count,
    address: h.address,
    phoneMasked: h.phone_masked,
    isRelocated: h.is_relocated,
    housingGrade: h.housing_grade as 'A' | 'B' | 'C' | 'D' | 'none' | null,
    houseArea: num(h.house_area),
    hasSafeHouseElsewhere: h.has_safe_house_elsewhere,
    waterQuantityOk: h.water_quantity_ok,
    waterQualityOk: h.water_quality_ok,
    waterConvenienceOk: h.water_convenience_ok,
    waterReliabilityOk: h.water_reliability_ok,
    cultivatedLandMu: num(h.cultivated_land_mu),
    roadType: h.road_type,
    fuelType: h.fuel_type,
    hasElectricity: h.has_electricity,
    // numeric(12, 2) columns: the text of the value, always with two decimals.
    medicalOutOfPocket: String(h.medical_out_of_pocket),
    insuranceClaims: String(h.insurance_claims),
    version: h.version,
    updatedAt: new Date(h.updated_at).toISOString(),
  };
}

export function presentPerson(p: PersonRow) {
  return {
    id: p.id,
    name: p.name,
    relation: p.relation,
    sex: p.sex as 'male' | 'female',
    birthDate: p.birth_date,
    idMasked: p.id_masked,
    phoneMasked: p.phone_masked,
    ethnicity: p.ethnicity,
    politicalStatus: p.political_status,
    education: p.education,
    schooling: p.schooling,
    dropoutReason: p.dropout_reason,
    health: p.health,
    labourSkill: p.labour_skill,
    workMonths: p.work_months,
    workPlace: p.work_place,
    medicalInsured: p.medical_insured,
    seriousIllnessInsured: p.serious_illness_insured,
    pensionInsured: p.pension_insured,
    isDibao: p.is_dibao,
    isTekun: p.is_tekun,
    disabilityCategory: p.disability_category,
    disabilityGrade: p.disability_grade,
  };
}

export type HouseholdView = ReturnType<typeof presentHousehold>;
export type PersonView = ReturnType<typeof presentPerson>;
