/**
 * The floor of the launch benchmark: an Ink hello world, bundled with ssmtop's own esbuild settings
 * (source/build/bundle.ts → dist/bench/hello-world/hello-world.js) and timed in a pseudo-terminal
 * the same way as `ssmtop --local` (measure-first-frame.ts). It reads keys as ssmtop does (raw
 * mode, through useInput) and quits on q, so both processes are driven alike. Nothing imports it:
 * it renders when it is run.
 */
import {render, Text, useApp, useInput} from 'ink';

function HelloWorld() {
	const {exit} = useApp();
	useInput(input => {
		if (input === 'q') exit();
	});
	return <Text>Hello, world</Text>;
}

render(<HelloWorld />);
