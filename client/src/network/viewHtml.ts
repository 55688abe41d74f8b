import { randomBytes } from 'node:crypto';
import { NETWORK_VIEW_STYLE } from './viewStyle';

const select = (id: string, label: string, options: [string, string][]) =>
  `<label>${label} <select id="${id}">${options.map(([value, text]) => `<option value="${value}">${text}</option>`).join('')}</select></label>`;

/** The Actor network view's page: controls, the drawing, the hover card. Every workspace string is put in by the script as text, never as markup. */
export function networkHtml(cspSource: string, script: string): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `worker-src blob:`, `img-src ${cspSource} data:`, `font-src ${cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Actor Network</title>
<style nonce="${nonce}">${NETWORK_VIEW_STYLE}</style>
</head>
<body>
<header>
  ${select('network', 'Network', [['relations', 'Actor relations'], ['discourse', 'Discourse network (DNA)']])}
  <label>Find <input id="search" type="search" placeholder="actor or concept" autocomplete="off" spellcheck="false"></label>
  <label>Nodes at most <input id="cap" type="number" min="0" step="100" title="0: every node"></label>
  ${select('ranking', 'ranked by', [['weighted-degree', 'weighted degree'], ['degree', 'degree']])}
  <span id="when"><label>In force on <input id="at" type="range" min="0" max="0" value="0"></label> <output id="at-date">any date</output></span>
  <button id="layout" type="button">Stop layout</button>
  <div id="status" role="status"></div>
</header>
<fieldset id="dna" hidden>
  ${select('type', 'Type', [['onemode', 'one-mode'], ['twomode', 'two-mode']])}
  ${select('rows', 'Rows', [['claimant', 'claimant'], ['organization', 'organization'], ['person', 'person']])}
  <span id="columns-control" hidden>${select('columns', 'Columns', [['concept', 'concept'], ['about', 'about']])}</span>
  ${select('qualifierAggregation', 'Qualifier', [['ignore', 'ignore']])}
  ${select('normalization', 'Normalization', [['no', 'no']])}
  ${select('duplicates', 'Duplicates', [['include', 'include'], ['document', 'per document'], ['week', 'per week'], ['month', 'per month'], ['year', 'per year'], ['acrossrange', 'across range']])}
  <label><input id="isolates" type="checkbox"> isolates</label>
  <label>Exclude actors <input id="excludeActors" type="text" placeholder="ids, comma-separated" spellcheck="false"></label>
  <label>Exclude concepts <input id="excludeConcepts" type="text" placeholder="ids, comma-separated" spellcheck="false"></label>
  <label>Text <select id="text"><option value="">All texts</option></select></label>
  <label>Concept <select id="concept"><option value="">All concepts</option></select></label>
  <label>Stance <select id="stance"><option value="">All stances</option></select></label>
  <span id="time"><label>Published from <input id="start" type="range" min="0" max="0" value="0"></label> <label>to <input id="stop" type="range" min="0" max="0" value="0"></label> <output id="range"></output></span>
</fieldset>
<ul id="matches" hidden></ul>
<div id="legend"></div>
<div id="notes"></div>
<div id="graph"></div>
<div id="card" hidden><pre id="card-text"></pre><button id="card-open" type="button">Open definition</button></div>
<output id="metrics" hidden></output>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
