import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** Set-based writes of the demo's 四查四促 and lead-enterprise figures. */
export function createDemoLinkageCheckRepository(db: Kysely<DB>) {
  return {
    /**
     * Names an operator on up to `limit` work records of 脱贫/监测 labourers of its county that run this year and
     * name no employer operator yet, members of the agreement's linked households first: the jobs its 吸纳就业
     * agreement gave them, so its workers are counted from the work records like any other.
     */
    async assignWorkers(input: {
      operatorId: number;
      agreementId: number;
      limit: number;
      year: number;
    }): Promise<number> {
      const result = await sql`
        with op as (select id, name, county_code from operator where id = ${input.operatorId}),
        picked as (
          select w.id
          from work_record w
          join household h on h.id = w.household_id
          join op on op.county_code = w.county_code
          left join linkage_household lh on lh.agreement_id = ${input.agreementId} and lh.year = ${input.year}
            and lh.household_id = w.household_id
          where w.operator_id is null and coalesce(w.channel, 'other') not in ('workshop', 'public_job')
            and h.household_type in ('exited_poverty', 'monitored')
            and w.start_month <= make_date(${input.year}, 12, 1)
            and (w.end_month is null or w.end_month >= make_date(${input.year}, 1, 1))
          order by (lh.id is null), w.id
          limit ${input.limit}
        )
        update work_record w
        set operator_id = op.id, channel = 'lead_enterprise', employer = op.name, updated_at = now()
        from picked, op
        where w.id = picked.id`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },
  };
}

export type DemoLinkageCheckRepository = ReturnType<typeof createDemoLinkageCheckRepository>;
