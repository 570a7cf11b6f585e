import { clock } from '../../shared/clock.js';
import { HOUSEHOLD_TYPE_LABELS, type HouseholdType } from '../../shared/household-codes.js';
import { coverageRate } from '../../shared/industry-coverage.js';
import type { Repositories } from '../repositories/index.js';
import type { CoverageCountRow } from '../repositories/industry-coverage.repository.js';
import type { Actor } from './actor.js';
import { regionBreakdown } from './region-breakdown.js';

const UNCOVERED_EXPORT_LIMIT = 50_000;

function figures(row: Omit<CoverageCountRow, 'child'> | undefined) {
  const r = row ?? { households: 0, covered: 0, measure: 0, claim: 0, linkage: 0, courtyard: 0 };
  return {
    households: r.households,
    covered: r.covered,
    uncovered: r.households - r.covered,
    ratePercent: coverageRate(r.covered, r.households),
    measure: r.measure,
    claim: r.claim,
    linkage: r.linkage,
    courtyard: r.courtyard,
  };
}

/**
 * Industry coverage (产业帮扶覆盖): how many 脱贫/监测 households able to work had industry help this year, per
 * region below the caller's, and which did not — read from the measures, rewards and linkage the other modules
 * recorded, so nobody keeps a coverage sheet.
 */
export function createIndustryCoverageService(deps: { repos: Repositories }) {
  const { repos } = deps;
  const yearOf = (year: number | undefined) => year ?? Number(clock().today().slice(0, 4));

  async function uncovered(
    actor: Actor,
    input: { year?: number | undefined; regionCode?: string | undefined },
    page: { limit: number; offset: number },
  ) {
    const b = await regionBreakdown(repos, actor, input.regionCode);
    const year = yearOf(input.year);
    const { items, total } = await repos.industryCoverage.uncovered(b.prefixes, year, page);
    return {
      year,
      region: b.region,
      total,
      items: items.map((r) => ({
        id: Number(r.id),
        householdNo: r.household_no,
        householdType: r.household_type as HouseholdType,
        headName: r.head_name,
        regionCode: r.region_code,
        villageName: r.village_name,
        townName: r.town_name,
        labourMembers: r.labour_members,
        lastVisitedOn: r.last_visited_on,
      })),
    };
  }

  return {
    async summary(actor: Actor, input: { year?: number | undefined; regionCode?: string | undefined }) {
      const b = await regionBreakdown(repos, actor, input.regionCode);
      const year = yearOf(input.year);
      const rows = await repos.industryCoverage.countsByChild(b.prefixes, b.childLength, year);
      const byChild = new Map(rows.map((r) => [r.child, r]));
      const sum = rows.reduce(
        (acc, r) => ({
          households: acc.households + r.households,
          covered: acc.covered + r.covered,
          measure: acc.measure + r.measure,
          claim: acc.claim + r.claim,
          linkage: acc.linkage + r.linkage,
          courtyard: acc.courtyard + r.courtyard,
        }),
        { households: 0, covered: 0, measure: 0, claim: 0, linkage: 0, courtyard: 0 },
      );
      return {
        year,
        regionCode: b.region.code,
        regionName: b.region.name,
        total: figures(sum),
        children: b.children.map((c) => ({
          regionCode: c.code,
          regionName: c.name,
          ...figures(byChild.get(c.prefix)),
        })),
      };
    },

    async uncovered(
      actor: Actor,
      input: { year?: number | undefined; regionCode?: string | undefined; page: number; pageSize: number },
    ) {
      const { items, total } = await uncovered(actor, input, {
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items, total };
    },

    /** 产业帮扶未覆盖农户清单: the households a township still has to reach, for its work list. */
    async uncoveredXlsx(actor: Actor, input: { year?: number | undefined; regionCode?: string | undefined }) {
      const { year, region, items } = await uncovered(actor, input, {
        limit: UNCOVERED_EXPORT_LIMIT,
        offset: 0,
      });
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      const title = `${year}年产业帮扶未覆盖农户清单`;
      const sheet = book.addWorksheet(title);
      sheet.addRow(['乡镇', '村', '户编号', '户主姓名', '户类型', '有劳动能力人数', '最近走访']).font = {
        bold: true,
      };
      for (const r of items) {
        sheet.addRow([
          r.townName ?? '',
          r.villageName,
          r.householdNo ?? '',
          r.headName,
          HOUSEHOLD_TYPE_LABELS[r.householdType]?.zh ?? r.householdType,
          r.labourMembers,
          r.lastVisitedOn ?? '',
        ]);
      }
      sheet.getColumn(2).width = 16;
      sheet.getColumn(3).width = 22;
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      return { buffer, filename: `${region.name}${title}.xlsx` };
    },
  };
}

export type IndustryCoverageService = ReturnType<typeof createIndustryCoverageService>;
