import {
  ClockCircleOutlined,
  RollbackOutlined,
  SafetyOutlined,
  SendOutlined,
  StopOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Button, Flex, Tooltip } from 'antd';
import { type ReactNode, useState } from 'react';
import { type CaseStage, isEliminationStage, STAGE_RULES } from '../../../shared/case-workflow.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { AssignHelperModal } from './AssignHelperModal.js';
import {
  ClassifyModal,
  EliminationModal,
  SafetyNetModal,
  type Workflow,
  WorkflowModal,
} from './CaseDialogs.js';
import { stageLabel } from './codes.js';
import type { CaseTabProps } from './context.js';

type Dialog = Workflow | 'classify' | 'elimination' | 'safety_net' | 'helper' | null;

/**
 * The buttons the server allows this user now (allowedActions), each opening its form; an action the
 * procedure refuses today (blockedActions) is shown disabled with its reason and the day it opens.
 */
export function CaseActionBar({ detail }: CaseTabProps) {
  const { t, pick } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const allowed = new Set(detail.allowedActions);
  const rule = STAGE_RULES[detail.stage as CaseStage];
  const inElimination = isEliminationStage(detail.stage);
  const buttons: ReactNode[] = [];
  if (allowed.has('advance')) {
    buttons.push(
      <Button key="advance" type="primary" icon={<SendOutlined />} onClick={() => setDialog('advance')}>
        {rule?.next ? t('case.advanceTo', { stage: stageLabel(pick, rule.next) }) : t('case.advance')}
      </Button>,
    );
  }
  for (const blocked of detail.blockedActions) {
    buttons.push(
      <Tooltip key={`blocked-${blocked.action}`} title={blocked.reason}>
        <Button icon={<ClockCircleOutlined />} disabled data-testid="case-blocked-advance">
          {rule?.next ? t('case.advanceTo', { stage: stageLabel(pick, rule.next) }) : t('case.advance')}
          {blocked.opensOn ? t('case.opensOn', { date: blocked.opensOn }) : ''}
        </Button>
      </Tooltip>,
    );
  }
  if (allowed.has('classify')) {
    buttons.push(
      <Button key="classify" icon={<TagsOutlined />} onClick={() => setDialog('classify')}>
        {t('case.classify')}
      </Button>,
    );
  }
  if (allowed.has('request_elimination')) {
    buttons.push(
      <Button key="elim" type="primary" icon={<TrophyOutlined />} onClick={() => setDialog('elimination')}>
        {t('case.requestElimination')}
      </Button>,
    );
  }
  if (allowed.has('mark_safety_net')) {
    buttons.push(
      <Button key="safety" icon={<SafetyOutlined />} onClick={() => setDialog('safety_net')}>
        {t('case.markSafetyNet')}
      </Button>,
    );
  }
  if (allowed.has('return')) {
    buttons.push(
      <Button key="return" icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
        {rule?.back ? t('case.returnTo', { stage: stageLabel(pick, rule.back) }) : t('case.return')}
      </Button>,
    );
  }
  if (allowed.has('reject')) {
    buttons.push(
      <Button key="reject" danger icon={<StopOutlined />} onClick={() => setDialog('reject')}>
        {inElimination ? t('case.rejectElimination') : t('case.reject')}
      </Button>,
    );
  }
  if (detail.canAssignHelper) {
    buttons.push(
      <Button key="helper" icon={<TeamOutlined />} onClick={() => setDialog('helper')}>
        {t('case.assignHelper')}
      </Button>,
    );
  }
  if (buttons.length === 0) {
    return null;
  }
  const close = () => setDialog(null);
  return (
    <>
      <Flex wrap gap={8} data-testid="case-actions">
        {buttons}
      </Flex>
      <WorkflowModal
        action={dialog === 'advance' || dialog === 'return' || dialog === 'reject' ? dialog : null}
        detail={detail}
        onClose={close}
      />
      <ClassifyModal open={dialog === 'classify'} detail={detail} onClose={close} />
      <EliminationModal open={dialog === 'elimination'} detail={detail} onClose={close} />
      <SafetyNetModal open={dialog === 'safety_net'} detail={detail} onClose={close} />
      <AssignHelperModal
        open={dialog === 'helper'}
        householdIds={[detail.householdId]}
        regionCode={detail.regionCode}
        onClose={close}
        // The assignment invalidates the cases (this one too), so its helper line shows it.
        onDone={close}
      />
    </>
  );
}
