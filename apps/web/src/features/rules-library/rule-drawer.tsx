import { CheckOutlined, EditOutlined, FileOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Flex, Skeleton, Space, Table, Tabs, Tag, Timeline } from 'antd';
import { inCourtZone, type RuleDetail } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useCan, useSession } from '../../platform/session.tsx';
import { useIsPhone } from '../../platform/use-is-phone.ts';
import { useSave } from '../../platform/use-save.ts';
import { filesApi } from '../files/files.api.ts';
import { RuleStatusTag } from './rule-status.tsx';
import { rulesApi } from './rules.api.ts';
import styles from './rules.module.css';
import { rulesKey, useRule, useRuleReaders } from './rules.queries.ts';

/** One rule: its text, its versions and, for those who keep the library, who has not read it. */
export function RuleDrawer({
  ruleId,
  onClose,
  onRevise,
}: {
  ruleId: string | null;
  onClose: () => void;
  onRevise: (r: RuleDetail) => void;
}) {
  const can = useCan();
  const { user } = useSession();
  const isPhone = useIsPhone();
  const rule = useRule(ruleId);
  const manage = can('rules.manage');
  const readers = useRuleReaders(ruleId, manage);

  const confirmRead = useSave({
    save: (id: string) => rulesApi.confirmRead(id),
    invalidates: [rulesKey],
    success: '已确认学习',
  });

  const r = rule.data;
  return (
    <Drawer
      open={ruleId !== null}
      onClose={onClose}
      title={r?.title ?? '制度'}
      size={isPhone ? '100%' : 760}
      destroyOnHidden
    >
      {rule.isPending && <Skeleton active />}
      {rule.isError && <QueryErrorAlert error={rule.error} />}
      {r && (
        <Flex vertical gap="middle">
          <Space wrap>
            <RuleStatusTag status={r.status} />
            <span>第{r.version}版</span>
            {user.personId &&
              r.status !== 'repealed' &&
              (r.readByMe ? (
                <Tag color="success" icon={<CheckOutlined />}>
                  已学习
                </Tag>
              ) : (
                <Button
                  type="primary"
                  size="small"
                  onClick={() => {
                    confirmRead.save(r.id);
                  }}
                >
                  我已学习
                </Button>
              ))}
            {manage && (
              <Button size="small" icon={<EditOutlined />} onClick={() => onRevise(r)}>
                修订
              </Button>
            )}
          </Space>
          <Descriptions
            size="small"
            column={isPhone ? 1 : 2}
            items={[
              { key: 'category', label: '类别', children: r.category },
              { key: 'adoptedBy', label: '制定机关', children: r.adoptedBy },
              { key: 'adoptedOn', label: '通过日期', children: r.adoptedOn },
              { key: 'effectiveOn', label: '施行日期', children: r.effectiveOn },
            ]}
          />
          <Tabs
            items={[
              {
                key: 'body',
                label: '正文',
                children: (
                  <>
                    {r.body ? <div className={styles.body}>{r.body}</div> : <Empty description="正文见附件" />}
                    {r.file && (
                      <a href={filesApi.url(r.file.id)} target="_blank" rel="noreferrer">
                        <FileOutlined /> {r.file.name}
                      </a>
                    )}
                  </>
                ),
              },
              {
                key: 'versions',
                label: `修订历史（${String(r.versions.length)}）`,
                children: (
                  <Timeline
                    items={r.versions.map((v) => ({
                      content: (
                        <div>
                          <strong>第{v.version}版</strong>（{v.effectiveOn}施行）
                          <RuleStatusTag status={v.status} />
                          <div>{v.changeNote}</div>
                          {v.createdByName && <div className={styles.author}>{v.createdByName}</div>}
                        </div>
                      ),
                    }))}
                  />
                ),
              },
              ...(manage
                ? [
                    {
                      key: 'readers',
                      label: readers.data ? `学习情况（未学习${String(readers.data.unread.length)}人）` : '学习情况',
                      children: readers.isPending ? (
                        <Skeleton active />
                      ) : readers.isError ? (
                        <QueryErrorAlert error={readers.error} />
                      ) : (
                        <Table
                          size="small"
                          rowKey="personId"
                          pagination={{ pageSize: 20, hideOnSinglePage: true }}
                          dataSource={[
                            ...readers.data.unread.map((p) => ({ ...p, read: false })),
                            ...readers.data.read.map((p) => ({ ...p, read: true })),
                          ]}
                          columns={[
                            { title: '姓名', dataIndex: 'name' },
                            { title: '党小组', dataIndex: 'orgUnitName' },
                            {
                              title: '学习情况',
                              dataIndex: 'read',
                              render: (read: boolean, p) =>
                                read ? (
                                  `已学习 ${p.readAt ? inCourtZone(p.readAt).format('YYYY/M/D') : ''}`
                                ) : (
                                  <Tag color="warning">未学习</Tag>
                                ),
                            },
                          ]}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
