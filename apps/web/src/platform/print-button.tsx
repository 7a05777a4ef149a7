import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/** 打印: the page as it is on screen (the print styles in styles.css hide the frame and controls). */
export function PrintButton({ className }: { className?: string }) {
  return (
    <Button
      className={className}
      icon={<PrinterOutlined />}
      onClick={() => {
        window.print();
      }}
    >
      打印
    </Button>
  );
}
