import fs from 'node:fs';
import { countyCodeOf } from '../../shared/region-code.js';
import type { Department, Role } from '../../shared/roles.js';
import { passwords } from '../adapters/passwords.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { RegionInput } from '../repositories/region.repository.js';
import type { Actor } from '../services/actor.js';
import { recordAudit } from '../services/audit.js';
import { parseDivisionFile } from '../services/division-file.js';
import { NANYANG_CITY, NANYANG_COUNTIES, NANYANG_ZONES } from '../services/nanyang.js';
import { ensureZones } from '../services/region-import.service.js';
import type { RunInTransaction } from '../services/transaction.js';

const TOWN_NAMES = ['城关镇', '太平镇', '青山镇', '柳河乡'];
const VILLAGE_NAMES = ['东岗村', '西湾村', '南庄村', '北坡村', '河口村'];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  department: Department | null;
  regionCode: string;
}

/** One demo login per role (and a second county and a zone, to show scoping), all in real regions. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'city_admin',
    displayName: '市局管理员',
    role: 'city',
    department: null,
    regionCode: '411300000000',
  },
  {
    username: 'county_wancheng',
    displayName: '宛城区乡村振兴局',
    role: 'county',
    department: null,
    regionCode: '411302000000',
  },
  {
    username: 'county_wolong',
    displayName: '卧龙区乡村振兴局',
    role: 'county',
    department: null,
    regionCode: '411303000000',
  },
  {
    username: 'town_guanzhuang',
    displayName: '官庄镇干部',
    role: 'township',
    department: null,
    regionCode: '411302102000',
  },
  {
    username: 'zone_guanzhuang',
    displayName: '官庄工区干部',
    role: 'township',
    department: null,
    regionCode: '4113Z1',
  },
  {
    username: 'village_guanzhuang',
    displayName: '村网格员',
    role: 'village',
    department: null,
    regionCode: '411302102201',
  },
  {
    username: 'helper_demo',
    displayName: '帮扶责任人',
    role: 'helper',
    department: null,
    regionCode: '411302102201',
  },
  {
    username: 'dept_minzheng',
    displayName: '市民政局',
    role: 'department',
    department: '民政',
    regionCode: '411300000000',
  },
  {
    username: 'dept_renshe',
    displayName: '市人社局',
    role: 'department',
    department: '人社',
    regionCode: '411300000000',
  },
  {
    username: 'leader_city',
    displayName: '市领导',
    role: 'leader',
    department: null,
    regionCode: '411300000000',
  },
];

/** The towns and villages generated for a county that has none, with 12-digit codes of the right shape. */
function generatedDivisions(countyCode: string): RegionInput[] {
  const out: RegionInput[] = [];
  const realTowns = NANYANG_ZONES.flatMap((z) => z.towns).filter((t) =>
    t.code.startsWith(countyCode.slice(0, 6)),
  );
  TOWN_NAMES.forEach((defaultName, i) => {
    const townCode = `${countyCode.slice(0, 6)}${101 + i}000`;
    // The towns under management zones keep their real code and name, so the zones overlay them.
    const name = realTowns.find((t) => t.code === townCode)?.name ?? defaultName;
    out.push({ code: townCode, name, level: 'town', parentCode: countyCode, countyCode });
    VILLAGE_NAMES.forEach((villageName, j) => {
      out.push({
        code: `${townCode.slice(0, 9)}${201 + j}`,
        name: villageName,
        level: 'village',
        parentCode: townCode,
        countyCode,
      });
    });
  });
  return out;
}

/** The real divisions shipped with the product (reference/README.md: source and MIT licence). */
export const SHIPPED_DIVISIONS = new URL('../../../reference/nanyang_divisions.csv', import.meta.url);

/** The shipped file's towns and villages of one county, checked like any imported division file. */
function realDivisions(countyCode: string): RegionInput[] {
  const { regions, problems } = parseDivisionFile(
    fs.readFileSync(SHIPPED_DIVISIONS, 'utf8'),
    new Map([[NANYANG_CITY.code, 'city']]),
  );
  if (problems.length > 0) {
    throw new Error(`reference/nanyang_divisions.csv: ${problems.length} bad rows`);
  }
  return regions.filter((r) => r.countyCode === countyCode && r.level !== 'county');
}

