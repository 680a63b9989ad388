import base, { restrictLayers } from '@analyst/eslint-config/base';
import react from '@analyst/eslint-config/react';

export default [
  ...base,
  ...react,
  restrictLayers(['@analyst/core', '@analyst/db', '@analyst/server', '@analyst/cli']),
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@analyst/api',
              allowTypeImports: true,
              message: 'The web app imports only the router type.',
            },
          ],
        },
      ],
    },
  },
];
