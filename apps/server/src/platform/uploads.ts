import { AppError } from './errors.ts';

/** A roster of 10,000 people is about 1 MB; anything past this is not a roster. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** What the unpacked parts of an .xlsx may add up to before we refuse it as a zip bomb. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2_000;

/**
 * Checks that a buffer is a zip (what an .xlsx is) whose central directory declares a sane
 * unpacked size, before any library inflates it.
 */
export function assertSafeXlsx(buffer: Buffer): void {
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError('INVALID_FILE', '文件不是 Excel（.xlsx）格式，请在 Excel 或 WPS 中另存为 .xlsx 后再上传');
  }
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  const searchFrom = Math.max(0, buffer.length - 22 - 65_535);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= searchFrom; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('INVALID_FILE', '文件已损坏，无法读取');
  const entries = buffer.readUInt16LE(eocd + 10);
  const cdOffset = buffer.readUInt32LE(eocd + 16);
  if (entries > MAX_ZIP_ENTRIES) throw new AppError('INVALID_FILE', '文件结构异常，拒绝读取');
  let offset = cdOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) {
      throw new AppError('INVALID_FILE', '文件已损坏，无法读取');
    }
    const compressed = buffer.readUInt32LE(offset + 20);
    const uncompressed = buffer.readUInt32LE(offset + 24);
    total += uncompressed;
    if (
      total > MAX_UNPACKED_BYTES ||
      (compressed > 0 && uncompressed / compressed > 1_000) ||
      uncompressed === 0xffffffff
    ) {
      throw new AppError('INVALID_FILE', '文件解压后过大，疑似压缩炸弹，拒绝读取');
    }
    offset +=
      46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
}
