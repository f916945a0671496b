/**
 * Whether the terminal shows OSC 8 hyperlinks, from its environment (there is no way to ask it).
 * SSMTOP_HYPERLINKS=0 turns them off and =1 on, whatever the terminal; otherwise they are on in
 * terminals known to support them (iTerm2, WezTerm, VS Code, Ghostty, Hyper, Windows Terminal, kitty,
 * foot, VTE ≥ 0.50: GNOME Terminal, Tilix…) and in tmux ≥ 3.4, which passes them on to a terminal that
 * has them and drops them otherwise. Elsewhere the plain URL is shown instead.
 */
const TERM_PROGRAMS = new Set(['iTerm.app', 'WezTerm', 'vscode', 'ghostty', 'Hyper']);

function versionAtLeast(version: string | undefined, major: number, minor: number): boolean {
	const match = /^(\d+)\.(\d+)/.exec(version ?? '');
	if (!match) return false;
	const [found, foundMinor] = [Number(match[1]), Number(match[2])];
	return found > major || (found === major && foundMinor >= minor);
}

export function hyperlinksSupported(env: NodeJS.ProcessEnv): boolean {
	const forced = env['SSMTOP_HYPERLINKS'];
	if (forced === '0' || forced === 'off' || forced === 'false') return false;
	if (forced === '1' || forced === 'on' || forced === 'true') return true;
	if (env['TMUX']) return env['TERM_PROGRAM'] === 'tmux' && versionAtLeast(env['TERM_PROGRAM_VERSION'], 3, 4);
	if (TERM_PROGRAMS.has(env['TERM_PROGRAM'] ?? '')) return true;
	if (env['WT_SESSION'] || env['KITTY_WINDOW_ID']) return true;
	if (/^(?:xterm-kitty|foot|foot-extra|xterm-ghostty|wezterm)$/.test(env['TERM'] ?? '')) return true;
	return Number(env['VTE_VERSION'] ?? 0) >= 5000;
}
