import { z } from 'zod';
import { MEASURE_CATEGORIES } from '../../shared/measures.js';
import { text, ZMoney, ZVersion } from './common.schema.js';

const ZDate = z.iso.date();

// ---- measures (帮扶措施) -----------------------------------------------------------------------------------

export const ZMeasureInput = z
  .object({
    category: z.enum(MEASURE_CATEGORIES),
    item: text(100).min(1, '请填写措施内容'),
    startsOn: ZDate,
    endsOn: ZDate.nullable().optional(),
    amount: ZMoney.nullable().optional(),
    provider: text(100).nullable().optional(),
    note: text(500).nullable().optional(),
  })
  .refine((m) => !m.endsOn || m.endsOn >= m.startsOn, {
    message: '结束日期不能早于开始日期',
    path: ['endsOn'],
  });

export const ZMeasureUpdate = z.object({
  version: ZVersion,
  category: z.enum(MEASURE_CATEGORIES).optional(),
  item: text(100).min(1).optional(),
  startsOn: ZDate.optional(),
  endsOn: ZDate.nullable().optional(),
  amount: ZMoney.nullable().optional(),
  provider: text(100).nullable().optional(),
  note: text(500).nullable().optional(),
});
export const ZVersionQuery = z.object({ version: z.coerce.number().int().positive() });
