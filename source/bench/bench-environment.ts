/**
 * The environment the benchmark renders under: colours on (chalk reads FORCE_COLOR when first
 * imported; without colour the selected row looks like any other, so moving it writes nothing),
 * not CI (Ink paints only the last frame in CI), and React's production build, as the bundled CLI
 * has it. Child processes get the same.
 */
export function benchEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const next: NodeJS.ProcessEnv = {...env, FORCE_COLOR: '3', NODE_ENV: 'production'};
	delete next['CI'];
	delete next['CONTINUOUS_INTEGRATION'];
	delete next['NO_COLOR'];
	return next;
}
