import { Col, DatePicker, Form, Input, Select } from 'antd';
import {
  PARTY_STANDING_LABELS,
  PARTY_STANDINGS,
  WORK_POST_LABELS,
  WORK_POSTS,
  type DevelopmentFactField,
  type MemberDetail,
} from '@qizhi/domain';
import ui from '../../platform/ui.module.css';

const half = { xs: 24, sm: 12 } as const;
export const workPostOptions = WORK_POSTS.map((value) => ({ value, label: WORK_POST_LABELS[value] }));
const standingOptions = PARTY_STANDINGS.map((value) => ({ value, label: PARTY_STANDING_LABELS[value] }));
const FROM_DEVELOPMENT = '取自发展党员纪实，请在“发展党员”中修改';

/**
 * The fields the 全国党员管理信息系统 keeps beside Qizhi's own: 籍贯, 工作岗位, 党籍状态, 入党介绍人,
 * 组织关系转入日期 and the stage dates. Those the person's development steps hold are shown, not asked.
 */
export function MemberRecordFields({
  joined,
  fromDevelopment = [],
}: {
  joined: boolean;
  fromDevelopment?: readonly DevelopmentFactField[];
}) {
  const fixed = (field: DevelopmentFactField) =>
    fromDevelopment.includes(field) ? { disabled: true, extra: FROM_DEVELOPMENT } : {};
  const date = (name: DevelopmentFactField, label: string) => (
    <Col {...half}>
      <Form.Item name={name} label={label} extra={fixed(name).extra}>
        <DatePicker className={ui.block} disabled={fixed(name).disabled} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Col {...half}>
        <Form.Item name="nativePlace" label="籍贯">
          <Input maxLength={60} placeholder="如：山西临汾" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="workPost" label="工作岗位" extra="党内统计的职业分类">
          <Select options={workPostOptions} allowClear />
        </Form.Item>
      </Col>
      {joined && (
        <Col {...half}>
          <Form.Item name="partyStanding" label="党籍状态" extra="不填即为正常">
            <Select options={standingOptions} allowClear />
          </Form.Item>
        </Col>
      )}
      {joined && (
        <Col {...half}>
          <Form.Item name="transferredInOn" label="组织关系转入日期">
            <DatePicker className={ui.block} />
          </Form.Item>
        </Col>
      )}
      {date('appliedOn', '申请入党日期')}
      {date('activistOn', '确定积极分子日期')}
      {date('candidateOn', '确定发展对象日期')}
      <Col {...half}>
        <Form.Item name="sponsors" label="入党介绍人" extra={fixed('sponsors').extra}>
          <Input maxLength={60} placeholder="两人，以顿号分隔" disabled={fixed('sponsors').disabled} />
        </Form.Item>
      </Col>
    </>
  );
}

/** The record's national-system lines for the member page. */
export function recordItems(member: MemberDetail) {
  const dash = (value: string | null | undefined): string => (value?.trim() ? value : '—');
  const note = (field: DevelopmentFactField) => (member.fromDevelopment.includes(field) ? '（发展党员纪实）' : '');
  return [
    { key: 'nativePlace', label: '籍贯', children: dash(member.nativePlace) },
    { key: 'workPost', label: '工作岗位', children: member.workPost ? WORK_POST_LABELS[member.workPost] : '—' },
    {
      key: 'partyStanding',
      label: '党籍状态',
      children: member.partyStanding ? PARTY_STANDING_LABELS[member.partyStanding] : '—',
    },
    { key: 'sponsors', label: '入党介绍人', children: `${dash(member.sponsors)}${note('sponsors')}` },
    { key: 'transferredInOn', label: '组织关系转入日期', children: dash(member.transferredInOn) },
    { key: 'appliedOn', label: '申请入党日期', children: `${dash(member.appliedOn)}${note('appliedOn')}` },
    { key: 'activistOn', label: '确定积极分子日期', children: `${dash(member.activistOn)}${note('activistOn')}` },
    { key: 'candidateOn', label: '确定发展对象日期', children: `${dash(member.candidateOn)}${note('candidateOn')}` },
  ];
}
