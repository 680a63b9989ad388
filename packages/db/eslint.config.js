import base, { restrictLayers } from '@analyst/eslint-config/base';

export default [
  ...base,
  restrictLayers([
    '@analyst/core',
    '@analyst/api',
    '@analyst/server',
    '@analyst/cli',
    '@analyst/web',
  ]),
];
