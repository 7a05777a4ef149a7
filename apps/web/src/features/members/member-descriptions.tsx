import type { ReactNode } from 'react';
import { Descriptions, Space, type DescriptionsProps } from 'antd';
import {
  AGE_BAND_LABELS,
  completedYears,
  courtToday,
  EDUCATION_LABELS,
  formatCourtDateTime,
  GENDER_LABELS,
  type MemberDetail,
} from '@qizhi/domain';
import type { MemberPii } from '../../platform/schema-types.ts';
import { isPartyMember, RetiredTag, StatusTag } from './member-labels.tsx';
import { disciplineText } from './member-discipline-fields.tsx';
import { recordItems } from './member-record-fields.tsx';
import styles from './members.module.css';

interface Props {
  member: MemberDetail;
  /** Full numbers, once revealed. */
  pii?: MemberPii | null;
  /** The 查看完整号码 button, for those allowed to press it. */
  revealAction?: ReactNode;
  /** The self-service card shows fewer fields. */
  compact?: boolean;
}

const dash = (value: string | null | undefined): string => (value?.trim() ? value : '—');

export function MemberDescriptions({ member, pii, revealAction, compact = false }: Props) {
  const partyYears =
    member.joinedOn && isPartyMember(member.status) ? completedYears(member.joinedOn, courtToday()) : null;
  const { idNumber, phone } = pii ?? member;

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '姓名', children: member.name },
    { key: 'gender', label: '性别', children: GENDER_LABELS[member.gender] },
    { key: 'ethnicity', label: '民族', children: dash(member.ethnicity) },
    {
      key: 'birthDate',
      label: member.birthDate || !member.ageBand ? '出生日期' : '年龄段',
      // Without the reveal permission the server sends the age band only.
      children: member.birthDate
        ? `${member.birthDate}${member.age === null ? '' : `（${String(member.age)}岁）`}`
        : member.ageBand
          ? AGE_BAND_LABELS[member.ageBand]
          : '—',
    },
    {
      key: 'idNumber',
      label: '公民身份号码',
      children: (
        <Space wrap size={4}>
          <span className={styles.number}>{dash(idNumber)}</span>
          {!pii && revealAction}
        </Space>
      ),
    },
    { key: 'phone', label: '联系电话', children: <span className={styles.number}>{dash(phone)}</span> },
    { key: 'email', label: '电子邮箱', children: dash(member.email) },
    { key: 'education', label: '学历', children: member.education ? EDUCATION_LABELS[member.education] : '—' },
    {
      key: 'status',
      label: '人员类别',
      children: (
        <>
          <StatusTag status={member.status} />
          <RetiredTag retired={member.retired} />
        </>
      ),
    },
    { key: 'joinedOn', label: '入党时间', children: dash(member.joinedOn) },
    { key: 'confirmedOn', label: '转正时间', children: dash(member.confirmedOn) },
    { key: 'partyAge', label: '党龄', children: partyYears === null ? '—' : `${String(partyYears)}年` },
    { key: 'orgUnit', label: '所在党组织', children: dash(member.orgUnitName) },
    { key: 'department', label: '所在部门', children: dash(member.departmentName) },
    { key: 'position', label: '职务', children: dash(member.position) },
    { key: 'partyPosts', label: '党内职务', children: dash(member.partyPosts) },
    { key: 'discipline', label: '留党察看、暂停权利', children: disciplineText(member) },
    ...recordItems(member),
  ];
  if (!compact) {
    items.push(
      {
        key: 'retired',
        label: '离退休',
        children: member.retired ? `是${member.retiredOn ? `（${member.retiredOn}）` : ''}` : '否',
      },
      { key: 'account', label: '系统账号', children: member.hasAccount ? '已开通' : '未开通' },
      { key: 'updatedAt', label: '最后更新', children: formatCourtDateTime(member.updatedAt) },
      { key: 'notes', label: '备注', span: 'filled', children: dash(member.notes) },
    );
  }
  return (
    <Descriptions
      bordered
      size="small"
      column={compact ? { xs: 1, sm: 2 } : { xs: 1, sm: 2, lg: 3 }}
      classNames={{ label: styles.label }}
      items={items}
    />
  );
}
