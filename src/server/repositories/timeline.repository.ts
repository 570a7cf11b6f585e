import { type Kysely, sql } from 'kysely';
import type { TimelineKind } from '../../shared/timeline.js';
import type { DB } from '../db/schema.js';

/** A household's timeline, gathered from every module that records something about it. */
export function createTimelineRepository(db: Kysely<DB>) {
  return {
    /** A household's story, newest first: leads and their signals, case steps, measures, visits, income, helpers. */
    async events(householdId: number) {
      const result = await sql<{
        at: Date;
        kind: TimelineKind;
        title: string;
        detail: string | null;
        actor_name: string | null;
        case_id: number | null;
      }>`
        select s.created_at as at, 'lead' as kind, s.source as title, s.reasons::text as detail,
               u.display_name as actor_name, null::bigint as case_id
        from lead_signal s join lead l on l.id = s.lead_id left join app_user u on u.id = s.created_by
        where l.household_id = ${householdId}
        union all
        select l.closed_at, 'lead', 'lead_' || l.status, l.closed_reason, u.display_name, null
        from lead l left join app_user u on u.id = l.closed_by
        where l.household_id = ${householdId} and l.closed_at is not null
        union all
        select st.acted_at, 'case_step', st.action || ':' || st.to_stage, st.note, st.actor_name, st.case_id
        from case_step st join monitoring_case c on c.id = st.case_id
        where c.household_id = ${householdId}
        union all
        select m.created_at, 'measure', m.category, m.item || coalesce('（' || m.provider || '）', ''), u.display_name, m.case_id
        from assistance_measure m left join app_user u on u.id = m.created_by
        where m.household_id = ${householdId}
        union all
        select v.created_at, 'visit', v.visited_on::text, v.note, v.visitor_name, null
        from visit v where v.household_id = ${householdId}
        union all
        select i.created_at, 'income', i.category, i.item || ' ' || i.amount::text, null, null
        from income_item i where i.household_id = ${householdId}
        union all
        select a.created_at, 'helper', u.display_name, a.starts_on::text || coalesce(' – ' || a.ends_on::text, ''), null, null
        from helper_assignment a join app_user u on u.id = a.user_id
        where a.household_id = ${householdId}
        order by 1 desc
        limit 500
      `.execute(db);
      return result.rows;
    },
  };
}

export type TimelineRepository = ReturnType<typeof createTimelineRepository>;
