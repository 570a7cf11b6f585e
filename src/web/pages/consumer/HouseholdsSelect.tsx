import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useHouseholds } from '../../data/households.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Picks several registry households by the head's name (the households search), for a product's linked ones. */
export function HouseholdsSelect({
  value,
  onChange,
  id,
  known,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  id?: string;
  /** Labels of households already linked (from the product), so they show by name. */
  known?: { id: number; label: string }[];
}) {
  const { t } = useI18n();
  const [headName, setHeadName] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const labels = useRef(new Map<number, string>());
  const households = useHouseholds({ headName, page: 1, pageSize: 20 }, { enabled: headName !== '' });
  useEffect(() => () => clearTimeout(timer.current), []);
  for (const k of known ?? []) {
    labels.current.set(k.id, k.label);
  }
  for (const h of households.data?.items ?? []) {
    labels.current.set(h.id, `${h.headName} · ${h.villageName} · ${h.householdNo ?? `#${h.id}`}`);
  }
  const shown = new Set<number>([...(value ?? []), ...(households.data?.items ?? []).map((h) => h.id)]);
  const options = [...shown].map((v) => ({ value: v, label: labels.current.get(v) ?? `#${v}` }));
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          clearTimeout(timer.current);
          const name = text.trim();
          if (name) {
            timer.current = setTimeout(() => setHeadName(name), 300);
          }
        },
      }}
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      placeholder={t('consumer.householdsSearch')}
      notFoundContent={households.fetchStatus === 'fetching' ? <Spin size="small" /> : null}
      options={options}
      allowClear
    />
  );
}
