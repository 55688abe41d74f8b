// The bundled language server module (dist/server.js): `node dist/server.js --stdio`, or `--node-ipc` from the VS Code client.
import { runLanguageServer } from './runLanguageServer';

void runLanguageServer();
