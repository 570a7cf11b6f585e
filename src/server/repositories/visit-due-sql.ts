import { type RawBuilder, sql } from 'kysely';

/**
 * When a household's next visit is due, in SQL (the twin of domain/visit-cadence.ts `nextVisitDue`): one cadence
 * after its last visit, or — never visited — one cadence after it entered the registry (its Shanghai calendar
 * day), so a household is not overdue the day it is registered. `h` is the household alias, `p` the joined
 * visit_policy alias. Every due, overdue and work-set query uses this one rule.
 */
export function visitDueOnSql(h: string, p: string): RawBuilder<string> {
  return sql<string>`(coalesce(${sql.ref(`${h}.last_visited_on`)}, (${sql.ref(`${h}.created_at`)} at time zone 'Asia/Shanghai')::date) + make_interval(months => ${sql.ref(`${p}.months`)}))::date`;
}
