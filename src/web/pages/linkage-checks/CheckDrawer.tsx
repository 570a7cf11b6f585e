import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { HOUSEHOLD_TYPE_LABELS, type HouseholdType } from '../../../shared/household-codes.js';
import { LINKAGE_MODE_LABELS } from '../../../shared/linkage.js';
import { CHECK_RESULT_LABELS, CHECK_RESULTS, type CheckResult } from '../../../shared/linkage-checks.js';
import { useSession } from '../../auth/SessionProvider.js';
import { type CheckDetail, useCheckView, useSaveCheck } from '../../data/linkage-checks.js';
import { useErrorText } from '../../i18n/error-text.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { today } from '../../util/today.js';
import { useIsMobile } from '../../util/useIsMobile.js';
import { FindingsTable } from './FindingsTable.js';

interface FindingValues {
  problem?: string;
  followUpItem?: string;
  responsibleUnit?: string;
  deadline?: Dayjs;
}
interface Values {
  checkedOn: Dayjs | undefined;
  note: string | undefined;
  results: Record<string, { result?: CheckResult; note?: string }>;
  findings: Record<string, FindingValues>;
}

const typeLabel = (type: string, pick: (l: { zh: string; en: string }) => string) =>
  type in HOUSEHOLD_TYPE_LABELS ? pick(HOUSEHOLD_TYPE_LABELS[type as HouseholdType]) : type;

/** What the system recorded for the agreement's year, beside the declared: payments, unpaid households, work. */
function RecordedFacts({ view }: { view: CheckDetail }) {
  const { t, pick } = useI18n();
  const a = view.agreement;
  const unpaid = a.households.filter((h) => h.unpaid);
  return (
    <Card size="small" title={t('lc.recorded', { year: a.year })} data-testid="check-recorded">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('lc.recordedHelp')}
      </Typography.Paragraph>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('lc.mode')}>{pick(LINKAGE_MODE_LABELS[a.mode])}</Descriptions.Item>
        <Descriptions.Item label={t('lc.recordedLinked')}>
          {a.linked.total}（
          {t('linkage.linkedSplit', {
            exited: a.linked.exitedPoverty,
            monitored: a.linked.monitored,
            other: a.linked.other,
          })}
          ）
        </Descriptions.Item>
        <Descriptions.Item label={t('lc.recordedPaid')}>{a.paidHouseholds}</Descriptions.Item>
        <Descriptions.Item label={t('lc.recordedUnpaid')}>
          {a.unpaidHouseholds > 0 ? <Tag color="red">{a.unpaidHouseholds}</Tag> : 0}
        </Descriptions.Item>
        <Descriptions.Item label={t('lc.recordedTotal')}>{a.totalBenefit}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('lc.unpaidList')}
      </Typography.Title>
      {unpaid.length === 0 ? (
        <Typography.Text type="secondary">{t('lc.noUnpaid')}</Typography.Text>
      ) : (
        <Flex wrap gap={4} data-testid="check-unpaid">
          {unpaid.map((h) => (
            <Tag key={h.householdId} color="red">
              {h.headName ?? `#${h.householdId}`} · {h.villageName}
            </Tag>
          ))}
        </Flex>
      )}
      {view.workRecords ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('lc.workRecords')}
          </Typography.Title>
          {view.linkedWithoutWork ? (
            <Tag color="orange">{t('lc.linkedWithoutWork', { n: view.linkedWithoutWork })}</Tag>
          ) : null}
          <Table
            rowKey="workRecordId"
            size="small"
            dataSource={view.workRecords}
            pagination={view.workRecords.length > 8 ? { pageSize: 8 } : false}
            locale={{ emptyText: t('lc.workEmpty') }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('lc.person'),
                key: 'p',
                render: (_, w) => `${w.personName}（${typeLabel(w.householdType, pick)}）`,
              },
              {
                title: t('lc.workPeriod'),
                key: 'm',
                render: (_, w) => `${w.startMonth} ~ ${w.endMonth ?? ''}`,
              },
              {
                title: t('lc.monthlyIncome'),
                dataIndex: 'monthlyIncome',
                align: 'right',
                render: (v: string | null) => v ?? '—',
              },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}

