/** The footer: the keys that work on this screen (from the keymap), or a short flash message. */
import {Text} from '../text.js';
import {useShallow} from 'zustand/react/shallow';
import {bindingsFor, formatKeys, type KeyBinding} from '../keymap.js';
import {keyContextOf} from '../input/key-context.js';
import {selectDialogFocus} from '../../store/dialog-actions.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs} from '../theme.js';

/** Always shown first, so the way out and the way to learn more never fall off a narrow footer. */
const FIRST = new Set(['help', 'quit', 'help.close', 'viewer.close']);

/** "key label" hints that fit in `width`: help and quit first, then keymap order. */
export function footerHints(bindings: readonly KeyBinding[], width: number, ascii: boolean): string {
	const ordered = [...bindings.filter(binding => FIRST.has(binding.command)), ...bindings.filter(binding => !FIRST.has(binding.command))];
	let line = '';
	for (const binding of ordered) {
		if (!binding.label) continue;
		const hint = `${formatKeys(binding, ascii)} ${ascii ? binding.label.replace('…', '...') : binding.label}`;
		const next = line === '' ? hint : `${line}  ${hint}`;
		if ([...next].length > width) break;
		line = next;
	}

	return line;
}

export function Footer() {
	const theme = useTheme();
	const [screen, modal, filterPrompt, readOnly, dialog, flash, columns] = useAppStore(
		useShallow(state => {
			const context = keyContextOf(state);
			return [context.screen, context.modal, context.filterPrompt, context.readOnly, selectDialogFocus(state), state.flash, state.viewport.columns] as const;
		}),
	);
	// Inside a dialog, the keys of what has the focus there (a y/n question offers y and n).
	const context = {screen, modal, filterPrompt, readOnly, ...(dialog === undefined ? {} : {dialog})};
	const hints = footerHints(bindingsFor(context), flash ? columns - [...flash].length - 3 : columns, theme.ascii);
	return (
		<Text wrap="truncate-end">
			{flash ? <Text bold>{glyphs(theme, `${flash} · `)}</Text> : null}
			<Text dimColor>{hints}</Text>
		</Text>
	);
}
