import { describe, expect, it } from 'vitest';
import { meetingNamed, meetingTitle } from './meeting-title.rules.ts';

describe('a meeting as one line', () => {
  it('says the type once', () => {
    expect(meetingTitle('theme_day', '主题党日：重温入党誓词')).toBe('主题党日：重温入党誓词');
    expect(meetingTitle('theme_day', '重温入党誓词')).toBe('主题党日：重温入党誓词');
    expect(meetingTitle('branch_general', ' 学习贯彻全会精神 ')).toMatch(/^支部党员大会：学习贯彻全会精神$/);
  });
});

describe('a meeting named in a sentence', () => {
  it('puts the topic in 「」 without the type twice', () => {
    expect(meetingNamed('theme_day', '主题党日：重温入党誓词')).toBe('主题党日「重温入党誓词」');
    expect(meetingNamed('theme_day', '重温入党誓词')).toBe('主题党日「重温入党誓词」');
    expect(meetingNamed('theme_day', '主题党日')).toBe('主题党日');
  });
});
