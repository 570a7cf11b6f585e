import {
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  InputNumber,
  Select,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { LEAD_STATUS_LABELS, type LeadStatus } from '../../../shared/linkage-checks.js';
import { LEAD_ENTERPRISE_LEVEL_LABELS, type LeadEnterpriseLevel } from '../../../shared/operators.js';
import { useSession } from '../../auth/SessionProvider.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import {
  type LeadItem,
  type LeadList,
  useLeadEnterprises,
  useSaveCriteria,
} from '../../data/linkage-checks.js';
import { FormModal } from '../../forms/FormModal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { filterWidth, useIsMobile } from '../../util/useIsMobile.js';

const FIRST_YEAR = 2021;

export const LEAD_STATUS_COLOR: Record<LeadStatus, string> = {
  met: 'green',
  below_first: 'orange',
  delist: 'red',
  recommend: 'blue',
  none: 'default',
};

/** 帮扶龙头企业: each operator's figures of a year, counted from linkage and work records, and its status. */
export function LeadsTab() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const thisYear = today().year();
  const [year, setYear] = useState(thisYear);
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const leads = useLeadEnterprises({ year, regionCode });
  const [editing, setEditing] = useState<LeadList['criteria'][number] | null>(null);
  const canConfigure = can('linkage.verify');

  const columns: TableProps<LeadItem>['columns'] = [
    {
      title: t('lc.operator'),
      dataIndex: 'operatorName',
      render: (name: string, r) => (
        <>
          <Typography.Text strong>{name}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.regionName} ·{' '}
              {r.leadLevel
                ? `${pick(LEAD_ENTERPRISE_LEVEL_LABELS[r.leadLevel as LeadEnterpriseLevel])}${r.leadCertifiedOn ? ` ${r.leadCertifiedOn}` : ''}`
                : t('lc.uncertified')}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('lc.households'),
      dataIndex: 'households',
      align: 'right',
      render: (n: number, r) => (
        <>
          <div>{n}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('lc.lastYear', { households: r.lastYear.households, workers: r.lastYear.workers })}
          </Typography.Text>
        </>
      ),
    },
    { title: t('lc.workers'), dataIndex: 'workers', align: 'right' },
    { title: t('lc.agreements'), dataIndex: 'agreements', align: 'right' },
    { title: t('lc.payments'), dataIndex: 'payments', align: 'right' },
    {
      title: t('lc.leadStatus'),
      dataIndex: 'status',
      render: (s: LeadStatus) =>
        s === 'none' ? '—' : <Tag color={LEAD_STATUS_COLOR[s]}>{pick(LEAD_STATUS_LABELS[s])}</Tag>,
    },
  ];

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('lc.leadsHelp')}</Typography.Paragraph>
      <Flex wrap gap={12} style={{ marginBottom: 12 }} role="search">
        <Select<number>
          aria-label={t('lc.year')}
          style={filterWidth(isMobile, 120)}
          value={year}
          onChange={setYear}
          options={Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: t('lc.yearValue', { year: y }),
          }))}
        />
        <RegionPicker
          aria-label={t('linkage.region')}
          placeholder={t('linkage.region')}
          value={regionCode}
          onChange={setRegionCode}
          style={filterWidth(isMobile, 200)}
        />
      </Flex>
      <Flex vertical gap={4} style={{ marginBottom: 12 }} data-testid="lead-criteria">
        {(leads.data?.criteria ?? []).map((c) => (
          <Flex key={c.countyCode} gap={8} wrap align="center">
            <Typography.Text>
              {t('lc.criteria')}：
              {t('lc.criteriaText', {
                county: c.countyName,
                households: c.minHouseholds,
                workers: c.minWorkers,
                agreement: c.requireAgreement ? t('lc.criteriaAgreement') : '',
              })}
              {c.isDefault ? t('lc.criteriaDefault') : ''}
            </Typography.Text>
            {canConfigure ? (
              <Button size="small" onClick={() => setEditing(c)}>
                {t('lc.editCriteria')}
              </Button>
            ) : null}
          </Flex>
        ))}
      </Flex>
      <Table<LeadItem>
        data-testid="lead-table"
        rowKey="operatorId"
        size="middle"
        columns={columns}
        dataSource={leads.data?.items ?? []}
        loading={leads.isLoading}
        pagination={(leads.data?.items.length ?? 0) > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('lc.leadsEmpty', { year }) }}
        scroll={{ x: 'max-content' }}
      />
      <CriteriaModal criteria={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

interface CriteriaValues {
  minHouseholds: number;
  minWorkers: number;
  requireAgreement: boolean;
}

function CriteriaModal({
  criteria,
  onClose,
}: {
  criteria: LeadList['criteria'][number] | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CriteriaValues>();
  const save = useSaveCriteria();
  useEffect(() => {
    if (criteria) {
      form.setFieldsValue(criteria);
    }
  }, [criteria, form]);
  return (
    <FormModal<CriteriaValues>
      form={form}
      name="criteria"
      open={criteria !== null}
      title={t('lc.editCriteria')}
      onCancel={onClose}
      onSubmit={async (v) => {
        await save.mutateAsync({ ...v, version: criteria?.version ?? 0 });
        onClose();
      }}
    >
      <Form.Item name="minHouseholds" label={t('lc.minHouseholds')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="minWorkers" label={t('lc.minWorkers')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="requireAgreement" valuePropName="checked">
        <Checkbox>{t('lc.requireAgreement')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
