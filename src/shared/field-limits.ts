/**
 * The one set of length limits for the fields a person or household is recorded with. The API schemas,
 * the household import, the department feeds and offline sync (which goes through the API) all read
 * these, so no channel can store what another refuses.
 */
export const FIELD_LIMITS = {
  name: 30,
  householdNo: 30,
  regionCode: 12,
  address: 200,
  ethnicity: 20,
  politicalStatus: 20,
  education: 20,
  schooling: 20,
  dropoutReason: 50,
  health: 50,
  labourSkill: 20,
  workPlace: 100,
  disabilityCategory: 20,
  roadType: 20,
  fuelType: 20,
  /** Free text a department feed row carries (the detail of a change). */
  feedDetail: 500,
  /** County, town and village names in an import file. */
  regionName: 40,
} as const;

export type LimitedField = keyof typeof FIELD_LIMITS;

/** The reason a text is too long for its field, in the user's language, or null when it fits. */
export function tooLong(field: LimitedField, label: string, value: string): string | null {
  const length = [...value].length;
  const max = FIELD_LIMITS[field];
  return length > max ? `${label}超过 ${max} 个字（${length} 个）` : null;
}
