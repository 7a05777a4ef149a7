import { useEffect, useRef } from 'react';
import { BoldOutlined, ItalicOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { sanitizeMinutesHtml } from '@qizhi/domain';
import './meetings.css';

/**
 * A small rich-text box for minutes: bold, italic and lists. What it produces is cleaned to the
 * same whitelist the server enforces, so what is seen here is what is stored.
 */
export function MinutesEditor({ initial, onChange }: { initial: string; onChange: (html: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.innerHTML = sanitizeMinutesHtml(initial);
  }, [initial]);
  const command = (name: string) => () => {
    ref.current?.focus();
    // execCommand is deprecated but still the one editing API every browser ships.
    document.execCommand(name);
    onChange(ref.current?.innerHTML ?? '');
  };
  return (
    <div className="minutes-editor">
      <Space style={{ marginBottom: 8 }}>
        <Button size="small" icon={<BoldOutlined />} onClick={command('bold')} aria-label="加粗" />
        <Button size="small" icon={<ItalicOutlined />} onClick={command('italic')} aria-label="倾斜" />
        <Button
          size="small"
          icon={<UnorderedListOutlined />}
          onClick={command('insertUnorderedList')}
          aria-label="项目符号"
        />
        <Button size="small" icon={<OrderedListOutlined />} onClick={command('insertOrderedList')} aria-label="编号" />
      </Space>
      <div
        ref={ref}
        role="textbox"
        aria-label="会议记录"
        aria-multiline="true"
        contentEditable
        suppressContentEditableWarning
        onInput={() => onChange(ref.current?.innerHTML ?? '')}
        style={{
          minHeight: 220,
          padding: 12,
          border: '1px solid #d9d9d9',
          borderRadius: 6,
          background: '#fff',
          lineHeight: 1.8,
        }}
      />
    </div>
  );
}

/** Stored minutes, cleaned once more before they reach the page. */
export function MinutesView({ html }: { html: string }) {
  return (
    <div
      className="minutes-view"
      style={{ lineHeight: 1.8 }}
      dangerouslySetInnerHTML={{ __html: sanitizeMinutesHtml(html) }}
    />
  );
}
