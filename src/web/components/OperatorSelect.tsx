import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { OPERATOR_TYPE_LABELS } from '../../shared/operators.js';
import { useOperators } from '../data/operators.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface OperatorSelectProps {
  value?: number | undefined;
  onChange?: (id: number | undefined) => void;
  id?: string;
  placeholder?: string;
}

/** Finds a registered operator (经营主体) of the user's scope by part of its name. */
export function OperatorSelect({ value, onChange, id, placeholder }: OperatorSelectProps) {
  const { pick } = useI18n();
  // The operators of the scope are listed at once; typing narrows them (after a pause).
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const operators = useOperators({ q: q || undefined, status: 'active', page: 1, pageSize: 20 });
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select<number>
      id={id}
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setQ(text.trim()), 300);
        },
      }}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder}
      notFoundContent={operators.fetchStatus === 'fetching' ? <Spin size="small" /> : null}
      options={(operators.data?.items ?? []).map((o) => ({
        value: o.id,
        label: `${o.name} · ${pick(OPERATOR_TYPE_LABELS[o.operatorType])} · ${o.regionName}`,
      }))}
      allowClear
    />
  );
}
