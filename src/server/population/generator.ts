import { checkCharacter, maskIdNumber, maskPhone } from '../../shared/id-number.js';
import type { Secrets } from '../adapters/secrets.js';
import { incomeWindow } from '../domain/income.js';
import { FEMALE_CHARS, MALE_CHARS, SURNAMES } from './names.js';
import { Random } from './random.js';

/**
 * A deterministic, realistic rural population for demos and benchmarks, calibrated to figures.md:
 * ~2.85 persons per household, ~18 % 脱贫户 (more in the seven former poverty counties), ~2.4 % 监测户,
 * a few percent of households under the monitoring line. Rows come out as CSV lines for COPY.
 */
export interface VillageRef {
  code: string;
  townCode: string;
  countyCode: string;
}

export interface GeneratorOptions {
  villages: readonly VillageRef[];
  households: number;
  referenceDate: string;
  secrets: Secrets;
  seed?: number;
  batchSize?: number;
  /** The first household and person ids to use (the registry must be empty of them). */
  firstHouseholdId?: number;
  firstPersonId?: number;
}

export interface PopulationBatch {
  households: string[];
  persons: string[];
  incomes: string[];
}

export const HOUSEHOLD_COLUMNS = [
  'id',
  'county_code',
  'town_code',
  'region_code',
  'household_no',
  'household_type',
  'head_person_id',
  'head_name',
  'member_count',
  'address',
  'phone_enc',
  'phone_hash',
  'phone_masked',
  'housing_grade',
  'house_area',
  'water_quantity_ok',
  'water_quality_ok',
  'water_convenience_ok',
  'water_reliability_ok',
  'cultivated_land_mu',
  'medical_out_of_pocket',
] as const;
export const PERSON_COLUMNS = [
  'id',
  'household_id',
  'county_code',
  'name',
  'relation',
  'sex',
  'birth_date',
  'id_hash',
  'id_enc',
  'id_masked',
  'education',
  'schooling',
  'dropout_reason',
  'health',
  'labour_skill',
  'work_months',
  'medical_insured',
  'is_dibao',
  'disability_category',
  'disability_grade',
] as const;
export const INCOME_COLUMNS = [
  'household_id',
  'county_code',
  'category',
  'item',
  'amount',
  'is_counted',
  'period_start',
  'period_end',
] as const;

// County-level resident population (七普, figures.md), as relative weights; 桐柏/新野 estimated.
const COUNTY_WEIGHT: Record<string, number> = {
  '411302': 634,
  '411303': 867,
  '411321': 545,
  '411322': 874,
  '411323': 450,
  '411324': 830,
  '411325': 549,
  '411326': 539,
  '411327': 562,
  '411328': 1053,
  '411329': 600,
  '411330': 450,
  '411371': 227,
  '411372': 225,
  '411381': 1248,
};
// The seven counties that were 贫困县 until 2020 carry more 脱贫户 and 监测户.
const FORMER_POOR = new Set(['411321', '411322', '411324', '411325', '411326', '411327', '411330']);

const SIZE_VALUES = [1, 2, 3, 4, 5, 6];
const SIZE_CUMULATIVE = [0.18, 0.46, 0.68, 0.85, 0.95, 1];

