/** Unit and sandbox-integration tests (TypeScript, through ts-jest). The real-n8n suite is test/e2e. */
module.exports = {
	testEnvironment: 'node',
	// n8n user folders of e2e runs hold installed packages jest must not index.
	modulePathIgnorePatterns: ['<rootDir>/test/e2e/.work'],
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
	testTimeout: 30000,
};
