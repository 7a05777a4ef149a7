import { useEffect } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Row, Select } from 'antd';
import {
  ROLE_CODES,
  ROLES,
  violatesSeparationOfDuties,
  type RoleCode,
  type SetRolesRequest,
  type UserListItem,
} from '@qizhi/domain';
import { FormModal } from '../../platform/form-modal.tsx';
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
  const { clearProblem } = saver;
  const chosen = (Form.useWatch('roles', form) ?? []).flatMap((r) => (r.role ? [r.role] : []));

  useEffect(() => {
    if (!user) return;
    clearProblem();
    form.setFieldsValue({ roles: user.roles.map((g) => ({ role: g.role, orgUnitId: g.orgUnitId })) });
  }, [user, form, clearProblem]);

  return (
    <FormModal<RolesForm>
      open={user !== null}
      title={user ? `授予角色：${user.displayName}（${user.username}）` : ''}
      form={form}
      saver={saver}
      onCancel={onClose}
      width={640}
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
      <Form.List name="roles">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={8} wrap={false} align="top">
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
                <Col flex="32px">
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label="移除角色"
                    onClick={() => {
                      remove(field.name);
                    }}
                  />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => {
                add({ orgUnitId: null });
              }}
            >
              添加角色
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