/**
 * The villages the demo registry lives in: in every county its first three towns (乡镇, not 街道) and in each
 * their first three villages (村, not 社区) — 官庄镇's 张茨园村 (411302102201), the demo users' village, among them.
 * A few hundred households per county stay quick to start while every level has figures.
 */
export function demoVillageCodes(
  villages: ReadonlyArray<{ code: string; parentCode: string | null }>,
): string[] {
  const byTown = new Map<string, string[]>();
  for (const v of [...villages].sort((a, b) => a.code.localeCompare(b.code))) {
    const town = v.parentCode ?? '';
    if (Number(town.slice(6, 9)) >= 100 && Number(v.code.slice(9)) >= 200) {
      byTown.set(town, [...(byTown.get(town) ?? []), v.code]);
    }
  }
  const byCounty = new Map<string, string[]>();
  for (const town of byTown.keys()) {
    const county = town.slice(0, 6);
    byCounty.set(county, [...(byCounty.get(county) ?? []), town]);
  }
  return [...byCounty.values()].flatMap((towns) =>
    towns.slice(0, 3).flatMap((t) => (byTown.get(t) ?? []).slice(0, 3)),
  );
}

export function createDemoSeedService(deps: { repos: Repositories; tx: RunInTransaction; config: Config }) {
  const { tx, config } = deps;

  return {
    /** The demo registry's villages among those stored (see demoVillageCodes). */
    async demoVillages(): Promise<string[]> {
      const villages = await deps.repos.regions.listByLevel('village');
      return demoVillageCodes(villages.map((v) => ({ code: v.code, parentCode: v.parent_code })));
    },

    /**
     * Seeds the city, its counties, their towns and villages where a county has none — the real ones from the
     * shipped division file, or generated ones (four towns of five villages, for fast tests and benchmarks) —
     * the management zones and one user per role. A division file imported first takes precedence.
     * Idempotent: running it again adds only what is missing.
     */
    async seedDemo(actor: Actor, options: { divisions: 'real' | 'generated' } = { divisions: 'real' }) {
      if (config.isProduction) {
        throw new AppError(
          'FORBIDDEN',
          '生产环境（NODE_ENV=production）禁止演示模式 / demo mode is refused in production',
        );
      }
      const passwordHash = await passwords.hash(config.demoPassword);
      return tx(async (t) => {
        const regions: RegionInput[] = [
          {
            code: NANYANG_CITY.code,
            name: NANYANG_CITY.name,
            level: 'city',
            parentCode: null,
            countyCode: null,
          },
          ...NANYANG_COUNTIES.map((c) => ({
            code: c.code,
            name: c.name,
            level: 'county' as const,
            parentCode: NANYANG_CITY.code,
            countyCode: c.code,
          })),
        ];
        const existing = new Set(
          (await t.regions.findByCodes(regions.map((r) => r.code))).map((r) => r.code),
        );
        await t.regions.upsertMany(regions.filter((r) => !existing.has(r.code)));
        let generated = 0;
        for (const county of NANYANG_COUNTIES) {
          if ((await t.regions.listChildren(county.code)).length === 0) {
            const divisions =
              options.divisions === 'real' ? realDivisions(county.code) : generatedDivisions(county.code);
            await t.regions.upsertMany(divisions);
            generated += divisions.length;
          }
        }
        await ensureZones(t);
        const created: string[] = [];
        for (const user of DEMO_USERS) {
          if (await t.users.findByUsername(user.username)) {
            continue;
          }
          const region = await t.regions.findByCode(user.regionCode);
          if (!region) {
            continue; // an imported division file without this village: skip its demo user
          }
          const id = await t.users.insert({
            username: user.username,
            display_name: user.displayName,
            role: user.role,
            department: user.department,
            region_code: user.regionCode,
            county_code: countyCodeOf(region.code, region.level),
            password_hash: passwordHash,
          });
          await recordAudit(t, actor, {
            action: 'user.create',
            entityType: 'user',
            entityId: id,
            regionCode: user.regionCode,
            new: { username: user.username, role: user.role, region_code: user.regionCode, demo: true },
          });
          created.push(user.username);
        }
        if (generated > 0 || created.length > 0) {
          await recordAudit(t, actor, {
            action: 'demo.seed',
            entityType: 'system',
            new: { generatedRegions: generated, createdUsers: created },
          });
        }
        return { generatedRegions: generated, createdUsers: created };
      });
    },
  };
}

export type DemoSeedService = ReturnType<typeof createDemoSeedService>;
