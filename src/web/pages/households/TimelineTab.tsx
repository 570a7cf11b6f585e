import { Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState.js';
import { type TimelineEvent, useHouseholdTimeline } from '../../data/households.js';
import { type Translate, useI18n } from '../../i18n/I18nProvider.js';
import { CASE_STEP_ACTION_LABELS } from '../../i18n/messages.js';
import { measureCategoryLabel, sourceLabel, stageLabel } from '../cases/codes.js';
import { categoryLabel, itemLabel, money, reasonLabel } from './codes.js';

const KIND_COLORS: Record<TimelineEvent['kind'], string> = {
  lead: 'orange',
  case_step: 'blue',
  measure: 'green',
  visit: 'cyan',
  income: 'gray',
  helper: 'purple',
};

type Pick = (label: { zh: string; en: string }) => string;

/** Reasons stored as a JSON array (or a Postgres array literal) in words. */
function reasonsText(detail: string, pick: Pick): string {
  const codes = detail
    .replace(/^[[{]|[\]}]$/g, '')
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''))
    .filter(Boolean);
  return codes.map((c) => reasonLabel(pick, c)).join('、');
}

/**
 * The server sends codes (a lead's source or `lead_<status>`, `action:stage` for a step, the measure or income
 * category): here they become words. Anything not recognised is shown as it came.
 */
export function describeEvent(
  event: TimelineEvent,
  t: Translate,
  pick: Pick,
  lang: 'zh' | 'en',
): { title: string; detail: string | null } {
  const { title, detail } = event;
  switch (event.kind) {
    case 'lead': {
      if (title.startsWith('lead_')) {
        const status = title.slice(5);
        const known = ['open', 'closed', 'case_opened'].includes(status);
        return {
          title: known ? t(`leads.status.${status as 'open' | 'closed' | 'case_opened'}`) : title,
          detail,
        };
      }
      return { title: sourceLabel(pick, title), detail: detail ? reasonsText(detail, pick) : null };
    }
    case 'case_step': {
      const [action = '', stage = ''] = title.split(':');
      const label = CASE_STEP_ACTION_LABELS[action];
      return { title: `${label ? pick(label) : action}：${stageLabel(pick, stage)}`, detail };
    }
    case 'measure':
      return { title: measureCategoryLabel(pick, title), detail };
    case 'income': {
      const match = detail?.match(/^(\S+)\s+(-?[\d.]+)$/);
      return {
        title: categoryLabel(pick, title),
        detail: match
          ? `${itemLabel(lang, match[1] ?? '')} ${money(match[2] ?? '')} ${t('common.yuan')}`
          : detail,
      };
    }
    default:
      return { title, detail };
  }
}

/** The household's story, newest first: leads, case steps, measures, visits, income and helpers. */
export function TimelineTab({ householdId }: { householdId: number }) {
  const { t, pick, lang } = useI18n();
  const timeline = useHouseholdTimeline(householdId);
  return (
    <QueryState
      query={timeline}
      bare
      isEmpty={(events) => events.length === 0}
      empty={{ reason: t('timeline.empty') }}
    >
      {(events) => (
        <Timeline
          data-testid="household-timeline"
          style={{ marginTop: 12 }}
          items={events.map((event, i) => {
            const text = describeEvent(event, t, pick, lang);
            return {
              key: `${event.at}-${i}`,
              color: KIND_COLORS[event.kind],
              content: (
                <div>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {dayjs(event.at).format(event.at.length > 10 ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD')}
                  </Typography.Text>
                  <Tag color={KIND_COLORS[event.kind] === 'gray' ? 'default' : KIND_COLORS[event.kind]}>
                    {t(`timeline.kind.${event.kind}`)}
                  </Tag>
                  <Typography.Text strong>{text.title}</Typography.Text>
                  {event.actorName ? (
                    <Typography.Text type="secondary"> · {event.actorName}</Typography.Text>
                  ) : null}
                  {event.caseId ? (
                    <Link to={`/cases/${event.caseId}`} style={{ marginInlineStart: 8 }}>
                      {t('timeline.viewCase')}
                    </Link>
                  ) : null}
                  {text.detail ? (
                    <Typography.Paragraph
                      type="secondary"
                      style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }}
                    >
                      {text.detail}
                    </Typography.Paragraph>
                  ) : null}
                </div>
              ),
            };
          })}
        />
      )}
    </QueryState>
  );
}
