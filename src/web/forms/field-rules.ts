import type { FormRule } from 'antd';
import { FIELD_RULES } from '../api/field-rules.gen.js';
import type { Translate } from '../i18n/I18nProvider.js';

type Operation = keyof typeof FIELD_RULES;
type FieldOf<O extends Operation> = keyof (typeof FIELD_RULES)[O] & string;
interface Limits {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

/**
 * The antd rules of one form field, from the zod schema of the request it is sent in (through the generated
 * `FIELD_RULES`): lengths, pattern and range are never typed a second time in the web app, and the server stays
 * the judge. `label` names the field in the message; `message` replaces the pattern's generic one.
 *
 *   rules={[required, ...fieldRules(t, 'POST /api/users', 'displayName', t('users.displayName'))]}
 */
export function fieldRules<O extends Operation>(
  t: Translate,
  operation: O,
  field: FieldOf<O>,
  label: string,
  options: { patternMessage?: string } = {},
): FormRule[] {
  const limits = FIELD_RULES[operation][field] as Limits;
  const rules: FormRule[] = [];
  // A minimum length of 1 is "required", which the form states itself (with its own wording and marker).
  if (limits.minLength !== undefined && limits.minLength > 1) {
    rules.push({
      min: limits.minLength,
      message: t('rules.minLength', { field: label, min: limits.minLength }),
    });
  }
  if (limits.maxLength !== undefined) {
    rules.push({
      max: limits.maxLength,
      message: t('rules.maxLength', { field: label, max: limits.maxLength }),
    });
  }
  if (limits.pattern !== undefined) {
    rules.push({
      pattern: new RegExp(limits.pattern),
      message: options.patternMessage ?? t('rules.pattern', { field: label }),
    });
  }
  if (limits.minimum !== undefined || limits.maximum !== undefined) {
    const min = limits.minimum ?? Number.NEGATIVE_INFINITY;
    const max = limits.maximum ?? Number.POSITIVE_INFINITY;
    rules.push({
      type: 'number',
      min,
      max,
      message: t('rules.range', {
        field: label,
        min: String(limits.minimum ?? ''),
        max: String(limits.maximum ?? ''),
      }),
    });
  }
  return rules;
}

/** The maxLength to give the input itself (a counter, no typing past it), from the same schema. */
export function maxLengthOf<O extends Operation>(operation: O, field: FieldOf<O>): number | undefined {
  return (FIELD_RULES[operation][field] as Limits).maxLength;
}
