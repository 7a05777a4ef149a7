import { useMemo } from 'react';
import { encodeQr } from './qr-code.ts';

/** A QR code as SVG: crisp at any size, and printable. */
export function QrSvg({ text, size = 240 }: { text: string; size?: number }) {
  const path = useMemo(() => {
    const m = encodeQr(text);
    const parts: string[] = [];
    m.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) parts.push(`M${String(x + 4)} ${String(y + 4)}h1v1h-1z`);
      }),
    );
    return { d: parts.join(''), n: m.length + 8 };
  }, [text]);
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${String(path.n)} ${String(path.n)}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label="签到二维码"
    >
      <rect width={path.n} height={path.n} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
