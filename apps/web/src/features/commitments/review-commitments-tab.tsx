import { useState } from 'react';
import { Button, Empty, Flex, Input, Modal, Popconfirm, Segmented, Skeleton, Space } from 'antd';
import type { Commitment, CommitmentStatus } from '@qizhi/domain';
import { useSave } from '../../platform/use-save.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useOrgUnits } from '../org/org.queries.ts';
import { CommitmentEditorModal, type EditorState } from './commitment-editor-modal.tsx';
import { CommitmentView } from './commitment-view.tsx';
import { commitmentsApi } from './commitments.api.ts';
import { COMMITMENT_CHANGES, useCommitments } from './commitments.queries.ts';
import { PromiseResultsModal, type ResultsState } from './promise-results-modal.tsx';

/** 审核与核实 for the secretary: approve or return what was submitted; at year end verify the results. */
export function ReviewCommitmentsTab({ year }: { year: number }) {
  const [status, setStatus] = useState<CommitmentStatus>('submitted');
  const list = useCommitments(year, status);
  const all = useCommitments(year);
  const units = useOrgUnits();
  const [returning, setReturning] = useState<Commitment | null>(null);
  const [reason, setReason] = useState('');
  const [results, setResults] = useState<ResultsState>(null);
  const [editor, setEditor] = useState<EditorState>(null);

  const approve = useSave({
    invalidates: COMMITMENT_CHANGES,
    save: (c: Commitment) => commitmentsApi.step(c.id, 'approve'),
    success: '已审核通过并公开',
  });
  const submit = useSave({
    invalidates: COMMITMENT_CHANGES,
    save: (c: Commitment) => commitmentsApi.step(c.id, 'submit'),
    success: '已提交',
  });
  const sendBack = useSave({
    invalidates: COMMITMENT_CHANGES,
    save: ({ c, note }: { c: Commitment; note: string }) => commitmentsApi.return(c.id, note),
    success: '已退回',
    onSaved: () => {
      setReturning(null);
      setReason('');
    },
  });

  const branch = units.data?.find((u) => u.kind === 'branch');
  const branchHasOne = [...(all.data?.items ?? []), ...(list.data?.items ?? [])].some((c) => c.ownerId === branch?.id);
  return (
    <Flex vertical gap="middle">
      <Space wrap>
        <Segmented<CommitmentStatus>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'submitted', label: '待审核' },
            { value: 'published', label: '已公开（年终核实）' },
            { value: 'returned', label: '已退回' },
            { value: 'draft', label: '草稿' },
          ]}
        />
        {branch && !branchHasOne && (
          <Button
            onClick={() => setEditor({ mode: 'create', year, ownerKind: 'org_unit', orgUnitId: branch.id, goals: [] })}
          >
            拟定支部承诺
          </Button>
        )}
      </Space>
      {list.isPending && <Skeleton active />}
      {list.isError && <QueryErrorAlert error={list.error} />}
      {list.data?.items.length === 0 && <Empty description="没有此状态的承诺" />}
      {list.data?.items.map((c) => (
        <CommitmentView
          key={c.id}
          commitment={c}
          extra={
            <Space size={4}>
              {c.status === 'submitted' && (
                <>
                  <Popconfirm
                    title="审核通过后，这份承诺将在全院和对外公开页面展示，确定？"
                    onConfirm={() => approve.save(c)}
                  >
                    <Button size="small" type="primary">
                      审核公开
                    </Button>
                  </Popconfirm>
                  <Button size="small" onClick={() => setReturning(c)}>
                    退回
                  </Button>
                </>
              )}
              {c.status === 'published' && (
                <Button size="small" onClick={() => setResults({ stage: 'verify', commitment: c })}>
                  {c.verifiedAt ? '重新核实' : '核实'}
                </Button>
              )}
              {c.status === 'draft' && c.ownerKind === 'org_unit' && (
                <>
                  <Button size="small" onClick={() => setEditor({ mode: 'edit', commitment: c, goals: [] })}>
                    修改
                  </Button>
                  <Button size="small" type="primary" onClick={() => submit.save(c)}>
                    提交
                  </Button>
                </>
              )}
            </Space>
          }
        />
      ))}
      <Modal
        open={returning !== null}
        title="退回承诺"
        okText="退回"
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim(), loading: sendBack.saving }}
        onOk={() => {
          if (returning) sendBack.save({ c: returning, note: reason.trim() });
        }}
        onCancel={() => setReturning(null)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder="请说明退回原因"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
      <PromiseResultsModal state={results} onClose={() => setResults(null)} />
      <CommitmentEditorModal state={editor} onClose={() => setEditor(null)} />
    </Flex>
  );
}
