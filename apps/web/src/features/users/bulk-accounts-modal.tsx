import { useState } from 'react';
import { Alert, Form, Modal, Radio, Select, Typography } from 'antd';
import { collectSubtreeIds, type BulkCreateAccountsResponse, type PersonChoice } from '@qizhi/domain';
import { useSave } from '../../platform/use-save.ts';
import { useOrgUnits } from '../org/org.queries.ts';
import { choiceLabel } from './account-person-select.tsx';
import { usersApi } from './users.api.ts';
import { usersKey, usePersonChoices } from './users.queries.ts';

type Scope = 'all' | 'org' | 'people';

export interface BulkResult {
  result: BulkCreateAccountsResponse;
  people: Map<string, PersonChoice>;
  signInUrl: string;
}

/** 按花名册建号: accounts for everyone without one — the whole court, an organisation, or chosen people. */
export function BulkAccountsModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (done: BulkResult) => void;
}) {
  const choices = usePersonChoices(open);
  const units = useOrgUnits(open);
  const [scope, setScope] = useState<Scope>('all');
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>();
  const [picked, setPicked] = useState<string[]>([]);
  const people = choices.data?.items ?? [];
  const without = people.filter((p) => p.username === null);
  const inOrg = orgUnitId ? new Set(collectSubtreeIds(units.data ?? [], orgUnitId)) : null;
  const targets =
    scope === 'all'
      ? without
      : scope === 'org'
        ? without.filter((p) => inOrg !== null && p.orgUnitId !== null && inOrg.has(p.orgUnitId))
        : without.filter((p) => picked.includes(p.id));
  const create = useSave({
    save: () => usersApi.bulkCreate({ personIds: targets.map((p) => p.id) }),
    invalidates: [usersKey],
    showError: 'alert',
    onSaved: (result) => {
      onCreated({
        result,
        people: new Map(people.map((p) => [p.id, p])),
        signInUrl: choices.data?.signInUrl ?? window.location.origin,
      });
      setPicked([]);
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title="按花名册建号"
      okText={`为 ${String(targets.length)} 人建号`}
      cancelText="取消"
      okButtonProps={{ disabled: targets.length === 0 }}
      confirmLoading={create.saving}
      onOk={() => {
        create.save();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {create.problem && <Alert type="error" showIcon title={create.problem} />}
      <Form layout="vertical">
        <Form.Item label="为谁建号">
          <Radio.Group
            value={scope}
            onChange={(e) => {
              setScope(e.target.value as Scope);
            }}
            options={[
              { value: 'all', label: `全院尚无账号的人员（${String(without.length)}人）` },
              { value: 'org', label: '某个党组织（含下级）' },
              { value: 'people', label: '选定人员' },
            ]}
          />
        </Form.Item>
        {scope === 'org' && (
          <Form.Item label="党组织">
            <Select
              aria-label="党组织"
              placeholder="选择党组织"
              value={orgUnitId}
              onChange={setOrgUnitId}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
        {scope === 'people' && (
          <Form.Item label="人员">
            <Select
              aria-label="人员"
              mode="multiple"
              placeholder="输入姓名搜索"
              value={picked}
              onChange={setPicked}
              options={without.map((p) => ({ value: p.id, label: choiceLabel(p) }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
      </Form>
      <Typography.Paragraph type="secondary">
        用户名取姓名拼音（重名加数字）；党员授予“党员”角色，群众授予“干警”角色，其他角色由安全管理员授予。
        每人生成一次性初始密码，只显示这一次，首次登录须修改。已有账号的人员不会重复建号。
      </Typography.Paragraph>
    </Modal>
  );
}
