/** What the meeting family does when a person leaves the court (the roster's 办理离开). */
import type { Db } from '../../../platform/db.ts';
import { deleteUpcomingAttendance } from './plan.repo.ts';

/**
 * Off the lists of meetings not yet held, in the caller's transaction; held and closed meetings keep
 * them as they were. Answers how many lists they left.
 */
export async function removeFromUpcomingMeetings(tx: Db, tenantId: string, personId: string): Promise<number> {
  return deleteUpcomingAttendance(tx, tenantId, personId, new Date());
}
