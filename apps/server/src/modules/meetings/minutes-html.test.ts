import { describe, expect, it } from 'vitest';
import { isBlankMinutes, minutesToPlainText, sanitizeMinutes } from './minutes-html.ts';

describe('minutes sanitizer', () => {
  it('keeps the allow-list without attributes and drops everything else', () => {
    expect(sanitizeMinutes('<p class="x" onclick="alert(1)">张三<strong>发言</strong></p>')).toBe(
      '<p>张三<strong>发言</strong></p>',
    );
    expect(sanitizeMinutes('<script>alert(1)</script><p>a</p>')).toBe('<p>a</p>');
    expect(sanitizeMinutes('<img src=x onerror=alert(1)>b')).toBe('b');
    expect(sanitizeMinutes('<a href="javascript:alert(1)">c</a>')).toBe('<a>c</a>');
    expect(sanitizeMinutes('<p>x<em>y</p>')).toBe('<p>x<em>y</em></p>');
    expect(sanitizeMinutes('</p>z<ul><li>1')).toBe('z<ul><li>1</li></ul>');
    expect(sanitizeMinutes('1 < 2 & 3 > 2 &lt;b&gt;')).toBe('1 &lt; 2 &amp; 3 &gt; 2 &lt;b&gt;');
    expect(sanitizeMinutes('<!-- c --><style>p{}</style><svg onload=1>d</svg>')).toBe('d');
    expect(sanitizeMinutes('<scr<script>ipt>alert(1)</script>')).toBe('ipt&gt;alert(1)');
    expect(sanitizeMinutes('a<br/>b<BR>c')).toBe('a<br />b<br />c');
  });

  it('removes scripts, event handlers, styles and unsafe link schemes', () => {
    const pasted =
      '<p style="color:red" onmouseover="steal()">甲<script>alert(1)</script></p>' +
      '<img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe>' +
      '<a href="javascript:alert(1)" onclick="x()">坏链接</a><a href="JaVaScRiPt&colon;alert(1)">二</a>' +
      '<a href="data:text/html,<script>alert(1)</script>">三</a><a href="https://www.court.gov.cn/a?b=1" target="_blank">好链接</a>';
    const clean = sanitizeMinutes(pasted);
    expect(clean).not.toMatch(/script|onerror|onmouseover|onclick|style=|iframe|javascript|data:|target=/i);
    expect(clean).toContain('<p>甲</p>');
    expect(clean).toContain('<a href="https://www.court.gov.cn/a?b=1">好链接</a>');
  });

  it('keeps what officers paste from Word and WPS: headings, lists, underline and tables with spans', () => {
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><title>会议记录</title>' +
      '<style>p.MsoNormal{margin:0}</style><!--[if gte mso 9]><xml><w:WordDocument/></xml><![endif]--></head><body>' +
      '<h2 class="MsoTitle">一、学习内容</h2><p class="MsoNormal"><span style="font-family:仿宋"><u>党章</u>第九条</span><o:p></o:p></p>' +
      '<ol><li><b>甲</b></li><li><i>乙</i></li></ol>' +
      '<table class="MsoTableGrid" border="1" cellspacing="0" style="border-collapse:collapse">' +
      '<thead><tr><th colspan="2" style="width:100pt">表决事项</th></tr></thead>' +
      '<tbody><tr><td rowspan="2" valign="top" onclick="x()">发展党员</td><td width="50">赞成7票</td></tr>' +
      '<tr><td>反对0票</td></tr></tbody></table></body></html>';
    expect(sanitizeMinutes(word)).toBe(
      '<h2>一、学习内容</h2><p><u>党章</u>第九条</p><ol><li><b>甲</b></li><li><i>乙</i></li></ol>' +
        '<table><thead><tr><th colspan="2">表决事项</th></tr></thead>' +
        '<tbody><tr><td rowspan="2">发展党员</td><td>赞成7票</td></tr><tr><td>反对0票</td></tr></tbody></table>',
    );
  });

  it('turns minutes into plain text for the ledger, tables row by row', () => {
    expect(minutesToPlainText('<p>一、学习</p><ul><li>甲</li><li>乙</li></ul><p>二、&lt;讨论&gt;</p>')).toBe(
      '一、学习\n· 甲\n· 乙\n二、<讨论>',
    );
    expect(
      minutesToPlainText('<table><tr><th>事项</th><th>结果</th></tr><tr><td>甲</td><td>通过</td></tr></table>'),
    ).toBe('事项\u3000结果\n甲\u3000通过');
  });

  it('knows minutes with no words in them', () => {
    expect(isBlankMinutes('<p></p><p><br /></p>')).toBe(true);
    expect(isBlankMinutes('<p>&nbsp;</p>')).toBe(true);
    expect(isBlankMinutes('<h3>一、学习</h3>')).toBe(false);
  });
});
