import { Alert, Col, Form, Select } from 'antd';
import {
  ROLE_CODES,
  ROLES,
  violatesSeparationOfDuties,
  type RoleCode,
  type SetRolesRequest,
  type UserListItem,
} from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
import { FormRows } from '../../platform/form-rows.tsx';
import ui from '../../platform/ui.module.css';
import { useSave } from '../../platform/use-save.ts';
import { OrgUnitSelect } from '../org/org-unit-select.tsx';
import { usersApi } from './users.api.ts';
import { usersKey } from './users.queries.ts';

interface RolesForm {
  roles?: { role?: RoleCode; orgUnitId?: string | null }[];
}

const roleOptions = ROLE_CODES.map((code) => ({
  value: code,
  label: ROLES[code].name,
  title: ROLES[code].description,
}));

/** 授予角色: each role for the whole court (范围留空) or for one organisation and everything below it. */
export function UserRolesModal({ user, onClose }: { user: UserListItem | null; onClose: () => void }) {
  const [form] = Form.useForm<RolesForm>();
  const saver = useSave({
    save: (values: RolesForm) => {
      const body: SetRolesRequest = {
        roles: (values.roles ?? []).flatMap((r) => (r.role ? [{ role: r.role, orgUnitId: r.orgUnitId ?? null }] : [])),
      };
      return usersApi.setRoles(user?.id ?? '', body);
    },
    invalidates: [usersKey],
    success: `已更新 ${user?.displayName ?? ''} 的角色`,
    showError: 'alert',
    onSaved: onClose,
  });
  const chosen = (Form.useWatch('roles', form) ?? []).flatMap((r) => (r.role ? [r.role] : []));

  return (
    <FormModal<RolesForm>
      open={user !== null}
      title={user ? `授予角色：${user.displayName}（${user.username}）` : ''}
      form={form}
      saver={saver}
      onCancel={onClose}
      width={640}
      initialValues={{ roles: (user?.roles ?? []).map((g) => ({ role: g.role, orgUnitId: g.orgUnitId })) }}
      notice={
        violatesSeparationOfDuties(chosen) && (
          <Alert
            type="warning"
            showIcon
            title="系统管理员、安全管理员、审计管理员须由不同的人担任（三员分立）"
            className={ui.above}
          />
        )
      }
    >
      <FormRows name="roles" newRow={{ orgUnitId: null }} addLabel="添加角色" removeLabel="移除角色">
        {(field) => (
          <>
            <Col flex="1 1 160px">
              <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: '请选择角色' }]}>
                <Select options={roleOptions} placeholder="角色" />
              </Form.Item>
            </Col>
            <Col flex="1 1 200px">
              <Form.Item name={[field.name, 'orgUnitId']}>
                <OrgUnitSelect placeholder="范围：全院" />
              </Form.Item>
            </Col>
          </>
        )}
      </FormRows>
    </FormModal>
  );
}
