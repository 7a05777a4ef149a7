import { useState } from 'react';
import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, Card, Flex, Result, Spin, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatCourtDateTime } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { SignInCodeEntry } from '../../platform/sign-in-code-entry.tsx';
import { MeetingTypeTag } from './meeting-labels.tsx';
import { meetingsApi } from './meetings.api.ts';
import styles from './meetings.module.css';
import { useMeeting, useMeetingSave } from './meetings.queries.ts';

/** 手机签到: opened from the QR code (the code in the URL) or by typing the code the host shows. */
export default function SignInPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const meeting = useMeeting(id);
  const [done, setDone] = useState<string | null>(null);
  const signIn = useMeetingSave({
    save: (typed: string) => meetingsApi.signIn(id, typed),
    showError: 'alert',
    onSaved: (res) => setDone(res.signedInAt),
  });

  const m = meeting.data;
  const alreadyIn = m?.myAttendance?.state === 'present' && m.myAttendance.signedInAt;
  // Opened from the QR code (also on the way back from signing in): sign in at once, one step.
  const linkCode = search.get('code') ?? '';
  const canAuto = !!m?.myAttendance && !alreadyIn;
  return (
    <div className={styles.phonePage}>
      <Card title="会议签到">
        {meeting.isPending && <Spin />}
        {meeting.isError && <QueryErrorAlert error={meeting.error} />}
        {m && (
          <Flex vertical gap="middle">
            <div>
              <MeetingTypeTag type={m.type} />
              <Typography.Title level={4} className={styles.phoneTitle}>
                {m.topic}
              </Typography.Title>
              <Typography.Text type="secondary">
                {formatCourtDateTime(m.startsAt)} · {m.place}
              </Typography.Text>
            </div>
            {done || alreadyIn ? (
              <Result
                icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
                title="签到成功"
                subTitle={`签到时间：${formatCourtDateTime(done ?? m.myAttendance?.signedInAt ?? '')}`}
              />
            ) : !m.myAttendance ? (
              <Alert type="warning" showIcon title="您不在本次会议的参会人员名单中，如有疑问请联系会议主持人。" />
            ) : (
              <SignInCodeEntry
                linkCode={linkCode}
                autoSignIn={canAuto}
                saving={signIn.saving}
                problem={signIn.problem}
                onSubmit={signIn.save}
                note="签到码每30秒更换，请扫描主持人出示的最新二维码，或输入屏幕上的签到码。"
              />
            )}
            <Link to={`/meetings/${m.id}`}>查看会议详情</Link>
          </Flex>
        )}
      </Card>
    </div>
  );
}
