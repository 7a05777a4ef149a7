import { useState } from 'react';
import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Input, Result, Space, Spin, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, errorMessage } from '../../platform/api.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { formatShanghai, MeetingTypeTag } from './meeting-labels.tsx';
import { refreshMeetings, useMeeting } from './meetings-queries.ts';

/** 手机签到: opened from the QR code (the code in the URL) or by typing the code the host shows. */
export default function SignInPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const meeting = useMeeting(id);
  const [code, setCode] = useState(search.get('code') ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit() {
    setBusy(true);
    setProblem(null);
    try {
      const res = await api.post<{ signedInAt: string }>(`/api/meetings/${encodeURIComponent(id)}/sign-in`, {
        code: code.trim(),
      });
      setDone(res.signedInAt);
      await refreshMeetings();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const m = meeting.data;
  const alreadyIn = m?.myAttendance?.state === 'present' && m.myAttendance.signedInAt;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }}>
      <Card title="会议签到">
        {meeting.isPending && <Spin />}
        {meeting.isError && <QueryErrorAlert error={meeting.error} />}
        {m && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <div>
              <MeetingTypeTag type={m.type} />
              <Typography.Title level={4} style={{ margin: '8px 0' }}>
                {m.topic}
              </Typography.Title>
              <Typography.Text type="secondary">
                {formatShanghai(m.startsAt)} · {m.place}
              </Typography.Text>
            </div>
            {done || alreadyIn ? (
              <Result
                icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
                title="签到成功"
                subTitle={`签到时间：${formatShanghai(done ?? m.myAttendance?.signedInAt ?? '')}`}
              />
            ) : !m.myAttendance ? (
              <Alert type="warning" showIcon title="您不在本次会议的参会人员名单中，如有疑问请联系会议主持人。" />
            ) : (
              <>
                <Input
                  size="large"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  placeholder="6位签到码"
                  value={code}
                  onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
                  onPressEnter={() => void submit()}
                  style={{ fontSize: 28, letterSpacing: 6, textAlign: 'center' }}
                  aria-label="签到码"
                />
                {problem && <Alert type="error" showIcon title={problem} />}
                <Button
                  type="primary"
                  size="large"
                  block
                  loading={busy}
                  disabled={code.length !== 6}
                  onClick={() => void submit()}
                >
                  签到
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  签到码每30秒更换，请扫描主持人出示的最新二维码，或输入屏幕上的签到码。
                </Typography.Text>
              </>
            )}
            <Link to={`/meetings/${m.id}`}>查看会议详情</Link>
          </Space>
        )}
      </Card>
    </div>
  );
}
