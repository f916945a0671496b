/**
 * Puts the views on a terminal: <App/> rendered by Ink, and the effect runner that carries out what
 * they ask for (SSM calls, files, the clipboard, suspend). One module, imported by cli.tsx when
 * the UI is about to draw, so React, Ink and the views are one chunk of the bundle, loaded after
 * NODE_ENV is set (React picks its build when first loaded) and never for --help or --once.
 *
 * Ink writes the first frame while render() runs (legacy mode renders synchronously, and the first
 * output of its throttle is not delayed): when mountUi returns, that frame is on the terminal.
 */
import {render, type Instance} from 'ink';
import type {ActionPort} from '../core/ports.js';
import type {AppStore} from '../store/app-store.js';
import {App} from '../ui/app.js';
import type {Theme} from '../ui/theme.js';
import type {DisplayZone} from '../core/time-zone.js';
import {startEffectRunner} from './effect-runner.js';
import {createFrameWriter} from './frame-writer.js';
import type {NotifyMode} from './notify-sequence.js';
import {RepaintHandle} from './repaint-handle.js';

export interface MountOptions {
	readonly store: AppStore;
	readonly port: ActionPort;
	readonly theme: Theme;
	/** The zone absolute times are shown in (default UTC). */
	readonly zone?: DisplayZone;
	readonly stdout: NodeJS.WriteStream;
	readonly stdin: NodeJS.ReadStream;
	/** Ink's way to draw the whole frame again, once it has one (terminal-lifecycle's setRepaint). */
	readonly onRepaint?: (repaint: () => void) => void;
	/** Ctrl-Z: hand the terminal back to the shell. */
	readonly suspend?: () => void;
	/** --notify, and whether the terminal is tmux (notices pass through it): the effect runner's. */
	readonly notify?: NotifyMode;
	readonly inTmux?: boolean;
	/** Whether Ink routes console.* above the frame (the real terminal: yes; a test's: no). */
	readonly patchConsole?: boolean;
	/** Write only the lines that changed, each frame in one synchronized write (the real terminal: yes). */
	readonly lineDiff?: boolean;
}

export interface MountedUi {
	readonly instance: Instance;
	/** Resolves when the user quits. */
	waitUntilExit(): Promise<void>;
	/** Stops the effects and unmounts Ink (idempotent). */
	stop(): void;
}

export function mountUi(options: MountOptions): MountedUi {
	const {store, port, stdout} = options;
	const effects = startEffectRunner({
		store,
		port,
		// Loaded when first needed, not before the first frame (issue 10): a file is read for a start form, a token made for a start.
		readFile: async path => (await import('node:fs/promises')).readFile(path, 'utf8'),
		writeTerminal: text => stdout.write(text),
		newToken: () => globalThis.crypto.randomUUID(),
		...(options.suspend ? {suspend: options.suspend} : {}),
		...(options.notify ? {notify: options.notify} : {}),
		...(options.inTmux === undefined ? {} : {inTmux: options.inTmux}),
	});
	const instance = render(
		<>
			<RepaintHandle onReady={options.onRepaint ?? (() => undefined)} />
			<App store={store} theme={options.theme} {...(options.zone ? {zone: options.zone} : {})} />
		</>,
		{
			stdout,
			stdin: options.stdin,
			exitOnCtrlC: false,
			patchConsole: options.patchConsole ?? true,
			...(options.lineDiff ? {createLogUpdate: (stream: NodeJS.WriteStream) => createFrameWriter(stream)} : {}),
		},
	);
	let stopped = false;
	return {
		instance,
		waitUntilExit: async () => {
			await instance.waitUntilExit();
		},
		stop() {
			if (stopped) return;
			stopped = true;
			effects.stop();
			instance.unmount();
		},
	};
}
