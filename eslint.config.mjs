// Lint: typescript-eslint's recommended rules, with explicit `any` an error in src/ (the one edge that needs it
// says why, in a comment, with an eslint-disable line).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', '.botpress/', 'bp_modules/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // Tests, tools and the playground read loosely typed JSON (vendor payloads, API answers) on purpose.
    files: [
      'test/**/*.ts',
      'testkit/**/*.ts',
      'scripts/**/*.ts',
      'build/**/*.ts',
      'bench/**/*.ts',
      'playground/**/*.ts',
      'integration.definition.ts',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  }
)
