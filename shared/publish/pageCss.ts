import { FONT_FAMILY } from './fonts';

/** The paper's stylesheet: responsive (phone, tablet, desktop) and for print. */
export function pageCss(accent: string): string {
  return `
:root{--accent:${accent};--text:#1a1a1a;--muted:#555;--line:#ddd}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"${FONT_FAMILY}","Noto Serif",Georgia,serif;color:var(--text);background:#fff;line-height:1.6;font-size:18px}
a{color:var(--accent)}
a:focus-visible{outline:3px solid #1a56db;outline-offset:2px}
.skip{position:absolute;left:8px;top:-48px;background:#fff;padding:6px 10px;border:2px solid #1a56db}
.skip:focus{top:8px}
.masthead{border-bottom:4px solid var(--accent);padding:12px 16px 0}
.masthead-top{max-width:1100px;margin:0 auto;display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px}
.brand{font:700 2rem/1.1 "${FONT_FAMILY}",Georgia,serif;color:var(--accent);text-decoration:none}
.brand img{max-height:56px;width:auto;display:block}
.tagline{margin:0;color:var(--muted);font-size:.9rem}
.sections{max-width:1100px;margin:8px auto 0}
.sections ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:0 18px}
.sections a{display:inline-block;padding:6px 0;font:600 .95rem system-ui,sans-serif;text-decoration:none;color:var(--text)}
.sections a[aria-current]{color:var(--accent);border-bottom:3px solid var(--accent)}
.page{max-width:1100px;margin:0 auto;padding:16px;display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:32px}
.section-label{margin:0;font:600 .85rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em}
.section-label a{text-decoration:none}
h1{font-size:2.1rem;line-height:1.25;margin:.25em 0}
.dateline{margin:0 0 .8em;color:var(--muted);font:.9rem system-ui,sans-serif}
.sapo{font-weight:700;font-size:1.05em}
figure{margin:1.2em 0}
figure img{max-width:100%;height:auto;display:block}
figcaption{margin-top:.4em;color:var(--muted);font:.9rem/1.45 system-ui,sans-serif}
.credit{font-style:italic}
blockquote{margin:1em 0;padding:.2em 0 .2em 1em;border-left:4px solid var(--accent)}
.pull-quote{margin:1.4em 0;padding:0 1em;font-size:1.35em;font-style:italic;color:var(--accent);text-align:center}
.pull-quote blockquote{border:0;padding:0;margin:0}
.pull-quote figcaption{font-style:normal}
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:.95em}
th,td{border:1px solid #999;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f1eeea}
.align-left{text-align:left}.align-center{text-align:center}.align-right{text-align:right}
th p,td p,li p{margin:0}
hr{border:0;border-top:2px solid var(--line);margin:1.5em 0}
.byline{text-align:right;font-weight:700}
.tags ul,.list ul,aside ul{list-style:none;padding:0;margin:0}
.tags ul{display:flex;flex-wrap:wrap;gap:8px}
.tags a{display:inline-block;padding:2px 10px;border:1px solid var(--line);border-radius:14px;text-decoration:none;font:.85rem system-ui,sans-serif}
aside h2,.tags h2,.list h2{font:700 1rem system-ui,sans-serif;text-transform:uppercase;border-bottom:2px solid var(--accent);padding-bottom:4px;margin:1.5em 0 .6em}
aside li,.list li{padding:6px 0;border-bottom:1px solid var(--line)}
aside li a,.list li a{text-decoration:none;color:var(--text);font-weight:700}
aside li a:hover,.list li a:hover{color:var(--accent)}
.list .item-sapo{margin:.2em 0 0;color:var(--muted);font-size:.95rem}
.list time{display:block;color:var(--muted);font:.8rem system-ui,sans-serif}
.feedback label{display:block;font:600 .9rem system-ui,sans-serif;margin-top:.5em}
.feedback input,.feedback textarea{width:100%;font:inherit;padding:6px;border:1px solid #767676;border-radius:4px}
.feedback button{margin-top:.6em;font:600 .95rem system-ui,sans-serif;padding:6px 14px;background:var(--accent);color:#fff;border:0;border-radius:4px}
ins.suggestion{background:#e3f4e8;color:#0f5c2e;text-decoration:underline}del.suggestion{background:#fbe7e7;color:#8a1212}.suggested-format{border-bottom:2px dotted #6b4e9b}
.site-footer{border-top:1px solid var(--line);margin-top:2em;padding:16px;color:var(--muted);font:.85rem system-ui,sans-serif;text-align:center}
@media (max-width:820px){.page{grid-template-columns:1fr;gap:0}h1{font-size:1.7rem}body{font-size:17px}}
@media (max-width:480px){.masthead{padding:10px 12px 0}.page{padding:12px}.brand{font-size:1.6rem}h1{font-size:1.45rem}}
@media print{.skip,.sections,aside,.feedback{display:none}.page{display:block;max-width:none;padding:0}body{font-size:12pt;color:#000}a{color:#000;text-decoration:none}.masthead{border-bottom:2px solid #000}figure{break-inside:avoid}}
`.trim();
}
