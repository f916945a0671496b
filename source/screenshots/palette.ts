/** Terminal colours: the theme the screenshots are painted with and the xterm 256-colour table. */

/** A cell colour as the ANSI stream names it: a palette index (0–255), a `#rrggbb` truecolor, or undefined for the default. */
export type TerminalColor = number | string | undefined;

export type TerminalTheme = {
	background: string;
	foreground: string;
	/** The 16 ANSI colours: 0–7 normal, 8–15 bright. */
	ansi: readonly string[];
};

/** A dark theme close to common editor terminals, chosen so every ANSI colour stays readable on the background. */
export const darkTheme: TerminalTheme = {
	background: '#1e1e1e',
	foreground: '#d4d4d4',
	ansi: [
		'#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
		'#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff',
	],
};

const CUBE_LEVELS = [0, 95, 135, 175, 215, 255] as const;

function hex(channel: number): string {
	return channel.toString(16).padStart(2, '0');
}

export function rgbToHex(red: number, green: number, blue: number): string {
	const clamp = (value: number) => Math.max(0, Math.min(255, Math.round(value)));
	return `#${hex(clamp(red))}${hex(clamp(green))}${hex(clamp(blue))}`;
}

/** The fixed part of the xterm palette: 16–231 is a 6×6×6 cube, 232–255 a grey ramp. */
export function xterm256(index: number): string {
	if (index >= 232) {
		const level = 8 + (index - 232) * 10;
		return rgbToHex(level, level, level);
	}

	const cube = index - 16;
	return rgbToHex(CUBE_LEVELS[Math.floor(cube / 36) % 6]!, CUBE_LEVELS[Math.floor(cube / 6) % 6]!, CUBE_LEVELS[cube % 6]!);
}

/** Resolves a cell colour to `#rrggbb`; `fallback` is used for the default colour. */
export function resolveColor(color: TerminalColor, theme: TerminalTheme, fallback: string): string {
	if (color === undefined) return fallback;
	if (typeof color === 'string') return color;
	if (color < 16) return theme.ansi[color] ?? fallback;
	return xterm256(color);
}
