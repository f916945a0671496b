import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// Ink only paints the final frame when it believes it runs in CI (is-in-ci),
		// which would leave ink-testing-library's lastFrame() empty; CI=false keeps
		// normal rendering while tests run under CI=true.
		env: {CI: 'false', NO_COLOR: ''},
		testTimeout: 30_000,
		hookTimeout: 30_000,
		pool: 'forks',
		setupFiles: ['test/setup/selector-stability.ts'],
	},
});
