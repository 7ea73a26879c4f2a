/** End-to-end suite: the packed package inside a real n8n (test/e2e/harness), one suite at a time. */
module.exports = {
	testEnvironment: 'node',
	// n8n user folders of e2e runs hold installed packages jest must not index.
	modulePathIgnorePatterns: ['<rootDir>/test/e2e/.work'],
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
	globalSetup: '<rootDir>/test/e2e/globalSetup.js',
	maxWorkers: 1,
	testTimeout: 20 * 60 * 1000,
};
