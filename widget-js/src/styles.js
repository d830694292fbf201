// The widget's own CSS, scoped by its Shadow root. :host resets everything the page might
// pass down by inheritance (font, color, line-height …), so nothing leaks in. The :host rules are
// !important because page rules that match the host element (say "* {font-family: …}") beat
// :host rules otherwise, while for !important ones the Shadow root's wins.

export const CSS = `
:host{--c:#1f6f5c}
:host{all:initial!important;display:block!important;position:fixed!important;z-index:2147483000!important;bottom:20px!important;right:20px!important;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif!important;color:#1d232b!important}
:host(.left){right:auto!important;left:20px!important}
*{box-sizing:border-box}
[hidden]{display:none!important}
button,input,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.launcher{position:relative;width:60px;height:60px;border-radius:50%;border:0;background:var(--c);color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.28);display:grid;place-items:center}
.launcher svg{width:28px;height:28px;fill:currentColor}
.badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#c62828;color:#fff;font-size:12px;font-weight:700;line-height:22px;text-align:center;border:2px solid #fff}
.panel{position:absolute;bottom:76px;right:0;width:370px;height:min(580px,calc(100vh - 110px));display:flex;flex-direction:column;background:#fff;border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.3);overflow:hidden}
:host(.left) .panel{right:auto;left:0}
header{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:var(--c);color:#fff}
header .head{flex:1;min-width:0}
.face{position:relative;flex:none;width:36px;height:36px;border-radius:50%;display:inline-grid;place-items:center;overflow:hidden;color:#fff;font-weight:650;font-size:14px;border:2px solid rgba(255,255,255,.85)}
.face img{position:absolute;inset:0;width:100%;height:100%;object-fit:cover}
.face.small{width:20px;height:20px;font-size:9px;border:0;margin-right:5px;vertical-align:middle}
h2{margin:0;font-size:16px;font-weight:650}
.status{margin:2px 0 0;font-size:13px;opacity:.92}
header button{border:0;background:rgba(255,255,255,.16);color:#fff;border-radius:8px;padding:6px 10px;font-size:13px}
header button:hover{background:rgba(255,255,255,.28)}
header .x{width:34px;height:34px;padding:0;font-size:22px;line-height:1}
.notice,.error{margin:0;padding:8px 16px;font-size:13px;border-bottom:1px solid #e3e6ea}
.notice{background:#f3f7f6}
.error{background:#fdecea;color:#8c1d18}
.body{flex:1;overflow-y:auto;padding:14px 14px 6px;background:#f7f8fa}
ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
li{max-width:82%;display:flex;flex-direction:column}
li.visitor{align-self:flex-end;align-items:flex-end}
li.agent{align-self:flex-start}
li.system{align-self:center;max-width:92%;text-align:center}
.bubble{margin:0;padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
.visitor .bubble{background:var(--c);color:#fff;border-bottom-right-radius:4px}
.agent .bubble{background:#fff;border:1px solid #dde1e6;border-bottom-left-radius:4px}
.system .bubble{background:#eef4f2;color:#2f3b45;border:1px dashed #9fb8b0;font-size:14px}
li.bot{align-self:flex-start}
.bot .bubble{background:#eef2f8;border:1px dashed #7f93b3;border-bottom-left-radius:4px}
.bot-choice{display:flex;flex-wrap:wrap;gap:8px;padding:10px 14px;border-top:1px solid #e3e6ea;background:#fff}
.bot-choice p{margin:0;flex-basis:100%;font-weight:600;font-size:14px}
.bot-choice button{flex:1 1 140px}
.secondary{border:1px solid var(--c);border-radius:10px;background:#fff;color:var(--c);padding:9px 14px;font-weight:600}
.suggest{padding:8px 12px 4px;border-top:1px solid #e3e6ea;background:#fff;max-height:40%;overflow-y:auto}
.suggest h3{margin:0 0 6px;font-size:13px;font-weight:650;color:#36404a}
.suggest-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.suggest-list li{max-width:none}
.suggest-list button{width:100%;text-align:left;display:flex;flex-direction:column;gap:2px;padding:8px 10px;border:1px solid #dde1e6;border-radius:10px;background:#f7f8fa}
.suggest-list button:hover{background:#eef4f2}
.suggest-title{font-weight:600;color:var(--c)}
.suggest-excerpt{font-size:13px;color:#5b6570;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}
.article{flex:1;overflow-y:auto;padding:10px 16px 16px;background:#fff;overflow-wrap:anywhere}
.article .back{padding:6px 0;margin-bottom:4px}
.article h3{margin:4px 0 10px;font-size:18px;line-height:1.3}
.article-body h2,.article-body h3,.article-body h4{font-size:16px;margin:14px 0 6px}
.article-body p,.article-body ul,.article-body ol,.article-body pre,.article-body blockquote{margin:0 0 10px}
.article-body ul,.article-body ol{padding-left:22px;list-style:revert;display:block}
.article-body li{max-width:none;display:list-item}
.article-body pre{white-space:pre-wrap;background:#f3f4f6;padding:8px;border-radius:6px}
.article-body blockquote{border-left:3px solid #c9ced4;padding-left:10px;color:#36404a}
.article-body a{color:var(--c)}
.bot-thanks{margin:0;font-weight:600}
.masked{margin-top:2px;font-size:11.5px;color:#7a4b00}
.sending .bubble{opacity:.65}
.bubble a{color:inherit;text-decoration:underline}
.confirm{display:flex;flex-wrap:wrap;align-items:center;gap:8px 10px;padding:10px 16px;background:#fff7e0;border-bottom:1px solid #ecd9a0}
.confirm p{margin:0;flex-basis:100%;font-weight:600}
.meta{margin-top:2px;font-size:11.5px;color:#5b6570}
.typing{margin:6px 2px;font-size:13px;color:#5b6570;font-style:italic}
.empty{margin:8px 2px;color:#5b6570}
.earlier{margin:0 0 12px;padding:0 0 10px;border-bottom:1px dashed #b9c0c8;display:flex;flex-direction:column;gap:6px}
.earlier h3{margin:0;font-size:13px;font-weight:650;color:#36404a}
.earlier-date{margin:-4px 0 0;font-size:12px;color:#5b6570}
.earlier .link{align-self:flex-start;padding:4px 0;font-size:13px}
.earlier-list .agent .bubble,.earlier-list .system .bubble{background:#fbfbfc}
.topic{display:flex;gap:8px;align-items:center;padding:8px 12px 0;border-top:1px solid #e3e6ea;background:#fff;font-size:14px}.topic label{flex:none}.topic select{flex:1;min-width:0;font:inherit;padding:6px;border:1px solid #c5cad1;border-radius:6px;background:#fff;color:inherit}.topic+.composer{border-top:0}.emoji-toggle{flex:none;width:32px;height:40px;padding:0;display:inline-flex;align-items:center;justify-content:center;border:0;background:none;font-size:20px;line-height:1;cursor:pointer;border-radius:6px}.emoji-toggle:focus-visible,.emoji-grid button:focus-visible{outline:2px solid #1b5e4a}.emoji-grid{display:grid;grid-template-columns:repeat(8,1fr);gap:2px;padding:8px 12px;border-top:1px solid #e3e6ea;background:#fff}.emoji-grid button{font-size:20px;line-height:1;border:0;background:none;padding:6px 0;border-radius:6px;cursor:pointer}.emoji-grid button:hover,.emoji-grid button:focus{background:#eef2f5}.emoji-grid+.composer{border-top:0}.composer{display:flex;gap:6px;align-items:flex-end;padding:10px 12px;border-top:1px solid #e3e6ea;background:#fff}
textarea{flex:1;resize:none;min-height:42px;max-height:120px;padding:10px 12px;border:1px solid #b9c0c8;border-radius:10px;background:#fff}
.send,.primary{border:0;border-radius:10px;background:var(--c);color:#fff;padding:10px 14px;font-weight:600}
.send:disabled,.primary:disabled{opacity:.5;cursor:default}
.send{flex:none;width:44px;height:44px;padding:0;display:grid;place-items:center}
.send svg{width:22px;height:22px;fill:currentColor}
.form{padding:14px 16px;overflow-y:auto;display:flex;flex-direction:column;gap:10px;background:#fff;border-top:1px solid #e3e6ea}
.form p{margin:0}
.form strong{font-size:15px}
label{display:flex;flex-direction:column;gap:4px;font-size:13px;font-weight:600;color:#36404a}
label input,label textarea{font-size:15px;font-weight:400}
input{padding:9px 11px;border:1px solid #b9c0c8;border-radius:10px}
.form textarea{min-height:90px;font-weight:400}
.consent{flex-direction:row;align-items:flex-start;gap:8px;font-weight:400}
.consent input{margin:2px 0 0;width:18px;height:18px;flex:none}
.stored{font-size:12.5px;color:#5b6570}
.form a{color:var(--c);align-self:flex-start}
.stars{display:flex;gap:6px;justify-content:center}
.stars button{width:44px;height:44px;border:1px solid #c9ced4;border-radius:10px;background:#fff;font-size:22px;color:#e0a100}
.stars button:hover,.stars button:focus-visible{background:#fff7e0}
.mail-box{display:flex;flex-direction:column;gap:6px}
.mail{display:flex;flex-direction:column;gap:6px}
.mail .row{display:flex;gap:8px}
.mail input{flex:1;min-width:0}
.mail-error{margin:0;font-size:13px;color:#8c1d18}
.mail-sent{margin:0;font-size:13px;color:#1d5b2e}
.offer{position:absolute;bottom:78px;right:0;width:min(300px,calc(100vw - 40px));padding:14px 14px 12px;display:flex;flex-direction:column;align-items:flex-start;gap:10px;background:#fff;border:1px solid #dde1e6;border-radius:14px;box-shadow:0 8px 28px rgba(0,0,0,.22)}
:host(.left) .offer{right:auto;left:0}
.offer::after{content:"";position:absolute;bottom:-8px;right:22px;width:14px;height:14px;background:#fff;border-right:1px solid #dde1e6;border-bottom:1px solid #dde1e6;transform:rotate(45deg)}
:host(.left) .offer::after{right:auto;left:22px}
.offer .from{margin:0;padding-right:30px;font-size:13px;font-weight:650;color:var(--c)}
.offer-text{margin:0;max-height:40vh;overflow-y:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.offer .x{position:absolute;top:6px;right:6px;width:34px;height:34px;padding:0;border:0;border-radius:8px;background:transparent;color:#5b6570;font-size:22px;line-height:1}
.offer .x:hover{background:#f0f2f4}
.link{border:0;background:none;color:var(--c);text-decoration:underline;padding:4px;align-self:center}
@media (max-width:480px){
:host{bottom:14px!important;right:14px!important}
:host(.left){left:14px!important}
.offer{width:min(300px,calc(100vw - 28px))}
:host(.open){top:0!important;left:0!important;right:0!important;bottom:0!important}
:host(.open) .launcher{display:none}
.panel{position:fixed;top:0;left:0;right:0;bottom:0;width:auto;height:auto;border-radius:0}
:host(.left) .panel{left:0}
}
.attach{flex:none;width:40px;height:40px;padding:8px;border:1px solid #c9ced4;border-radius:10px;background:#fff;color:#2f3b45}
.attach svg{width:22px;height:22px;fill:currentColor}
.upload{display:flex;gap:8px;align-items:center;padding:6px 12px;border-top:1px solid #e3e6ea;font-size:13px}
.upload progress{flex:1;min-width:40px}
.thumb{display:block;padding:0;border:0;background:none;cursor:zoom-in}
.thumb-img{display:block;min-width:64px;min-height:64px;max-width:200px;max-height:160px;object-fit:contain;border-radius:8px;background:#f3f4f6}
.badge-pdf{display:inline-block;margin-right:6px;padding:0 4px;border:1px solid currentColor;border-radius:4px;font-size:11px;font-weight:700;text-decoration:none}
.file{border:0;background:none;color:inherit;font:inherit;text-decoration:underline;cursor:pointer;padding:0;text-align:left}
.lightbox{position:absolute;inset:0;z-index:5;display:flex;align-items:center;justify-content:center;background:rgba(20,24,28,.88);padding:44px 12px 12px}
.lightbox[hidden]{display:none}
.lightbox img{max-width:100%;max-height:100%;object-fit:contain;background:#fff}
.lightbox .x{position:absolute;top:6px;right:6px;width:40px;height:40px;border:0;border-radius:8px;background:#fff;font-size:24px}
.panel.dropping{outline:3px dashed var(--c);outline-offset:-6px}
@media (prefers-reduced-motion:no-preference){.panel,.offer{animation:in .16s ease-out}@keyframes in{from{opacity:0;transform:translateY(8px)}}}
`;
