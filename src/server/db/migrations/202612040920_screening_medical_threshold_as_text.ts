import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * The screening rules' medical-spending threshold is an amount of money: the API now carries it as a decimal
 * string ("20000.00") like every other amount. Rule sets saved before keep their version and their meaning; only
 * the JSON number becomes that string.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    update screening_rule_set
       set rules = jsonb_set(rules, '{medicalSpending,threshold}',
             to_jsonb(to_char((rules #>> '{medicalSpending,threshold}')::numeric(14, 2), 'FM999999999990.00')))
     where jsonb_typeof(rules #> '{medicalSpending,threshold}') = 'number';
    `,
  );
}
