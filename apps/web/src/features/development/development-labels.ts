import { MEMBERSHIP_STATUS_LABELS, NON_PARTY_LABEL, type PersonStatus } from '@qizhi/domain';

export function statusLabel(status: PersonStatus): string {
  return status === 'non_party' ? NON_PARTY_LABEL : MEMBERSHIP_STATUS_LABELS[status];
}
