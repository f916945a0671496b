/**
 * `a`: send a signal to a waiting or Interactive execution. Only the signals its
 * current state accepts are listed; Approve/Reject take an optional comment.
 * If the service refuses, its message is shown and nothing else changes.
 */
import {Box, Text} from 'ink';
import {usePort} from '../port-context.js';
import {useAppStore, useAppStoreApi} from '../store-context.js';
import {tint} from '../theme.js';
import {useTheme} from '../theme-context.js';
import {executionForDialog} from './execution-source.js';
import {signalOptions} from './signal-options.js';
import {chooseHint, dialogHint, resolveDialogKey} from './dialog-keys.js';
import {applyTextCommand} from './text-edit.js';
import {useLatestState} from './use-latest-state.js';
import {useModalInput} from './use-modal-input.js';

export function SignalModal({executionId}: {readonly executionId: string}) {
	const app = useAppStoreApi();
	const port = usePort();
	const theme = useTheme();
	const execution = useAppStore(state => executionForDialog(state, executionId));
	const options = execution ? signalOptions(execution) : [];
	const [choiceNow, setChoice] = useLatestState(0);
	const [phaseNow, setPhase] = useLatestState<'choose' | 'confirm' | 'sending'>('choose');
	const [commentNow, setComment] = useLatestState({value: '', cursor: 0});
	const [errorNow, setError] = useLatestState<string | undefined>(undefined);
	const optionAt = (index: number) => options[Math.min(index, Math.max(0, options.length - 1))];
	const phase = phaseNow();
	const choice = choiceNow();
	const comment = commentNow();
	const error = errorNow();
	const option = optionAt(choice);

	useModalInput((input, key) => {
		const close = () => app.getState().actions.modalClosed();
		const option = optionAt(choiceNow());
		if (phaseNow() === 'sending') return;
		if (!execution || !option) {
			// Nothing to choose: Esc or Enter closes.
			const command = resolveDialogKey(input, key, 'fields');
			if (command === 'modal.close' || command === 'modal.confirm') close();
			return;
		}
		if (phaseNow() === 'confirm') {
			const command = resolveDialogKey(input, key, option.takesComment ? 'text' : 'fields');
			if (command === 'modal.close') {
				setPhase('choose');
				return;
			}
			if (command === 'modal.confirm') {
				const text = commentNow().value.trim();
				const payload = option.takesComment ? (text ? {Comment: [text]} : undefined) : option.payload;
				setPhase('sending');
				setError(undefined);
				port.sendSignal(execution.region, execution.id, option.signal, payload).then(
					() => {
						app.getState().actions.flashShown(`${option.signal} sent to ${execution.id}`);
						close();
					},
					(thrown: unknown) => {
						setError(thrown instanceof Error ? thrown.message : String(thrown));
						setPhase('confirm');
					},
				);
				return;
			}
			if (option.takesComment) {
				const edited = applyTextCommand(commentNow(), command, input);
				if (edited) setComment(edited);
			}
			return;
		}
		const command = resolveDialogKey(input, key, 'list');
		if (command === 'modal.close') close();
		else if (command === 'list.up' || command === 'modal.previous') setChoice(current => (current - 1 + options.length) % options.length);
		else if (command === 'list.down' || command === 'modal.next') setChoice(current => (current + 1) % options.length);
		else if (command === 'modal.confirm') setPhase('confirm');
	});

	const red = tint(theme, 'red');
	const closeHint = dialogHint('fields', ['modal.close'], {'modal.close': 'close'}, theme.ascii);
	return (
		<Box flexDirection="column" borderStyle={theme.ascii ? 'classic' : 'round'} paddingX={1}>
			<Text bold>{`Signal execution ${executionId}`}</Text>
			{execution ? <Text dimColor>{`${execution.documentName} · ${execution.status} · ${execution.mode ?? 'Auto'} · ${execution.region}`}</Text> : null}
			{!execution ? (
				<Text color={red}>{`This execution is not loaded. ${closeHint}`}</Text>
			) : options.length === 0 ? (
				<Text wrap="wrap">{`It is ${execution.status} and waits for no approval, pause or Interactive step: no signal applies. ${closeHint}`}</Text>
			) : (
				<Box flexDirection="column">
					{options.map((candidate, index) => (
						<Text key={`${candidate.signal}-${candidate.label}`} inverse={index === choice && phase === 'choose'} bold={index === choice}>
							{`${index === choice ? '›' : ' '} ${candidate.label}`}
						</Text>
					))}
					{option ? <Text wrap="wrap">{option.explain}</Text> : null}
					{phase !== 'choose' && option?.takesComment ? (
						<Text>
							{'Comment (optional): '}
							{comment.value.slice(0, comment.cursor)}
							<Text inverse>{comment.value[comment.cursor] ?? ' '}</Text>
							{comment.value.slice(comment.cursor + 1)}
						</Text>
					) : null}
					{phase === 'confirm' && option ? (
						<Text bold color={tint(theme, 'yellow')}>{`Send ${option.signal} to ${execution.id}? ${dialogHint(option.takesComment ? 'text' : 'fields', ['modal.confirm', 'modal.close'], {'modal.confirm': 'send', 'modal.close': 'back'}, theme.ascii)}`}</Text>
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
