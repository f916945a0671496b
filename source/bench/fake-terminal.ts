/**
 * In-memory terminal streams that Ink 6 accepts as stdout/stdin, so a benchmark or a screenshot
 * can drive a real Ink render at a fixed size, press keys, and count every byte written.
 */
import {EventEmitter} from 'node:events';
import {Writable} from 'node:stream';
import {screenText, VirtualTerminal, type Screen} from '../screenshots/terminal-screen.js';

// Ink wraps each frame in "begin/end synchronized update" markers, written separately.
const SYNC_MARKERS = new Set(['\u001B[?2026h', '\u001B[?2026l']);

export type FakeTtyOptions = {
	columns?: number;
	rows?: number;
	/** Keep the text written since the last mark (default true); off for long benchmark runs. */
	keepOutput?: boolean;
	/**
	 * Keep a live screen (a VirtualTerminal fed every write), for asserting what a user would see.
	 * Off by default: it parses every write, which would add to measured latencies.
	 */
	screen?: boolean;
};

export type WriteWaitOptions = {
	timeoutMs?: number;
	/** Count the bare synchronized-update markers as writes (default false: wait for content). */
	includeSyncMarkers?: boolean;
};

/** A TTY-like stdout of a fixed size that records what is written and counts bytes since {@link mark}. */
export class FakeTtyStdout extends Writable {
	readonly isTTY = true;
	columns: number;
	rows: number;
	private total = 0;
	private totalWrites = 0;
	private markedBytes = 0;
	private markedWrites = 0;
	private chunks: string[] = [];
	private readonly keepOutput: boolean;
	private readonly terminal: VirtualTerminal | undefined;

	constructor(options: FakeTtyOptions = {}) {
		super({decodeStrings: false});
		this.columns = options.columns ?? 80;
		this.rows = options.rows ?? 24;
		this.keepOutput = options.keepOutput ?? true;
		this.terminal = options.screen ? new VirtualTerminal({columns: this.columns, rows: this.rows}) : undefined;
	}

	override _write(chunk: string | Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
		this.total += Buffer.byteLength(text, 'utf8');
		this.totalWrites++;
		if (this.keepOutput) this.chunks.push(text);
		this.terminal?.write(text);
		this.emit('written', text);
		callback();
	}

	/** Starts a new measurement: byte and write counts, and the kept output, restart from here. */
	mark(): void {
		this.markedBytes = this.total;
		this.markedWrites = this.totalWrites;
		this.chunks = [];
	}

	bytesSinceMark(): number {
		return this.total - this.markedBytes;
	}

	writesSinceMark(): number {
		return this.totalWrites - this.markedWrites;
	}

	/** Everything written since the last mark (or since creation), escapes included. */
	outputSinceMark(): string {
		return this.chunks.join('');
	}

	get totalBytes(): number {
		return this.total;
	}

	/** Changes the size and emits 'resize', as a real terminal's stdout does. */
	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.terminal?.resize({columns, rows});
		this.emit('resize');
	}

	/** What the terminal shows now (needs `screen: true`). */
	screen(): Screen {
		if (!this.terminal) throw new Error('create the fake stdout with {screen: true} to read its screen');
		return this.terminal.screen();
	}

	/** The screen as text, one line per row, trailing blanks trimmed (needs `screen: true`). */
	screenText(): string {
		return screenText(this.screen());
	}

	/** Resolves with the text of the next write (by default the next one with content). */
	nextWrite(options: WriteWaitOptions = {}): Promise<string> {
		const {timeoutMs = 5000, includeSyncMarkers = false} = options;
		return new Promise((resolve, reject) => {
			const onWrite = (text: string) => {
				if (!includeSyncMarkers && SYNC_MARKERS.has(text)) return;
				clearTimeout(timer);
				this.off('written', onWrite);
				resolve(text);
			};

			const timer = setTimeout(() => {
				this.off('written', onWrite);
				reject(new Error(`no write to the fake terminal within ${timeoutMs} ms`));
			}, timeoutMs);
			this.on('written', onWrite);
		});
	}
}

/**
 * A TTY-like stdin built the way ink-testing-library builds its own: Ink 6 reads input through
 * 'readable' events and read(), and toggles raw mode and ref/unref while hooks use input.
 */
export class FakeTtyStdin extends EventEmitter {
	readonly isTTY = true;
	isRaw = false;
	private pending: string[] = [];

	/** Sends bytes as if typed: one chunk per call, so each call is one keypress for Ink. */
	press(data: string): void {
		this.pending.push(data);
		this.emit('readable');
		this.emit('data', data);
	}

	read(): string | null {
		return this.pending.shift() ?? null;
	}

	setRawMode(isRaw: boolean): this {
		this.isRaw = isRaw;
		return this;
	}

	setEncoding(): this {
		return this;
	}

	resume(): this {
		return this;
	}

	pause(): this {
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}
}

/** A stderr that only collects text (Ink writes console output and warnings there). */
export class FakeStderr extends Writable {
	readonly isTTY = true;
	text = '';

	constructor() {
		super({decodeStrings: false});
	}

	override _write(chunk: string | Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
		callback();
	}
}

export type FakeTerminal = {
	stdout: FakeTtyStdout;
	stdin: FakeTtyStdin;
	stderr: FakeStderr;
	/** Spread into Ink's `render(node, options)`: the three streams, no Ctrl-C exit, no console patching. */
	inkOptions: {
		stdout: NodeJS.WriteStream;
		stdin: NodeJS.ReadStream;
		stderr: NodeJS.WriteStream;
		exitOnCtrlC: false;
		patchConsole: false;
	};
};

export function createFakeTerminal(options: FakeTtyOptions = {}): FakeTerminal {
	const stdout = new FakeTtyStdout(options);
	const stdin = new FakeTtyStdin();
	const stderr = new FakeStderr();
	return {
		stdout,
		stdin,
		stderr,
		inkOptions: {
			// Ink only uses the members these fakes implement; the casts stand in for the full Node TTY types.
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			stderr: stderr as unknown as NodeJS.WriteStream,
			exitOnCtrlC: false,
			patchConsole: false,
		},
	};
}
