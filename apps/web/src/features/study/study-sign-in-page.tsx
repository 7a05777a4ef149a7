import { useState } from 'react';
import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, Card, Flex, Result, Spin, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatCourtDateTime } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { SignInCodeEntry } from '../../platform/sign-in-code-entry.tsx';
import { StudyKindTag } from './study-labels.tsx';
import { studyApi } from './study.api.ts';
import { useStudySave, useStudySession } from './study.queries.ts';
import styles from './study.module.css';

/** 学习签到 on a phone: opened from the QR code (the code in the address) or by typing the code shown. */
export default function StudySignInPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const session = useStudySession(id);
  const linkCode = search.get('code') ?? '';
  const [done, setDone] = useState<{ signedInAt: string; hours: number } | null>(null);
  const signIn = useStudySave({
    save: (typed: string) => studyApi.signIn(id, typed),
    showError: 'alert',
    onSaved: (res) => setDone(res),
  });
  const s = session.data;
  const alreadyIn = s?.myAttendance?.state === 'present' ? s.myAttendance.signedInAt : null;
  const canAuto = !!s?.myAttendance && !alreadyIn;
  return (
    <div className={styles.phonePage}>
      <Card title="学习签到">
        {session.isPending && <Spin />}
        {session.isError && <QueryErrorAlert error={session.error} />}
        {s && (
          <Flex vertical gap="middle">
            <div>
              <StudyKindTag kind={s.kind} />
              <Typography.Title level={4}>{s.title}</Typography.Title>
              <Typography.Text type="secondary">
                {formatCourtDateTime(s.startsAt)} · {s.place} · {s.hours}学时
              </Typography.Text>
            </div>
            {done || alreadyIn ? (
              <Result
                icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
                title="签到成功"
                subTitle={`签到时间：${formatCourtDateTime(done?.signedInAt ?? alreadyIn ?? '')}，计入${String(done?.hours ?? s.hours)}学时`}
              />
            ) : !s.myAttendance ? (
              <Alert type="warning" showIcon title="您不在本次学习的应参加人员中，如有疑问请联系组织者。" />
            ) : (
              <SignInCodeEntry
                linkCode={linkCode}
                autoSignIn={canAuto}
                saving={signIn.saving}
                problem={signIn.problem}
                onSubmit={signIn.save}
                note="签到码每30秒更换；学习开始前20分钟至开始后30分钟可以签到。"
              />
            )}
            <Link to="/mine">查看我的学时</Link>
          </Flex>
        )}
      </Card>
    </div>
  );
}
