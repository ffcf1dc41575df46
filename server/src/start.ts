// The server's entry point: it runs the server's bundle (`server-main.js`, beside it) compiled with
// V8's code cache, kept in the folder the editor names in CODE_CACHE_ENVIRONMENT.
import * as path from 'node:path';
import { runBundle } from './code-cache';
import { CODE_CACHE_ENVIRONMENT } from './protocol';

runBundle(path.join(__dirname, 'server-main.js'), process.env[CODE_CACHE_ENVIRONMENT]);
