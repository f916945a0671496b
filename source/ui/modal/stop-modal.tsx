/**
 * `x`: stop an execution. Cancel (any running run) or Complete (Interactive
 * runs), each explained, then a confirmation that names the execution.
 */
import {Box} from 'ink';
import {Text} from '../text.js';
import {isFinal} from '../../core/status.js';
import {usePort} from '../port-context.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {executionForDialog} from './execution-source.js';
import {useModalInput} from './use-modal-input.js';
import type {DialogFocus} from '../keymap.js';
import {dialogHint, resolveDialogKey} from './dialog-keys.js';
import {ChoiceList, ChoicePhaseLine, ExecutionDialogFrame, useExecutionChoice} from './execution-choice-dialog.js';

type StopType = 'Cancel' | 'Complete';

const EXPLAIN: Readonly<Record<StopType, string>> = {
	Cancel: 'Cancel: stops the run now. Running steps (and child runs) are cancelled, steps not started stay Pending; it shows Cancelling, then Cancelled.',
	Complete: 'Complete: ends an Interactive run here, with the steps run so far; steps never started stay Pending.',
};

export function StopModal({executionId}: {readonly executionId: string}) {
	const port = usePort();
	const theme = useTheme();
	const execution = useAppStore(state => executionForDialog(state, executionId));
	const {choiceNow, phaseNow, setPhase, errorNow, close, send, chooseKey} = useExecutionChoice();
	const types: StopType[] = execution?.mode === 'Interactive' ? ['Cancel', 'Complete'] : ['Cancel'];
	const stoppable = execution !== undefined && !isFinal(execution.status) && execution.status !== 'Cancelling' && execution.status !== 'Cancelled';
	const phase = phaseNow();
	const choice = choiceNow();
	const type = types[Math.min(choice, types.length - 1)]!;

	const focus = (): DialogFocus => (phaseNow() === 'confirm' ? 'question' : 'list');
	useModalInput((input, key) => {
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
				send(
					() => port.stopExecution(execution.region, execution.id, chosen),
					`${chosen === 'Cancel' ? 'Cancelling' : 'Completing'} ${execution.id}`,
					'choose',
				);
			} else if (command === 'confirm.no') setPhase('choose');
			return;
		}
		chooseKey(command, types.length);
	});

	return (
		<ExecutionDialogFrame title={`Stop execution ${executionId}`} execution={execution} error={errorNow()}>
			{closeHint =>
				!execution ? null : !stoppable ? (
					<Text>{`It is ${execution.status}: there is nothing to stop. ${closeHint}`}</Text>
				) : (
					<Box flexDirection="column">
						<ChoiceList labels={types.map(candidate => ({key: candidate, label: candidate}))} choice={choice} phase={phase} />
						<Text wrap="wrap">{EXPLAIN[type]}</Text>
						<ChoicePhaseLine
							phase={phase}
							question={`${type} execution ${execution.id} (${execution.documentName})? ${dialogHint('question', ['confirm.yes', 'confirm.no'], {}, theme.ascii)}`}
						/>
					</Box>
				)
			}
		</ExecutionDialogFrame>
	);
}
