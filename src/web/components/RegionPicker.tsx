import { TreeSelect } from 'antd';
import { type CSSProperties, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RegionLevel } from '../../shared/roles.js';
import {
  type Region,
  type RegionChild,
  useFetchRegion,
  useFetchRegionChildren,
  useRegionRoots,
} from '../data/regions.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { isInScope, useRegionScope } from './useRegionScope.js';

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: ReactNode;
  isLeaf: boolean;
  selectable: boolean;
}

export interface RegionPickerProps {
  value?: string | null | undefined;
  onChange?: (value: string | undefined) => void;
  /** Only regions of these levels can be chosen (others can still be expanded). Default: all levels. */
  levels?: readonly RegionLevel[] | undefined;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  'aria-label'?: string;
  /** Told the level of the chosen region once it is known. */
  onLevelChange?: (level: RegionLevel | undefined) => void;
}

/**
 * A lazily loaded region tree (city → counties → towns → villages, and zones under the city). A preset value
 * has its path loaded so it shows its name; regions outside the user's scope can be expanded but not chosen.
 */
export function RegionPicker({
  value,
  onChange,
  levels,
  placeholder,
  allowClear = true,
  disabled,
  id,
  style,
  'aria-label': ariaLabel,
  onLevelChange,
}: RegionPickerProps) {
  const { t } = useI18n();
  const scope = useRegionScope();
  const [regions, setRegions] = useState<Map<string, Region & { childCount?: number }>>(new Map());
  const loaded = useRef(new Set<string>());
  // Read by the preset-value effect, which must run when the value changes, not whenever the tree grows.
  const regionsRef = useRef(regions);
  regionsRef.current = regions;

  const addRegions = useCallback((items: Array<Region | RegionChild>) => {
    setRegions((current) => {
      const next = new Map(current);
      for (const item of items) {
        next.set(item.code, { ...next.get(item.code), ...item });
      }
      return next;
    });
  }, []);

  const fetchChildren = useFetchRegionChildren();
  const fetchRegion = useFetchRegion();
  const loadChildren = useCallback(
    async (code: string) => {
      if (loaded.current.has(code)) {
        return;
      }
      loaded.current.add(code);
      try {
        addRegions(await fetchChildren(code));
      } catch (error) {
        // Rejected, so the tree does not mark the node loaded (with no children) and tries again.
        loaded.current.delete(code);
        throw error;
      }
    },
    [addRegions, fetchChildren],
  );

  const roots = useRegionRoots();
  useEffect(() => {
    if (roots.data) {
      addRegions(roots.data);
    }
  }, [roots.data, addRegions]);

  // Make a preset value (an edited user's region) appear by loading its ancestors' children.
  useEffect(() => {
    if (!value || regionsRef.current.has(value)) {
      return;
    }
    let isCurrent = true;
    (async () => {
      const detail = await fetchRegion(value);
      const ancestors = detail.path.filter((r) => r.code !== detail.code);
      addRegions([...ancestors, detail]);
      for (const ancestor of ancestors) {
        if (!isCurrent) {
          return;
        }
        await loadChildren(ancestor.code);
      }
    })().catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [value, addRegions, loadChildren, fetchRegion]);

  const chosenLevel = value ? regions.get(value)?.level : undefined;
  useEffect(() => {
    onLevelChange?.(chosenLevel);
  }, [chosenLevel, onLevelChange]);

  const treeData = useMemo<Node[]>(
    () =>
      [...regions.values()].map((region) => {
        const choosable = isInScope(region.code, scope) && (!levels || levels.includes(region.level));
        const name = `${region.name}${region.level === 'zone' ? `（${t('level.zone')}）` : ''}`;
        return {
          id: region.code,
          pId: region.parentCode && regions.has(region.parentCode) ? region.parentCode : null,
          value: region.code,
          // Greyed out but still expandable: ancestors shown for the path, or levels the role cannot take.
          title: choosable ? name : <span style={{ color: 'rgba(0, 0, 0, 0.4)' }}>{name}</span>,
          isLeaf: region.childCount === 0 || region.level === 'village',
          selectable: choosable,
        };
      }),
    [regions, scope, levels, t],
  );

  return (
    <TreeSelect<string>
      id={id}
      aria-label={ariaLabel}
      style={style ?? { width: '100%' }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
      treeData={treeData}
      loadData={(node) => loadChildren(String(node.value))}
      placeholder={placeholder ?? t('users.regionPlaceholder')}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={false}
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', minWidth: 260 } } }}
      treeExpandAction="click"
    />
  );
}
