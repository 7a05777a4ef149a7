import { ArrowLeftOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { chineseDate, GENDER_LABELS, paidUpToLabel, type TransferItem } from '@qizhi/domain';
import { PrintButton } from '../../platform/print-button.tsx';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useQuery } from '@tanstack/react-query';
import type { MemberDetail } from '@qizhi/domain';
import { membersApi } from '../members/members.api.ts';
import { membersKey } from '../members/members.queries.ts';
import styles from './transfers.module.css';
import { useTransfer } from './transfers.queries.ts';

function Fill({ children }: { children: React.ReactNode }) {
  return <span className={styles.fill}>{children}</span>;
}

function standingOf(status: string | undefined): string {
  return status === 'probationary' ? '预备' : '正式';
}

/**
 * 中国共产党党员组织关系介绍信 in its usual three parts — the stub the sending unit keeps (存根), the
 * letter the member carries, and the receipt (回执) the receiving organisation returns — on one A4
 * page, cut along the dashed lines.
 */
function Letter({ t, person }: { t: TransferItem; person: MemberDetail | undefined }) {
  const standing = standingOf(person?.status);
  const days = t.validDays ?? 0;
  const issued = chineseDate(t.issuedOn);
  const no = <Fill>{t.letterNo}</Fill>;
  return (
    <div className={styles.letter} data-testid="transfer-letter">
      <section className={styles.part}>
        <h2>中国共产党党员组织关系介绍信（存根）</h2>
        <p className={styles.number}>第{no}号</p>
        <p className={styles.body}>
          <Fill>{t.personName}</Fill>同志系中共<Fill>{standing}</Fill>党员，组织关系由<Fill>{t.fromName}</Fill>
          转到<Fill>{t.toName}</Fill>。
        </p>
        <p className={styles.body}>
          党费交到<Fill>{paidUpToLabel(t.duesPaidUpTo)}</Fill>。
        </p>
        <p className={styles.signature}>
          有效期<Fill>{days}</Fill>天（至{chineseDate(t.validUntil ?? t.issuedOn)}） {issued}
        </p>
      </section>
      <hr className={styles.cut} />
      <div className={styles.cutLabel}>（沿虚线剪开）</div>
      <section className={styles.part}>
        <h2>中国共产党党员组织关系介绍信</h2>
        <p className={styles.number}>第{no}号</p>
        <p>
          <Fill>{t.toName}</Fill>：
        </p>
        <p className={styles.body}>
          兹介绍<Fill>{t.personName}</Fill>同志（<Fill>{person ? GENDER_LABELS[person.gender] : ''}</Fill>，
          <Fill>{person?.ethnicity ?? ''}</Fill>族）系中共<Fill>{standing}</Fill>党员，由<Fill>{t.fromName}</Fill>去
          <Fill>{t.toName}</Fill>，请转接组织关系。该同志党费已交到<Fill>{paidUpToLabel(t.duesPaidUpTo)}</Fill>。
        </p>
        <p className={styles.signature}>
          有效期<Fill>{days}</Fill>天 （盖章）
          <br />
          {issued}
        </p>
      </section>
      <hr className={styles.cut} />
      <div className={styles.cutLabel}>（沿虚线剪开）</div>
      <section className={styles.part}>
        <h2>中国共产党党员组织关系介绍信回执</h2>
        <p className={styles.number}>第{no}号</p>
        <p>
          <Fill>{t.fromName}</Fill>：
        </p>
        <p className={styles.body}>
          <Fill>{t.personName}</Fill>同志的党员组织关系已转达我处，特此回复。
        </p>
        <p className={styles.signature}>
          （盖章）
          <br />
          {t.receiptOn ? chineseDate(t.receiptOn) : '　　　　年　　月　　日'}
        </p>
      </section>
    </div>
  );
}

/** The printable letter of one transfer out. */
export default function TransferLetterPage() {
  const { id = '' } = useParams();
  const transfer = useTransfer(id);
  const personId = transfer.data?.personId;
  // Gender and ethnicity for the letter; a reader without the roster's permission prints blanks.
  const member = useQuery({
    queryKey: [...membersKey, 'detail', personId],
    queryFn: () => membersApi.get(personId!),
    enabled: !!personId,
    retry: false,
  });
  if (transfer.isPending) return <Skeleton active />;
  if (transfer.isError) return <QueryErrorAlert error={transfer.error} />;
  return (
    <>
      <div className={`page-toolbar no-print ${styles.toolbar}`}>
        <Link to="/transfers">
          <ArrowLeftOutlined /> 返回组织关系转接
        </Link>
        <PrintButton />
      </div>
      <Letter t={transfer.data} person={member.data} />
    </>
  );
}
