/**
 * Which role an account made for a roster person gets when the officer names none (`POST
 * /api/users/bulk` without `roleCode`): the member role (党员) for party members — full and
 * probationary (正式党员、预备党员), the members of rules.md — and 干警 (`staff`) for everyone else
 * on the roster: 群众 and those on the way to membership (申请人、积极分子、发展对象). The 党员 role
 * reads the party organisation's tree and roster statistics, which is the members' business; 干警
 * gives every other person their own 我的 pages, meetings they are invited to included.
 */
import type { RoleCodeValue } from './permissions.ts';

export function defaultAccountRole(status: string): Extract<RoleCodeValue, 'member' | 'staff'> {
  return status === 'full' || status === 'probationary' ? 'member' : 'staff';
}
