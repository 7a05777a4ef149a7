import {
  BulkCreateAccountsResponse,
  OkResponse,
  PersonChoicesResponse,
  RolesResponse,
  TemporaryPasswordResponse,
  UserListItem,
  UserPage,
  type BulkCreateAccountsRequest,
  type CreatedAccount,
  type CreateUserRequest,
  type SetRolesRequest,
} from '@qizhi/domain';
import { call, seg } from '../../platform/api-client.ts';
import type { UpdateUserRequest } from '../../platform/schema-types.ts';

export interface UsersListParams {
  q?: string;
  page: number;
  pageSize: number;
}

/** Accounts (用户管理) and the roles they may be granted (角色权限). */
export const usersApi = {
  list: (params: UsersListParams) => call.get(UserPage, '/api/users', { ...params }),
  /** Answers the account with its temporary password, shown once. */
  create: (body: CreateUserRequest) => call.post(TemporaryPasswordResponse, '/api/users', body),
  update: (id: string, body: UpdateUserRequest) => call.patch(UserListItem, `/api/users/${seg(id)}`, body),
  resetPassword: (id: string) => call.post(TemporaryPasswordResponse, `/api/users/${seg(id)}/reset-password`),
  unlock: (id: string) => call.post(UserListItem, `/api/users/${seg(id)}/unlock`),
  /** 双因素登录 reset by the 安全管理员 (not an administrator's: that is the server's CLI). */
  resetTwoFactor: (id: string) => call.post(OkResponse, `/api/users/${seg(id)}/two-factor/reset`),
  setRoles: (id: string, body: SetRolesRequest) => call.put(UserListItem, `/api/users/${seg(id)}/roles`, body),
  roles: () => call.get(RolesResponse, '/api/roles'),
  /** Roster people by name and organisation only (what the 系统管理员 may see), with their account if any. */
  personChoices: (query: { q?: string; orgUnitId?: string }) =>
    call.get(PersonChoicesResponse, '/api/users/person-choices', query),
  /** Accounts for roster people; each initial password is in this answer only. */
  bulkCreate: (body: BulkCreateAccountsRequest) => call.post(BulkCreateAccountsResponse, '/api/users/bulk', body),
  /** The officer's .xlsx of the accounts just created, made by the server from them and not kept. */
  downloadSlips: (accounts: CreatedAccount[]) =>
    call.download('/api/users/account-slips.xlsx', undefined, '账号及初始密码.xlsx', { accounts }),
};
