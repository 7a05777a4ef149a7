import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { createPortal } from 'react-dom';
import { useSave } from '../../platform/use-save.ts';
import type { BulkResult } from './bulk-accounts-modal.tsx';
import { usersApi } from './users.api.ts';
import styles from './account-slips.module.css';

function SlipList({
  done,
  className,
  print = false,
}: {
  done: BulkResult;
  className: string | undefined;
  print?: boolean;
}) {
  return (
    <div className={className} data-testid={print ? undefined : 'account-slips'}>
      {done.result.created.map((a) => {
        const person = done.people.get(a.personId);
        return (
          <section key={a.userId} className={styles.slip}>
            <div className={styles.title}>旗帜党建平台 · 账号通知</div>
            <dl>
              <dt>姓名</dt>
              <dd>{person?.name}</dd>
              <dt>所在组织</dt>
              <dd>{person?.orgUnitName ?? '—'}</dd>
              <dt>用户名</dt>
              <dd className={styles.mono} data-testid={print ? undefined : 'slip-username'}>
                {a.username}
              </dd>
              <dt>初始密码</dt>
              <dd className={styles.mono} data-testid={print ? undefined : 'slip-password'}>
                {a.initialPassword}
              </dd>
              <dt>登录地址</dt>
              <dd className={styles.mono}>{done.signInUrl}</dd>
            </dl>
            <div className={styles.note}>首次登录后须修改密码。请妥善保管，勿转告他人。</div>
          </section>
        );
      })}
    </div>
  );
}

/**
 * The accounts just made, shown once: one slip per person to print and cut (name, organisation,
 * username, initial password, where to sign in) and the officer's .xlsx. Nothing here is kept.
 */
export function AccountSlips({ done, onClose }: { done: BulkResult | null; onClose: () => void }) {
  const download = useSave({
    save: () => usersApi.downloadSlips(done?.result.created ?? []),
    success: (name) => `已下载 ${name}`,
  });
  const created = done?.result.created ?? [];
  const skipped = done?.result.skipped ?? [];
  return (
    <Modal
      open={done !== null}
      title="账号已建好"
      width={960}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            disabled={created.length === 0}
            loading={download.saving}
            onClick={() => download.save()}
          >
            下载 Excel
          </Button>
          <Button icon={<PrinterOutlined />} disabled={created.length === 0} onClick={() => window.print()}>
            打印账号条
          </Button>
          <Button type="primary" onClick={onClose}>
            我已打印或下载
          </Button>
        </Space>
      }
    >
      <Alert
        type="warning"
        showIcon
        title={`新建 ${String(created.length)} 个账号${skipped.length > 0 ? `，跳过 ${String(skipped.length)} 人` : ''}。初始密码只显示这一次`}
        description="请打印账号条（每人一条，剪开后当面交给本人）或下载 Excel；关闭本窗口后无法再查看这些密码，只能重置。"
      />
      {skipped.length > 0 && (
        <Typography.Paragraph type="secondary" className={styles.skipped}>
          跳过：
          {skipped.map((s) => `${done?.people.get(s.personId)?.name ?? s.personId}（${s.reason}）`).join('；')}
        </Typography.Paragraph>
      )}
      {done !== null && <SlipList done={done} className={styles.slips} />}
      {/* What the printer gets: straight under <body>, so pages break between slips, not at the dialog. */}
      {done !== null && createPortal(<SlipList done={done} className={styles.printSheet} print />, document.body)}
    </Modal>
  );
}
