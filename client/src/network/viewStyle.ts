/** The Actor network view's style sheet (inlined with the page's nonce): VS Code's theme colours throughout. */
export const NETWORK_VIEW_STYLE = `
[hidden] { display: none !important; }
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body { display: flex; flex-direction: column; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
header, fieldset { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; padding: 8px 12px 4px; margin: 0; border: 0; }
fieldset { padding-top: 2px; }
label { display: flex; gap: 6px; align-items: center; }
select, input, button { color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, var(--vscode-dropdown-border, transparent)); padding: 2px 4px; font: inherit; }
select { max-width: 16em; }
input[type="number"] { width: 6em; }
input[type="range"] { width: 9em; padding: 0; }
button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); cursor: pointer; }
#status { color: var(--vscode-descriptionForeground); margin-left: auto; }
#notes { padding: 0 12px; color: var(--vscode-editorWarning-foreground); }
#legend { display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 2px 12px 6px; color: var(--vscode-descriptionForeground); }
#legend .item { display: inline-flex; align-items: center; gap: 5px; }
.swatch { display: inline-block; background: var(--swatch); width: 10px; height: 10px; }
.swatch.dot { border-radius: 50%; }
.swatch.square { border-radius: 2px; }
.swatch.line { width: 18px; height: 3px; }
#graph { flex: 1; min-height: 0; position: relative; }
#matches { position: absolute; z-index: 11; margin: 0; padding: 2px 0; list-style: none; max-height: 40vh; overflow: auto; background: var(--vscode-quickInput-background, var(--vscode-editorWidget-background)); border: 1px solid var(--vscode-widget-border, transparent); box-shadow: 0 2px 8px var(--vscode-widget-shadow); }
#matches button { display: block; width: 100%; text-align: left; border: 0; background: transparent; color: var(--vscode-foreground); padding: 2px 10px; }
#matches button:hover, #matches button:focus { background: var(--vscode-list-hoverBackground); outline: none; }
#card { position: fixed; max-width: 420px; max-height: 60vh; overflow: auto; padding: 6px 10px; color: var(--vscode-editorHoverWidget-foreground); background: var(--vscode-editorHoverWidget-background); border: 1px solid var(--vscode-editorHoverWidget-border); box-shadow: 0 2px 8px var(--vscode-widget-shadow); z-index: 10; }
#card pre { margin: 0 0 6px; white-space: pre-wrap; font-family: inherit; }
#card:not(.pinned) { pointer-events: none; }
#card:not(.pinned) #card-open { display: none; }
`;
