import { useState } from 'react';
import {
  ApartmentOutlined,
  ArrowLeftOutlined,
  EditOutlined,
  EyeOutlined,
  HomeOutlined,
  LogoutOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Skeleton, Space } from 'antd';
import { LEAVING_REASON_LABELS } from '@qizhi/domain';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../platform/api.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import type { MemberPii } from '../../platform/schema-types.ts';
import { useCan } from '../../platform/session.tsx';
import { useSave } from '../../platform/use-save.ts';
import { MemberSanctionsSection } from '../honours/member-sanctions-section.tsx';
import { TransferHistorySection } from '../transfers/transfer-history-section.tsx';
import { MemberActionModal, type MemberAction } from './member-actions.tsx';
import { MemberDescriptions } from './member-descriptions.tsx';
import { MemberFormDrawer } from './member-form-drawer.tsx';
import { LeavingModal } from './leaving-modal.tsx';
import { LeftTag, RetiredTag, StatusTag } from './member-labels.tsx';
import { membersApi } from './members.api.ts';
import styles from './members.module.css';
import { PEOPLE_CHANGED, useMember } from './members.queries.ts';

export default function MemberDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const { modal } = App.useApp();
  const member = useMember(id);
  const [pii, setPii] = useState<MemberPii | null>(null);
  const reveal = useSave({ save: () => membersApi.pii(id), onSaved: setPii });
  const unretire = useSave({
    save: () => membersApi.update(id, { retired: false, retiredOn: null }),
    invalidates: PEOPLE_CHANGED,
    success: '已改为在职',
  });
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState<MemberAction>(null);
  const [leaving, setLeaving] = useState(false);

  const back = (
    <Link to="/members" className="no-print">
      <ArrowLeftOutlined /> 返回花名册
    </Link>
  );

  if (member.isPending)
    return (
      <Card>
        {back}
        <Skeleton active className={styles.skeleton} />
      </Card>
    );
  if (member.isError) {
    if (member.error instanceof ApiError && member.error.status === 404) {
      return (
        <Result status="404" title="人员不存在" subTitle="此人可能已被删除，或不在您可以查看的范围内。" extra={back} />
      );
    }
    return <QueryErrorAlert error={member.error} />;
  }
  const person = member.data;

  function revealPii() {
    modal.confirm({
      title: '查看完整号码',
      content: '查看完整号码将被记录在审计日志中。确认查看吗？',
      okText: '确认查看',
      cancelText: '取消',
      onOk: () => reveal.saveAsync(),
    });
  }

  function unmarkRetired() {
    modal.confirm({
      title: '取消离退休标记',
      content: `确认将 ${person.name} 改为在职吗？`,
      okText: '确认',
      cancelText: '取消',
      onOk: () => unretire.saveAsync(),
    });
  }

  const manage = can('people.manage');
  return (
    <Card>
      {back}
      <div className={`page-toolbar ${styles.toolbar}`}>
        <Space wrap align="center">
          <h1 className="page-title">{person.name}</h1>
          <StatusTag status={person.status} />
          <RetiredTag retired={person.retired} />
          <LeftTag leftOn={person.leftOn} reason={person.leftReason} />
        </Space>
        {manage && (
          <Space wrap className="no-print">
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => {
                setEditing(true);
              }}
            >
              编辑
            </Button>
            {!person.leftOn && (
              <>
                <Button
                  icon={<ApartmentOutlined />}
                  onClick={() => {
                    setAction('move');
                  }}
                >
                  调整党小组
                </Button>
                {person.retired ? (
                  <Button icon={<HomeOutlined />} onClick={unmarkRetired}>
                    取消离退休标记
                  </Button>
                ) : (
                  <Button
                    icon={<HomeOutlined />}
                    onClick={() => {
                      setAction('retire');
                    }}
                  >
                    标记离退休
                  </Button>
                )}
                <Button
                  danger
                  icon={<LogoutOutlined />}
                  onClick={() => {
                    setLeaving(true);
                  }}
                >
                  办理离开
                </Button>
              </>
            )}
          </Space>
        )}
      </div>
      {person.leftOn && person.leftReason && (
        <Alert
          type="info"
          showIcon
          className={styles.leftNotice}
          message={`已于 ${person.leftOn} 离开本院（${LEAVING_REASON_LABELS[person.leftReason]}），不在在册名单中`}
          description={person.leftNote ?? undefined}
        />
      )}
      <MemberDescriptions
        member={person}
        pii={pii}
        revealAction={
          can('people.pii.reveal') && (person.idNumber ?? person.phone) ? (
            <Button size="small" type="link" icon={<EyeOutlined />} onClick={revealPii} className="no-print">
              查看完整号码
            </Button>
          ) : null
        }
      />
      <MemberSanctionsSection personId={person.id} />
      <TransferHistorySection personId={person.id} />
      <MemberFormDrawer
        open={editing}
        member={person}
        onClose={() => {
          setEditing(false);
        }}
        onSaved={() => {
          setPii(null);
        }}
      />
      <LeavingModal
        member={person}
        open={leaving}
        onClose={() => {
          setLeaving(false);
        }}
      />
      <MemberActionModal
        member={person}
        action={action}
        onClose={() => {
          setAction(null);
        }}
      />
    </Card>
  );
}
