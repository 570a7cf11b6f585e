import { Card, Col, List, Row, Space, Tag, Tree, Typography } from 'antd';
import { type Key, type ReactNode, useCallback, useEffect, useState } from 'react';
import { QueryState } from '../../../components/QueryState.js';
import {
  type Region,
  type RegionChild,
  useFetchRegionChildren,
  useRegionRoots,
  useZones,
} from '../../../data/regions.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { PageHeader } from '../../PageHeader.js';

interface TreeNode {
  key: string;
  title: ReactNode;
  isLeaf: boolean;
  children?: TreeNode[];
}

const LEVEL_COLORS: Record<string, string> = {
  city: 'geekblue',
  county: 'blue',
  town: 'cyan',
  village: 'green',
  zone: 'purple',
};

function withChildren(nodes: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return nodes.map((node) =>
    node.key === key
      ? { ...node, children }
      : node.children
        ? { ...node, children: withChildren(node.children, key, children) }
        : node,
  );
}

export function RegionsPage() {
  const { t } = useI18n();
  const [tree, setTree] = useState<TreeNode[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const roots = useRegionRoots();
  const zones = useZones();
  const fetchChildren = useFetchRegionChildren();

  const toNode = useCallback(
    (region: Region | RegionChild): TreeNode => {
      const childCount = 'childCount' in region ? region.childCount : undefined;
      return {
        key: region.code,
        isLeaf: region.level === 'village' || childCount === 0,
        title: (
          <Space size={6}>
            <span>{region.name}</span>
            <Tag color={LEVEL_COLORS[region.level]} style={{ marginInlineEnd: 0 }}>
              {t(`level.${region.level}`)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {region.code}
            </Typography.Text>
            {childCount ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('regions.children', { count: childCount })}
              </Typography.Text>
            ) : null}
          </Space>
        ),
      };
    },
    [t],
  );

  useEffect(() => {
    if (roots.data) {
      setTree(roots.data.map(toNode));
      // Open the top level at once: a single city shows its counties without a click.
      setExpandedKeys(roots.data.map((root) => root.code));
    }
  }, [roots.data, toNode]);

  const loadData = async (node: { key: Key; children?: unknown }) => {
    if (node.children) {
      return;
    }
    const key = String(node.key);
    const children = await fetchChildren(key);
    setTree((current) => withChildren(current, key, children.map(toNode)));
  };

  return (
    <>
      <PageHeader title={t('regions.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title={t('regions.tree')}
            extra={<Typography.Text type="secondary">{t('regions.treeHelp')}</Typography.Text>}
          >
            <QueryState
              query={roots}
              bare
              isEmpty={(d) => d.length === 0}
              empty={{ reason: t('regions.noRoots') }}
            >
              {() => (
                <Tree<TreeNode>
                  treeData={tree}
                  loadData={loadData}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpandedKeys(keys)}
                  expandAction="click"
                  selectable={false}
                  showLine
                  blockNode
                  data-testid="region-tree"
                />
              )}
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('regions.zones')}>
            <Typography.Paragraph type="secondary">{t('regions.zonesHelp')}</Typography.Paragraph>
            <QueryState
              query={zones}
              bare
              isEmpty={(d) => d.length === 0}
              empty={{ reason: t('regions.noZones') }}
            >
              {(d) => (
                <List
                  dataSource={d}
                  renderItem={(zone) => (
                    <List.Item>
                      <List.Item.Meta
                        title={
                          <Space>
                            {zone.name}
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {zone.code}
                            </Typography.Text>
                          </Space>
                        }
                        description={
                          <Space wrap size={4}>
                            <span>{t('regions.zoneTowns')}：</span>
                            {zone.towns.map((town) => (
                              <Tag key={town.code} title={town.code}>
                                {town.name}
                              </Tag>
                            ))}
                          </Space>
                        }
                      />
                    </List.Item>
                  )}
                />
              )}
            </QueryState>
          </Card>
        </Col>
      </Row>
    </>
  );
}
