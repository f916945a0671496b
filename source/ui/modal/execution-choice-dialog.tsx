/**
 * What the signal (`a`) and stop (`x`) dialogs share: pick one of a few
 * choices for one execution, confirm, send, then flash and close on success or
 * show the service's message and step back on refusal. Each dialog keeps its
 * own confirm keys and wording; this owns the phases and the frame around them.
 */
import type {ReactNode} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import type {ExecutionDetail} from '../../core/types.js';
import {useAppStoreApi} from '../store-context.js';
import {tint} from '../theme.js';
import {useTheme} from '../theme-context.js';
import {chooseHint, dialogHint} from './dialog-keys.js';
import {useLatestState} from './use-latest-state.js';
import type {Command} from '../keymap.js';

export type ChoicePhase = 'choose' | 'confirm' | 'sending';

export function useExecutionChoice() {
	const app = useAppStoreApi();
	const [choiceNow, setChoice] = useLatestState(0);
	const [phaseNow, setPhase] = useLatestState<ChoicePhase>('choose');
	const [errorNow, setError] = useLatestState<string | undefined>(undefined);
	const close = () => app.getState().actions.modalClosed();
	/** Sends once; on refusal shows its message and returns to `phaseOnError`. */
	const send = (request: () => Promise<unknown>, flash: string, phaseOnError: ChoicePhase) => {
		setPhase('sending');
		setError(undefined);
		request().then(
			() => {
				app.getState().actions.flashShown(flash);
				close();
			},
			(thrown: unknown) => {
				setError(thrown instanceof Error ? thrown.message : String(thrown));
				setPhase(phaseOnError);
			},
		);
	};
	/** The choose phase's keys over `count` choices: close, move (wrapping), confirm. */
	const chooseKey = (command: Command | undefined, count: number) => {
		if (command === 'modal.close') close();
		else if (command === 'list.up' || command === 'modal.previous') setChoice(current => (current - 1 + count) % count);
		else if (command === 'list.down' || command === 'modal.next') setChoice(current => (current + 1) % count);
		else if (command === 'modal.confirm') setPhase('confirm');
	};
	return {choiceNow, phaseNow, setPhase, errorNow, close, send, chooseKey};
}

export function ExecutionDialogFrame({
	title,
	execution,
	error,
	children,
}: {
	readonly title: string;
	readonly execution: ExecutionDetail | undefined;
	readonly error: string | undefined;
	readonly children: (closeHint: string) => ReactNode;
}) {
	const theme = useTheme();
	const red = tint(theme, 'red');
	const closeHint = dialogHint('fields', ['modal.close'], {'modal.close': 'close'}, theme.ascii);
	return (
		<Box flexDirection="column" borderStyle={theme.ascii ? 'classic' : 'round'} paddingX={1}>
			<Text bold>{title}</Text>
			{execution ? <Text dimColor>{`${execution.documentName} · ${execution.status} · ${execution.mode ?? 'Auto'} · ${execution.region}`}</Text> : null}
			{!execution ? <Text color={red}>{`This execution is not loaded. ${closeHint}`}</Text> : children(closeHint)}
			{error ? (
				<Text color={red} wrap="wrap">
					{error}
				</Text>
			) : null}
		</Box>
	);
}

export function ChoiceList({
	labels,
	choice,
	phase,
}: {
	readonly labels: readonly {readonly key: string; readonly label: string}[];
	readonly choice: number;
	readonly phase: ChoicePhase;
}) {
	return (
		<>
			{labels.map(({key, label}, index) => (
				<Text key={key} inverse={index === choice && phase === 'choose'} bold={index === choice}>
					{`${index === choice ? '›' : ' '} ${label}`}
				</Text>
			))}
		</>
	);
}

/** The last line: the confirm question, "Sending…", or how to choose. */
export function ChoicePhaseLine({phase, question}: {readonly phase: ChoicePhase; readonly question: string | undefined}) {
	const theme = useTheme();
	if (phase === 'confirm' && question !== undefined)
		return (
			<Text bold color={tint(theme, 'yellow')}>
				{question}
			</Text>
		);
	if (phase === 'sending') return <Text dimColor>Sending…</Text>;
	return <Text dimColor>{chooseHint(theme.ascii)}</Text>;
}
