import { useState } from 'react';
import { Button, Card, Flex, Input, Typography } from 'antd';
import type { CampaignDetail } from '@qizhi/domain';
import { campaignsApi } from './campaigns.api.ts';
import { useCampaignSave } from './campaigns.queries.ts';
import styles from './campaigns.module.css';

/** 活动总结: written by whoever runs the campaign; read by everyone who sees it. */
export function SummaryCard({ campaign }: { campaign: CampaignDetail }) {
  const [draft, setDraft] = useState<string | null>(null);
  const saver = useCampaignSave({
    save: (summary: string) => campaignsApi.update(campaign.id, { summary }),
    success: '活动总结已保存',
    onSaved: () => setDraft(null),
  });
  return (
    <Card
      size="small"
      title="活动总结"
      extra={
        campaign.canManage &&
        draft === null && (
          <Button size="small" onClick={() => setDraft(campaign.summary ?? '')}>
            {campaign.summary ? '修改' : '填写'}
          </Button>
        )
      }
    >
      {draft === null ? (
        <Typography.Paragraph className={styles.summary}>
          {campaign.summary ?? '尚未填写活动总结。'}
        </Typography.Paragraph>
      ) : (
        <Flex vertical gap="small">
          <Input.TextArea
            rows={5}
            maxLength={5000}
            showCount
            value={draft}
            aria-label="活动总结"
            onChange={(e) => setDraft(e.target.value)}
          />
          <Flex gap="small">
            <Button type="primary" loading={saver.saving} onClick={() => saver.save(draft)}>
              保存
            </Button>
            <Button onClick={() => setDraft(null)}>取消</Button>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
