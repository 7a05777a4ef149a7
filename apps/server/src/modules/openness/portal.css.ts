/** The portal's one small stylesheet (served at /public/portal.css, cached): readable on a weak PC and a phone. */
export const PORTAL_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.7 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f1f1f;background:#f6f6f6}
a{color:#a8071a}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #ffa940;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px}
header.top{background:#c41d27;color:#fff;padding:16px}
header.top a{color:#fff;text-decoration:none}
header.top h1{margin:0;font-size:22px}
header.top p{margin:4px 0 0;font-size:14px;opacity:.9}
nav.main{background:#fff;border-bottom:1px solid #e5e5e5;padding:8px 16px;display:flex;flex-wrap:wrap;gap:4px 16px}
nav.main a{text-decoration:none;padding:6px 0;min-height:44px;display:inline-flex;align-items:center}
main{max-width:960px;margin:0 auto;padding:16px}
section.card{background:#fff;border:1px solid #e5e5e5;border-radius:6px;padding:16px;margin:0 0 16px}
section.card h2{margin:0 0 8px;font-size:18px;border-left:4px solid #c41d27;padding-left:8px}
ul.items{list-style:none;margin:0;padding:0}
ul.items li{padding:8px 0;border-bottom:1px dashed #e5e5e5;display:flex;gap:8px;flex-wrap:wrap;justify-content:space-between}
ul.items li:last-child{border-bottom:0}
.tag{display:inline-block;font-size:12px;color:#a8071a;border:1px solid #ffa39e;border-radius:3px;padding:0 4px;margin-right:6px}
.muted{color:#666;font-size:14px}
form.search{display:flex;gap:8px;flex-wrap:wrap;margin:0 0 16px}
form.search input,form.search select{font:inherit;padding:8px;border:1px solid #bbb;border-radius:4px;min-height:44px}
form.search input{flex:1;min-width:12em}
form.search button{font:inherit;padding:8px 20px;background:#c41d27;color:#fff;border:0;border-radius:4px;min-height:44px}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #e5e5e5;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#fafafa}
article .body{white-space:pre-wrap;word-break:break-word}
footer{max-width:960px;margin:0 auto;padding:16px;color:#666;font-size:14px}
.chips a{display:inline-block;margin:0 8px 8px 0;padding:4px 10px;border:1px solid #e5e5e5;border-radius:16px;background:#fff;text-decoration:none;min-height:36px}
.chips a[aria-current]{background:#c41d27;color:#fff;border-color:#c41d27}
.poster{background:#fff;width:210mm;min-height:297mm;margin:0 auto;padding:20mm}
.poster h1{text-align:center;color:#c41d27;font-size:28pt;margin:0 0 8mm}
.poster .body{font-size:14pt;white-space:pre-wrap}
.poster .foot{margin-top:12mm;text-align:right}
@media print{body{background:#fff}.noprint{display:none}.poster{padding:15mm;width:auto;min-height:auto}@page{size:A4;margin:0}}
`;
