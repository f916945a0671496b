/**
 * `x`: stop an execution. Cancel (any running run) or Complete (Interactive
 * runs), each explained, then a confirmation that names the execution.
 */
import {Box, Text} from 'ink';
import {isFinal} from '../../core/status.js';
import {usePort} from '../port-context.js';
import {useAppStore, useAppStoreApi} from '../store-context.js';
import {tint} from '../theme.js';
import {useTheme} from '../theme-context.js';
import {executionForDialog} from './execution-source.js';
import {useLatestState} from './use-latest-state.js';
import {useModalInput} from './use-modal-input.js';
import type {DialogFocus} from '../keymap.js';
import {chooseHint, dialogHint, resolveDialogKey} from './dialog-keys.js';

type StopType = 'Cancel' | 'Complete';

const EXPLAIN: Readonly<Record<StopType, string>> = {
	Cancel: 'Cancel: stops the run now. Running steps (and child runs) are cancelled, steps not started stay Pending; it shows Cancelling, then Cancelled.',
	Complete: 'Complete: ends an Interactive run here, with the steps run so far; steps never started stay Pending.',
};

export function StopModal({executionId}: {readonly executionId: string}) {
	const app = useAppStoreApi();
	const port = usePort();
	const theme = useTheme();
	const execution = useAppStore(state => executionForDialog(state, executionId));
	const [choiceNow, setChoice] = useLatestState(0);
	const [phaseNow, setPhase] = useLatestState<'choose' | 'confirm' | 'sending'>('choose');
	const [errorNow, setError] = useLatestState<string | undefined>(undefined);
	const types: StopType[] = execution?.mode === 'Interactive' ? ['Cancel', 'Complete'] : ['Cancel'];
	const stoppable = execution !== undefined && !isFinal(execution.status) && execution.status !== 'Cancelling' && execution.status !== 'Cancelled';
	const phase = phaseNow();
	const choice = choiceNow();
	const error = errorNow();
	const type = types[Math.min(choice, types.length - 1)]!;

	const focus = (): DialogFocus => (phaseNow() === 'confirm' ? 'question' : 'list');
	useModalInput((input, key) => {
		const close = () => app.getState().actions.modalClosed();
		if (phaseNow() === 'sending') return;
		const command = resolveDialogKey(input, key, stoppable && execution ? focus() : 'fields');
		if (!stoppable || !execution) {
			// Nothing to choose: Esc or Enter closes.
			if (command === 'modal.close' || command === 'modal.confirm') close();
			return;
		}
		if (phaseNow() === 'confirm') {
			const chosen = types[Math.min(choiceNow(), types.length - 1)]!;
			if (command === 'confirm.yes') {
				setPhase('sending');
				setError(undefined);
				port.stopExecution(execution.region, execution.id, chosen).then(
					() => {
						app.getState().actions.flashShown(`${chosen === 'Cancel' ? 'Cancelling' : 'Completing'} ${execution.id}`);
						close();
					},
					(thrown: unknown) => {
						setError(thrown instanceof Error ? thrown.message : String(thrown));
						setPhase('choose');
					},
				);
			} else if (command === 'confirm.no') setPhase('choose');
			return;
		}
		if (command === 'modal.close') close();
		else if (command === 'list.up' || command === 'modal.previous') setChoice(current => (current - 1 + types.length) % types.length);
		else if (command === 'list.down' || command === 'modal.next') setChoice(current => (current + 1) % types.length);
		else if (command === 'modal.confirm') setPhase('confirm');
	});

	const red = tint(theme, 'red');
	const closeHint = dialogHint('fields', ['modal.close'], {'modal.close': 'close'}, theme.ascii);
	return (
		<Box flexDirection="column" borderStyle={theme.ascii ? 'classic' : 'round'} paddingX={1}>
			<Text bold>{`Stop execution ${executionId}`}</Text>
			{execution ? <Text dimColor>{`${execution.documentName} · ${execution.status} · ${execution.mode ?? 'Auto'} · ${execution.region}`}</Text> : null}
			{!execution ? (
				<Text color={red}>{`This execution is not loaded. ${closeHint}`}</Text>
			) : !stoppable ? (
				<Text>{`It is ${execution.status}: there is nothing to stop. ${closeHint}`}</Text>
			) : (
				<Box flexDirection="column">
					{types.map((candidate, index) => (
						<Text key={candidate} inverse={index === choice && phase === 'choose'} bold={index === choice}>
							{`${index === choice ? '›' : ' '} ${candidate}`}
						</Text>
					))}
					<Text wrap="wrap">{EXPLAIN[type]}</Text>
					{phase === 'confirm' ? (
						<Text bold color={tint(theme, 'yellow')}>{`${type} execution ${execution.id} (${execution.documentName})? ${dialogHint('question', ['confirm.yes', 'confirm.no'], {}, theme.ascii)}`}</Text>
					) : phase === 'sending' ? (
						<Text dimColor>Sending…</Text>
					) : (
						<Text dimColor>{chooseHint(theme.ascii)}</Text>
					)}
				</Box>
			)}
			{error ? <Text color={red} wrap="wrap">{error}</Text> : null}
		</Box>
	);
}
