/** 两不愁三保障 + drinking water, judged per household (domain.md §2.3). */
export type Judgement = 'ok' | 'problem' | 'unknown';

export interface GuaranteeFacts {
  members: ReadonlyArray<{ birthDate: string; dropoutReason: string | null; medicalInsured: boolean }>;
  housingGrade: string | null;
  hasSafeHouseElsewhere: boolean;
  water: ReadonlyArray<boolean | null>;
}

export interface Guarantees {
  education: Judgement;
  medical: Judgement;
  housing: Judgement;
  water: Judgement;
}

export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Compulsory-school age (6–15 on the reference date). */
export const isSchoolAge = (age: number) => age >= 6 && age <= 15;

export function judgeGuarantees(facts: GuaranteeFacts, today: string): Guarantees {
  // The form records a dropout reason (失辍学原因) for a school-age child out of school.
  const isOutOfSchool = facts.members.some(
    (m) => m.dropoutReason !== null && isSchoolAge(ageOn(m.birthDate, today)),
  );
  const housing: Judgement =
    facts.housingGrade === null
      ? 'unknown'
      : facts.housingGrade === 'A' || facts.housingGrade === 'B' || facts.hasSafeHouseElsewhere
        ? 'ok'
        : 'problem';
  // All four water indicators (quantity, quality, convenience, reliability) must pass.
  const water: Judgement = facts.water.some((w) => w === false)
    ? 'problem'
    : facts.water.every((w) => w === true)
      ? 'ok'
      : 'unknown';
  return {
    education: isOutOfSchool ? 'problem' : 'ok',
    medical: facts.members.some((m) => !m.medicalInsured) ? 'problem' : 'ok',
    housing,
    water,
  };
}
