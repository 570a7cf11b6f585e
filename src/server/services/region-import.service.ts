import { validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { parseDivisionFile } from './division-file.js';
import { NANYANG_CITY, NANYANG_ZONES } from './nanyang.js';
import type { RunInTransaction } from './transaction.js';

export function createRegionImportService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;

  return {
    /**
     * Loads a division file. Any bad row refuses the whole file (nothing is half-imported);
     * the error lists every bad row with its line and reason.
     */
    async importDivisions(actor: Actor, text: string, source: string) {
      const referenced = new Set<string>();
      for (const match of text.matchAll(/\b\d{12}\b/g)) {
        referenced.add(match[0]);
      }
      const existing = await repos.regions.findByCodes([...referenced]);
      const knownLevels = new Map<string, string>(existing.map((r) => [r.code, r.level]));
      // NBS city files list the counties but not the city itself; the product knows its own city.
      const needsCity = !knownLevels.has(NANYANG_CITY.code);
      if (needsCity) {
        knownLevels.set(NANYANG_CITY.code, 'city');
      }
      const parsed = parseDivisionFile(text, knownLevels);
      const { problems } = parsed;
      const regions =
        needsCity &&
        parsed.regions.some((r) => r.parentCode === NANYANG_CITY.code) &&
        !parsed.regions.some((r) => r.code === NANYANG_CITY.code)
          ? [
              {
                code: NANYANG_CITY.code,
                name: NANYANG_CITY.name,
                level: 'city' as const,
                parentCode: null,
                countyCode: null,
              },
              ...parsed.regions,
            ]
          : parsed.regions;
      if (problems.length > 0) {
        throw validation(`区划文件有 ${problems.length} 行错误，未导入任何数据`, { problems });
      }
      const before = new Map(existing.map((r) => [r.code, r.name]));
      const added = regions.filter((r) => !before.has(r.code)).length;
      const renamed = regions
        .filter((r) => before.has(r.code) && before.get(r.code) !== r.name)
        .map((r) => ({ code: r.code, old: before.get(r.code), new: r.name }));
      await tx(async (t) => {
        await t.regions.upsertMany(regions);
        await ensureZones(t);
        await recordAudit(t, actor, {
          action: 'region.import',
          entityType: 'region',
          entityId: null,
          regionCode: null,
          new: { source, rows: regions.length, added, renamed },
        });
      });
      return { rows: regions.length, added, renamed: renamed.length };
    },
  };
}

/** Creates the Nanyang management zones over their towns, once the city and those towns exist. */
export async function ensureZones(repos: Repositories): Promise<void> {
  if (!(await repos.regions.findByCode(NANYANG_CITY.code))) {
    return;
  }
  for (const zone of NANYANG_ZONES) {
    const towns = await repos.regions.findByCodes(zone.towns.map((t) => t.code));
    if (towns.length === 0) {
      continue;
    }
    await repos.regions.upsertMany([
      { code: zone.code, name: zone.name, level: 'zone', parentCode: NANYANG_CITY.code, countyCode: null },
    ]);
    await repos.regions.setZoneTowns(
      zone.code,
      towns.map((t) => t.code),
    );
  }
}

export type RegionImportService = ReturnType<typeof createRegionImportService>;
