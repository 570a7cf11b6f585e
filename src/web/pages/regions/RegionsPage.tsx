import { Card, Col, Empty, List, Row, Space, Tag, Tree, Typography } from 'antd';
import { type Key, type ReactNode, useCallback, useEffect, useState } from 'react';
import { regionApi } from '../../api/endpoints.js';
import type { Region, RegionChild } from '../../api/types.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { errorMessage } from '../../util/formErrors.js';
import { useRemote } from '../../util/useRemote.js';
import { PageHeader } from '../PageHeader.js';

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
  const [treeError, setTreeError] = useState<string | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const zones = useRemote(() => regionApi.zones(), 'zones');

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
    regionApi
      .roots()
      .then((roots) => {
        setTree(roots.map(toNode));
        // Open the top level at once: a single city shows its counties without a click.
        setExpandedKeys(roots.map((root) => root.code));
      })
      .catch((cause: unknown) => setTreeError(errorMessage(cause, t('common.loadFailed'))));
  }, [toNode, t]);

  const loadData = async (node: { key: Key; children?: unknown }) => {
    if (node.children) {
      return;
    }
    const key = String(node.key);
    const children = await regionApi.children(key);
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
            {treeError ? (
              <Typography.Text type="danger" role="alert">
                {treeError}
              </Typography.Text>
            ) : (
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
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('regions.zones')}>
            <Typography.Paragraph type="secondary">{t('regions.zonesHelp')}</Typography.Paragraph>
            {zones.error ? (
              <Typography.Text type="danger">
                {errorMessage(zones.error, t('common.loadFailed'))}
              </Typography.Text>
            ) : (
              <List
                loading={zones.loading}
                dataSource={zones.data ?? []}
                locale={{ emptyText: <Empty description={t('regions.noZones')} /> }}
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
          </Card>
        </Col>
      </Row>
    </>
  );
}
