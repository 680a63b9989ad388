#!/usr/bin/env node
// The `analyst` executable of this package: runs the TypeScript entry through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
