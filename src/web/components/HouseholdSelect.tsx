import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { householdApi } from '../api/endpoints.js';
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
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const ticket = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (value && initialLabel && !options.some((o) => o.value === value)) {
      setOptions((current) => [{ value, label: initialLabel }, ...current]);
    }
  }, [value, initialLabel, options]);

  const search = (text: string) => {
    clearTimeout(timer.current);
    const name = text.trim();
    if (!name) {
      return;
    }
    timer.current = setTimeout(() => {
      const mine = ++ticket.current;
      setLoading(true);
      householdApi
        .search({ headName: name, page: 1, pageSize: 20 })
        .then((list) => {
          if (mine === ticket.current) {
            setOptions(
              list.items.map((h) => ({
                value: h.id,
                label: `${h.headName} · ${h.townName}${h.villageName} · ${h.householdNo ?? `#${h.id}`}`,
              })),
            );
          }
        })
        .catch(() => undefined)
        .finally(() => {
          if (mine === ticket.current) {
            setLoading(false);
          }
        });
    }, 300);
  };

  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder ?? t('leads.householdSearch')}
      notFoundContent={loading ? <Spin size="small" /> : null}
      options={options}
      size={size}
      allowClear
    />
  );
}