/** The check of one sampled agreement: a result per item, and for each failed item the finding to rectify. */
export function CheckDrawer({
  campaignId,
  agreementId,
  onClose,
}: {
  campaignId: number | null;
  agreementId: number | null;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { can } = useSession();
  const isMobile = useIsMobile();
  const view = useCheckView(campaignId, agreementId);
  const v = agreementId === null ? null : (view.data ?? null);
  const save = useSaveCheck();
  const [form] = Form.useForm<Values>();
  const results = Form.useWatch('results', form) ?? {};
  const canWrite = can('linkage.write') && (v?.canCheck ?? false);

  useEffect(() => {
    if (!v) {
      return;
    }
    form.resetFields();
    const stored = new Map((v.check?.results ?? []).map((r) => [r.item, r]));
    form.setFieldsValue({
      checkedOn: v.check ? dayjs(v.check.checkedOn) : today(),
      note: v.check?.note ?? undefined,
      results: Object.fromEntries(
        v.campaign.checkItems.map((item) => [
          item,
          { result: stored.get(item)?.result, note: stored.get(item)?.note ?? undefined },
        ]),
      ),
      findings: {},
    });
  }, [v, form]);

  if (!v) {
    return <Drawer open={agreementId !== null} onClose={onClose} loading={view.isLoading} />;
  }
  const found = new Set(v.findings.map((f) => f.item));
  const failedNew = v.campaign.checkItems.filter(
    (item) => results[item]?.result === 'fails' && !found.has(item),
  );
  const required = (field: string) => [{ required: true, message: t('lc.required', { field }) }];

  const submit = async (values: Values) => {
    const checkedOn = (values.checkedOn as Dayjs).format('YYYY-MM-DD');
    await save.mutateAsync({
      id: v.campaign.id,
      agreementId: v.agreement.id,
      body: {
        checkedOn,
        note: values.note?.trim() ? values.note.trim() : null,
        results: v.campaign.checkItems.map((item) => ({
          item,
          result: values.results[item]?.result as CheckResult,
          note: values.results[item]?.note?.trim() ? (values.results[item]?.note ?? '').trim() : null,
        })),
        findings: failedNew.map((item) => {
          const f = values.findings?.[item] ?? {};
          return {
            item,
            problem: (f.problem ?? '').trim(),
            followUpItem: f.followUpItem ?? '',
            responsibleUnit: (f.responsibleUnit ?? '').trim(),
            deadline: (f.deadline as Dayjs).format('YYYY-MM-DD'),
          };
        }),
        ...(v.check ? { version: v.check.version } : {}),
      },
    });
    void message.success(t('lc.checkSaved'));
  };

  return (
    <Drawer
      open={agreementId !== null}
      onClose={onClose}
      title={t('lc.checkTitle', { name: v.agreement.operatorName })}
      width={isMobile ? '100%' : 1040}
      destroyOnHidden
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          {/* Beside the form while it scrolls: the checker compares the declared with the recorded. */}
          <div style={isMobile ? undefined : { position: 'sticky', top: 0 }}>
            <RecordedFacts view={v} />
          </div>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('lc.declared')}>
            {!canWrite && !v.check ? (
              <Typography.Text type="secondary">{t('lc.readOnlyCheck')}</Typography.Text>
            ) : (
              <Form<Values> form={form} layout="vertical" disabled={!canWrite} onFinish={submit} name="check">
                <Form.Item
                  name="checkedOn"
                  label={t('lc.checkedOnLabel')}
                  rules={required(t('lc.checkedOnLabel'))}
                >
                  <DatePicker disabledDate={(d) => d.isAfter(today(), 'day')} style={{ width: '100%' }} />
                </Form.Item>
                {v.campaign.checkItems.map((item) => (
                  <div key={item} data-testid={`check-item-${item}`}>
                    <Form.Item
                      name={['results', item, 'result']}
                      label={item}
                      rules={required(item)}
                      style={{ marginBottom: 4 }}
                    >
                      <Radio.Group
                        optionType="button"
                        options={CHECK_RESULTS.map((r) => ({
                          value: r,
                          label: pick(CHECK_RESULT_LABELS[r]),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={['results', item, 'note']} rules={[{ max: 500 }]}>
                      <Input placeholder={t('lc.resultNote')} aria-label={`${item} ${t('lc.resultNote')}`} />
                    </Form.Item>
                    {found.has(item) ? (
                      <Typography.Paragraph type="secondary">
                        {t('lc.existingFinding', { item })}
                      </Typography.Paragraph>
                    ) : null}
                    {failedNew.includes(item) ? (
                      <Card
                        size="small"
                        type="inner"
                        title={t('lc.newFinding', { item })}
                        style={{ marginBottom: 16 }}
                        data-testid={`finding-form-${item}`}
                      >
                        <Form.Item
                          name={['findings', item, 'problem']}
                          label={t('lc.problem')}
                          rules={[...required(t('lc.problem')), { max: 500 }]}
                        >
                          <Input.TextArea rows={2} />
                        </Form.Item>
                        <Form.Item
                          name={['findings', item, 'followUpItem']}
                          label={t('lc.followUp')}
                          rules={required(t('lc.followUp'))}
                        >
                          <Select
                            aria-label={t('lc.followUp')}
                            options={v.campaign.followUpItems.map((f) => ({ value: f, label: f }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={['findings', item, 'responsibleUnit']}
                          label={t('lc.responsibleUnit')}
                          rules={[...required(t('lc.responsibleUnit')), { max: 100 }]}
                        >
                          <Input />
                        </Form.Item>
                        <Form.Item
                          name={['findings', item, 'deadline']}
                          label={t('lc.deadline')}
                          rules={required(t('lc.deadline'))}
                        >
                          <DatePicker
                            style={{ width: '100%' }}
                            disabledDate={(d) =>
                              d.isBefore(form.getFieldValue('checkedOn') ?? today(), 'day')
                            }
                          />
                        </Form.Item>
                      </Card>
                    ) : null}
                  </div>
                ))}
                <Form.Item name="note" label={t('lc.checkNote')} rules={[{ max: 1000 }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                {save.error ? (
                  <Typography.Paragraph type="danger">{errorText(save.error)}</Typography.Paragraph>
                ) : null}
                {canWrite ? (
                  <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-check">
                    {t('lc.saveCheck')}
                  </Button>
                ) : null}
              </Form>
            )}
          </Card>
          {v.findings.length > 0 ? (
            <div style={{ marginTop: 16 }}>
              <Typography.Title level={5}>{t('lc.findings', { n: v.findings.length })}</Typography.Title>
              <FindingsTable findings={v.findings} showOperator={false} />
            </div>
          ) : null}
        </Col>
      </Row>
    </Drawer>
  );
}
