/** The visit plan and a household's heading from the stored work set, when the server cannot be reached. */
import type { WorksetHousehold } from '../../shared/workset.js';
import type { VisitDueItem, VisitDueList, VisitDueSearch } from '../data/visits.js';

/** The due list as GET /api/visits/due gives it, from the work set (same order: due date, then id). */
export function dueListFrom(
  households: readonly WorksetHousehold[],
  query: VisitDueSearch,
  today: string,
): VisitDueList {
  const items: VisitDueItem[] = households
    .filter((h) => !query.regionCode || h.regionCode.startsWith(query.regionCode.replace(/0+$/, '')))
    .map((h) => ({
      householdId: h.id,
      householdNo: h.householdNo,
      headName: h.headName,
      householdType: h.householdType as VisitDueItem['householdType'],
      regionCode: h.regionCode,
      regionName: h.regionName,
      cadenceMonths: h.cadenceMonths,
      lastVisitedOn: h.lastVisitedOn,
      dueOn: h.dueOn,
      isOverdue: h.dueOn < today,
    }))
    .filter((item) => query.overdueOnly !== 'true' || item.isOverdue)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.householdId - b.householdId);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  return { today, total: items.length, items: items.slice((page - 1) * pageSize, page * pageSize) };
}
