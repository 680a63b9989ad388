import base, { restrictLayers } from '@analyst/eslint-config/base';

export default [
  ...base,
  restrictLayers([
    '@analyst/db',
    '@analyst/core',
    '@analyst/api',
    '@analyst/server',
    '@analyst/cli',
  ]),
];
