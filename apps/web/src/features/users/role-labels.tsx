import { Tag } from 'antd';
import { ROLES, SEPARATED_ADMIN_ROLES, type RoleGrant } from '@qizhi/domain';
import styles from './users.module.css';

export function roleName(role: RoleGrant['role']): string {
  return ROLES[role].name;
}

/** A role grant as a tag: 支部书记 · 第一党支部, or just the role when granted for the whole court. */
export function RoleGrantTag({ grant, orgName }: { grant: RoleGrant; orgName: string | undefined }) {
  const admin = SEPARATED_ADMIN_ROLES.includes(grant.role);
  return (
    <Tag color={admin ? 'purple' : 'red'} className={styles.grant}>
      {roleName(grant.role)}
      {grant.orgUnitId ? ` · ${orgName ?? '指定组织'}` : ''}
    </Tag>
  );
}
