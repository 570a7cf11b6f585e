import { countyCodeOf } from '../../shared/region-code.js';
import type { Department, Role } from '../../shared/roles.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { RegionInput } from '../repositories/region.repository.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { NANYANG_CITY, NANYANG_COUNTIES, NANYANG_ZONES } from './nanyang.js';
import { passwords } from './passwords.js';
import { ensureZones } from './region-import.service.js';
import type { RunInTransaction } from './transaction.js';

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

export function createDemoSeedService(deps: { repos: Repositories; tx: RunInTransaction; config: Config }) {
  const { tx, config } = deps;

  return {
    /**
     * Seeds the city, its counties, generated towns and villages where a county has none (a real
     * division file imported first takes precedence), the management zones and one user per role.
     * Idempotent: running it again adds only what is missing.
     */
    async seedDemo(actor: Actor) {
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
            const divisions = generatedDivisions(county.code);
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