function csv(values: ReadonlyArray<string | number | boolean | null>): string {
  return values
    .map((v) => {
      if (v === null) {
        return '';
      }
      const text = String(v);
      return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function schoolingFor(age: number): string | null {
  if (age < 3) {
    return '学龄前儿童';
  }
  if (age < 6) {
    return '学前教育';
  }
  if (age < 12) {
    return '小学';
  }
  if (age < 15) {
    return ['七年级', '八年级', '九年级'][age - 12] ?? '九年级';
  }
  if (age < 18) {
    return ['普通高中一年级', '普通高中二年级', '普通高中三年级'][age - 15] ?? null;
  }
  return null;
}

export function* generatePopulation(options: GeneratorOptions): Generator<PopulationBatch> {
  const random = new Random(options.seed ?? 20231);
  const { secrets } = options;
  const refYear = Number(options.referenceDate.slice(0, 4));
  const current = incomeWindow(options.referenceDate);
  const previous = incomeWindow(options.referenceDate, 12);
  const batchSize = options.batchSize ?? 20_000;
  // Villages weighted by their county's population, spread evenly within the county.
  const perCounty = new Map<string, VillageRef[]>();
  for (const village of options.villages) {
    const list = perCounty.get(village.countyCode) ?? [];
    list.push(village);
    perCounty.set(village.countyCode, list);
  }
  const weighted: Array<{ village: VillageRef; weight: number }> = [];
  for (const [county, villages] of perCounty) {
    const weight = (COUNTY_WEIGHT[county.slice(0, 6)] ?? 500) / villages.length;
    for (const village of villages) {
      weighted.push({ village, weight });
    }
  }
  const totalWeight = weighted.reduce((sum, w) => sum + w.weight, 0);
  // Households are assigned to villages in order, so each village's households are contiguous.
  const quotas = weighted.map((w) => (w.weight / totalWeight) * options.households);
  const sequence = new Map<string, number>();
  let householdId = options.firstHouseholdId ?? 1;
  let personId = options.firstPersonId ?? 1;
  let made = 0;
  let carry = 0;
  let batch: PopulationBatch = { households: [], persons: [], incomes: [] };

  for (let v = 0; v < weighted.length && made < options.households; v++) {
    const entry = weighted[v];
    if (!entry) {
      continue;
    }
    carry += quotas[v] ?? 0;
    let count = Math.floor(carry);
    carry -= count;
    if (v === weighted.length - 1) {
      count = options.households - made;
    }
    const { village } = entry;
    const county6 = village.countyCode.slice(0, 6);
    const isPoorCounty = FORMER_POOR.has(county6);
    for (let h = 0; h < count && made < options.households; h++, made++) {
      const r = random.next();
      const exited = isPoorCounty ? 0.27 : 0.109;
      const monitored = isPoorCounty ? 0.032 : 0.018;
      const type =
        r < exited
          ? 'exited_poverty'
          : r < exited + monitored
            ? 'monitored'
            : r < exited + monitored + 0.03
              ? 'low_income'
              : 'ordinary';
      const size = random.weighted(SIZE_VALUES, SIZE_CUMULATIVE);
      const surname = random.pick(SURNAMES);
      const headAge = size === 1 ? random.int(45, 88) : random.int(28, 75);
      const headIsMale = random.chance(0.88);
      const members: Array<{ age: number; male: boolean; relation: string; surname: string }> = [
        { age: headAge, male: headIsMale, relation: '户主', surname },
      ];
      if (size >= 2) {
        members.push({
          age: Math.max(20, headAge + random.int(-5, 3)),
          male: !headIsMale,
          relation: '配偶',
          surname: random.pick(SURNAMES),
        });
      }
      while (members.length < size) {
        if (members.length === size - 1 && size >= 5 && headAge < 60) {
          members.push({
            age: headAge + random.int(22, 30),
            male: random.chance(0.4),
            relation: random.chance(0.5) ? '之父' : '之母',
            surname,
          });
        } else {
          const male = random.chance(0.52);
          const childAge = Math.max(0, headAge - random.int(20, 34));
          members.push({ age: childAge, male, relation: male ? '之子' : '之女', surname });
        }
      }

      // Rural per-capita income in Nanyang is near 19,000 元 (2023); 脱贫 and monitored households sit lower,
      // so that a few percent of all households fall under the monitoring line.
      const medians = { ordinary: 20000, exited_poverty: 15000, monitored: 10000, low_income: 9500 } as const;
      const perCapita = Math.round(random.logNormal(medians[type], type === 'ordinary' ? 0.4 : 0.33));
      const isDrop = random.chance(0.02);
      const previousPerCapita = Math.round(
        isDrop ? perCapita / (1 - random.int(35, 60) / 100) : perCapita * (0.9 + random.next() * 0.15),
      );
      const net = perCapita * size;
      const transfer = Math.round(net * (type === 'ordinary' ? 0.08 : 0.18));
      const businessNet = Math.round(net * 0.22);
      const cost = Math.round(businessNet * 0.4);
      const wage = net - transfer - businessNet;
      const id = householdId++;
      const county = village.countyCode;
      const addIncome = (
        category: string,
        item: string,
        amount: number,
        window: { start: string; end: string },
      ) => {
        if (amount > 0) {
          batch.incomes.push(csv([id, county, category, item, amount, true, window.start, window.end]));
        }
      };
      addIncome('wage', 'wage.migrant', wage, current);
      addIncome('business', 'business.crops', businessNet + cost, current);
      addIncome('production_cost', 'production_cost.crops', cost, current);
      addIncome('transfer', headAge >= 60 ? 'transfer.pension' : 'transfer.other_regular', transfer, current);
      addIncome('wage', 'wage.migrant', Math.round(previousPerCapita * size * 0.78), previous);
      addIncome('business', 'business.crops', Math.round(previousPerCapita * size * 0.22), previous);

      let headId = 0;
      let headName = '';
      for (const member of members) {
        const pid = personId++;
        const year = refYear - member.age;
        const month = random.int(1, 12);
        const day = random.int(1, 28);
        const birth = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
        const key = `${county6}${year}${pad(month, 2)}${pad(day, 2)}`;
        const n = (sequence.get(key) ?? 0) + 1;
        sequence.set(key, n);
        // Odd sequence numbers are men; 000 is never issued.
        const seq = n * 2 - (member.male ? 1 : 0);
        const first17 = `${key}${pad(seq % 1000 || 1, 3)}`;
        const idNumber = `${first17}${checkCharacter(first17)}`;
        const given =
          random.pick(member.male ? MALE_CHARS : FEMALE_CHARS) +
          (random.chance(0.7) ? random.pick(member.male ? MALE_CHARS : FEMALE_CHARS) : '');
        const name = member.surname + given;
        const schooling = schoolingFor(member.age);
        const isSchoolAge = member.age >= 6 && member.age <= 15;
        const dropout = isSchoolAge && random.chance(0.002) ? '厌学' : null;
        const health =
          member.age > 50 && random.chance(0.12)
            ? '长期慢性病'
            : random.chance(0.02)
              ? '患有大病'
              : random.chance(0.03)
                ? '残疾'
                : '健康';
        const labour =
          member.age < 16
            ? null
            : member.age > 70 || health === '患有大病'
              ? '丧失劳动力'
              : member.age > 60 || health !== '健康'
                ? '弱劳动力或半劳动力'
                : random.chance(0.2)
                  ? '技能劳动力'
                  : '普通劳动力';
        const dibao = type !== 'ordinary' && random.chance(0.06);
        const education =
          schooling !== null
            ? null
            : member.age > 65
              ? '文盲或半文盲'
              : random.pick(['小学', '初中', '初中', '高中']);
        batch.persons.push(
          csv([
            pid,
            id,
            county,
            name,
            member.relation,
            member.male ? 'male' : 'female',
            birth,
            secrets.hash(idNumber),
            secrets.encrypt(idNumber),
            maskIdNumber(idNumber),
            education,
            schooling,
            dropout,
            health,
            labour,
            labour === '普通劳动力' || labour === '技能劳动力' ? random.int(3, 11) : null,
            !random.chance(0.004),
            dibao,
            health === '残疾' ? random.pick(['肢体', '视力', '听力', '智力']) : null,
            health === '残疾' ? random.int(1, 4) : null,
          ]),
        );
        if (member.relation === '户主') {
          headId = pid;
          headName = name;
        }
      }
      const phone = `1${random.pick(['3', '5', '8', '9'])}${pad(random.int(0, 999999999), 9)}`;
      const grade = random.weighted(['A', 'B', 'C', 'D'], [0.55, 0.985, 0.997, 1]);
      const waterFail = random.chance(0.015) ? random.int(0, 3) : -1;
      const oop = random.chance(0.01)
        ? random.int(20001, 80000)
        : random.chance(0.06)
          ? random.int(500, 15000)
          : 0;
      batch.households.push(
        csv([
          id,
          county,
          village.townCode,
          village.code,
          `${village.code}${pad(id, 7)}`,
          type,
          headId,
          headName,
          size,
          null,
          secrets.encrypt(phone),
          secrets.hash(phone),
          maskPhone(phone),
          grade,
          random.int(60, 220),
          waterFail !== 0,
          waterFail !== 1,
          waterFail !== 2,
          waterFail !== 3,
          (random.int(5, 80) / 10).toFixed(1),
          oop,
        ]),
      );
      if (batch.households.length >= batchSize) {
        yield batch;
        batch = { households: [], persons: [], incomes: [] };
      }
    }
  }
  if (batch.households.length > 0) {
    yield batch;
  }
}
