/**
 * `a`: send a signal to a waiting or Interactive execution. Only the signals its
 * current state accepts are listed; Approve/Reject take an optional comment.
 * If the service refuses, its message is shown and nothing else changes.
 */
import {Box} from 'ink';
import {Text} from '../text.js';
import {usePort} from '../port-context.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {executionForDialog} from './execution-source.js';
import {signalOptions} from './signal-options.js';
import {dialogHint, resolveDialogKey} from './dialog-keys.js';
import {applyTextCommand} from './text-edit.js';
import {useLatestState} from './use-latest-state.js';
import {useModalInput} from './use-modal-input.js';
import {ChoiceList, ChoicePhaseLine, ExecutionDialogFrame, useExecutionChoice} from './execution-choice-dialog.js';

export function SignalModal({executionId}: {readonly executionId: string}) {
	const port = usePort();
	const theme = useTheme();
	const execution = useAppStore(state => executionForDialog(state, executionId));
	const options = execution ? signalOptions(execution) : [];
	const {choiceNow, phaseNow, setPhase, errorNow, close, send, chooseKey} = useExecutionChoice();
	const [commentNow, setComment] = useLatestState({value: '', cursor: 0});
	const optionAt = (index: number) => options[Math.min(index, Math.max(0, options.length - 1))];
	const phase = phaseNow();
	const choice = choiceNow();
	const comment = commentNow();
	const option = optionAt(choice);

	useModalInput((input, key) => {
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
				send(() => port.sendSignal(execution.region, execution.id, option.signal, payload), `${option.signal} sent to ${execution.id}`, 'confirm');
				return;
			}
			if (option.takesComment) {
				const edited = applyTextCommand(commentNow(), command, input);
				if (edited) setComment(edited);
			}
			return;
		}
		chooseKey(resolveDialogKey(input, key, 'list'), options.length);
	});

	return (
		<ExecutionDialogFrame title={`Signal execution ${executionId}`} execution={execution} error={errorNow()}>
			{closeHint =>
				!execution ? null : options.length === 0 ? (
					<Text wrap="wrap">{`It is ${execution.status} and waits for no approval, pause or Interactive step: no signal applies. ${closeHint}`}</Text>
				) : (
					<Box flexDirection="column">
						<ChoiceList
							labels={options.map(candidate => ({key: `${candidate.signal}-${candidate.label}`, label: candidate.label}))}
							choice={choice}
							phase={phase}
						/>
						{option ? <Text wrap="wrap">{option.explain}</Text> : null}
						{phase !== 'choose' && option?.takesComment ? (
							<Text>
								{'Comment (optional): '}
								{comment.value.slice(0, comment.cursor)}
								<Text inverse>{comment.value[comment.cursor] ?? ' '}</Text>
								{comment.value.slice(comment.cursor + 1)}
							</Text>
						) : null}
						<ChoicePhaseLine
							phase={phase}
							question={
								option
									? `Send ${option.signal} to ${execution.id}? ${dialogHint(option.takesComment ? 'text' : 'fields', ['modal.confirm', 'modal.close'], {'modal.confirm': 'send', 'modal.close': 'back'}, theme.ascii)}`
									: undefined
							}
						/>
					</Box>
				)
			}
		</ExecutionDialogFrame>
	);
}
