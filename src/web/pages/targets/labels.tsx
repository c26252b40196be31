import { Tag } from 'antd';
import { REVIEW_STEP_LABELS, type ReviewStep } from '../../../core/targets/review-chain.ts';
import {
  LIGHT_LABELS,
  type Light,
  TARGET_STATUS_LABELS,
  type TargetStatus,
} from '../../../core/targets/vocab.ts';

const STATUS_COLORS = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  approved: 'success',
  rejected: 'red',
} as const satisfies Record<TargetStatus, string>;

/** The status; while 已报送, with the step of the review chain it waits at. */
export const TargetStatusTag = ({ status, step }: { status: TargetStatus; step?: ReviewStep | null }) => (
  <Tag color={STATUS_COLORS[status]} data-status={status} data-step={step ?? undefined}>
    {TARGET_STATUS_LABELS[status]}
    {status === 'submitted' && step ? ` · 待${REVIEW_STEP_LABELS[step]}` : ''}
  </Tag>
);

const LIGHT_COLORS = {
  red: '#cf1322',
  yellow: '#d4b106',
  green: '#389e0d',
  blue: '#1d39c4',
} as const satisfies Record<Light, string>;

/** A monitoring light as a coloured dot with its name; "未填" before there is one. */
export const LightTag = ({ light, pace }: { light: Light | null | undefined; pace?: string | null }) =>
  light ? (
    <Tag color={LIGHT_COLORS[light]} data-light={light}>
      {LIGHT_LABELS[light]}
      {pace ? ` ${pace}%` : ''}
    </Tag>
  ) : (
    <Tag data-light="none">未填</Tag>
  );
