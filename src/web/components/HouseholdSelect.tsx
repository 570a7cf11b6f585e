import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useHouseholds } from '../data/households.js';
import { useI18n } from '../i18n/I18nProvider.js';

interface Option {
  value: number;
  label: string;
}

export interface HouseholdSelectProps {
  value?: number | undefined;
  onChange?: (id: number | undefined) => void;
  id?: string;
  placeholder?: string;
  size?: 'large' | 'middle';
  /** The chosen household's label when the value is preset (e.g. from the URL). */
  initialLabel?: string | undefined;
}

/** Finds a household by the head's name in the user's area (the households search API). */
export function HouseholdSelect({
  value,
  onChange,
  id,
  placeholder,
  size,
  initialLabel,
}: HouseholdSelectProps) {
  const { t } = useI18n();
  // The name last typed (after a pause); clearing the text keeps the last answer on screen.
  const [headName, setHeadName] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const households = useHouseholds({ headName, page: 1, pageSize: 20 }, { enabled: headName !== '' });

  useEffect(() => () => clearTimeout(timer.current), []);

  const found: Option[] = (households.data?.items ?? []).map((h) => ({
    value: h.id,
    label: `${h.headName} · ${h.townName}${h.villageName} · ${h.householdNo ?? `#${h.id}`}`,
  }));
  const options =
    value && initialLabel && !found.some((o) => o.value === value)
      ? [{ value, label: initialLabel }, ...found]
      : found;

  const search = (text: string) => {
    clearTimeout(timer.current);
    const name = text.trim();
    if (!name) {
      return;
    }
    timer.current = setTimeout(() => setHeadName(name), 300);
  };

  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder ?? t('leads.householdSearch')}
      notFoundContent={households.fetchStatus === 'fetching' ? <Spin size="small" /> : null}
      options={options}
      size={size}
      allowClear
    />
  );
}
