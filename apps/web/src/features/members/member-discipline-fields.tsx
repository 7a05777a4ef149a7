import { Col, DatePicker, Form } from 'antd';
import type { MemberDetail } from '@qizhi/domain';
import ui from '../../platform/ui.module.css';

const half = { xs: 24, sm: 12 } as const;

/**
 * 留党察看 and suspension of a member's rights, with their dates: while either lasts the member
 * has no vote at meetings (rules.md). An open end means it still lasts.
 */
export function MemberDisciplineFields() {
  return (
    <>
      <Col {...half}>
        <Form.Item name="probationFrom" label="留党察看开始">
          <DatePicker className={ui.block} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="probationTo" label="留党察看结束" extra="期满或撤销之日；未满留空">
          <DatePicker className={ui.block} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="suspendedFrom" label="暂停党员权利开始" extra="如被留置、逮捕">
          <DatePicker className={ui.block} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="suspendedTo" label="暂停党员权利结束" extra="恢复之日；未恢复留空">
          <DatePicker className={ui.block} />
        </Form.Item>
      </Col>
    </>
  );
}

function period(from: string | null, to: string | null): string {
  return `${from ?? ''} 至 ${to ?? '今'}`;
}

/** The member page's line on party discipline: what is recorded, or 无. */
export function disciplineText(m: MemberDetail): string {
  const parts: string[] = [];
  if (m.probationFrom) parts.push(`留党察看（${period(m.probationFrom, m.probationTo)}）`);
  if (m.suspendedFrom) parts.push(`暂停党员权利（${period(m.suspendedFrom, m.suspendedTo)}）`);
  return parts.length > 0 ? `${parts.join('；')}，期间没有表决权` : '无';
}
