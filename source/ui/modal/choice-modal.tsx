/**
 * The stop (`x`) and signal (`a`) dialogs, drawn from their store state (core/dialogs/execution-choice.ts):
 * the actions the execution allows, the chosen one explained, a comment field for Approve/Reject,
 * the confirmation naming action, execution, account and Region, or "Sending…", and the service's
 * words when it refused. Keys never reach this component: the dispatcher drives the transition.
 */
import {Box} from 'ink';
import {Text} from '../text.js';
import {choiceOptions, isStoppable, type ChoiceDialogState, type ChoiceKind} from '../../core/dialogs/execution-choice.js';
import {dialogExecution} from '../../store/dialog-actions.js';
import {useAppStore} from '../store-context.js';
import {tint} from '../theme.js';
import {useTheme} from '../theme-context.js';
import {chooseHint, dialogHint} from './dialog-keys.js';

const TITLES: Readonly<Record<ChoiceKind, string>> = {stop: 'Stop execution', signal: 'Signal execution'};

function nothingToDo(kind: ChoiceKind, status: string): string {
	return kind === 'stop'
		? `It is ${status}: there is nothing to stop.`
		: `It is ${status} and waits for no approval, pause or Interactive step: no signal applies.`;
}

export function ChoiceModal({kind, dialog}: {readonly kind: ChoiceKind; readonly dialog: ChoiceDialogState}) {
	const theme = useTheme();
	const execution = useAppStore(state => dialogExecution(state, dialog.executionId));
	const red = tint(theme, 'red');
	const closeHint = dialogHint('fields', ['modal.close'], {'modal.close': 'close'}, theme.ascii);
	const options = choiceOptions(kind, execution);
	const choice = Math.min(dialog.choice, Math.max(0, options.length - 1));
	const option = options[choice];
	let body;
	if (!execution) body = <Text color={red}>{`This execution is not loaded. ${closeHint}`}</Text>;
	else if (!option || (kind === 'stop' && !isStoppable(execution))) body = <Text wrap="wrap">{`${nothingToDo(kind, execution.status)} ${closeHint}`}</Text>;
	else
		body = (
			<Box flexDirection="column">
				{options.map((candidate, index) => (
					<Text key={candidate.key} inverse={index === choice && dialog.phase === 'choose'} bold={index === choice}>
						{`${index === choice ? (theme.ascii ? '>' : '›') : ' '} ${candidate.label}`}
					</Text>
				))}
				<Text wrap="wrap">{option.explain}</Text>
				{option.takesComment && dialog.phase !== 'choose' ? (
					<Text>
						{'Comment (optional): '}
						{dialog.comment.value.slice(0, dialog.comment.cursor)}
						<Text inverse={dialog.phase === 'comment'}>{dialog.comment.value[dialog.comment.cursor] ?? ' '}</Text>
						{dialog.comment.value.slice(dialog.comment.cursor + 1)}
					</Text>
				) : null}
				<PhaseLine dialog={dialog} />
			</Box>
		);
	return (
		<Box flexDirection="column" borderStyle={theme.ascii ? 'classic' : 'round'} paddingX={1}>
			<Text bold>{`${TITLES[kind]} ${dialog.executionId}`}</Text>
			{execution ? <Text dimColor>{`${execution.documentName} · ${execution.status} · ${execution.mode ?? 'Auto'} · ${execution.region}`}</Text> : null}
			{body}
			{dialog.error ? (
				<Text color={red} wrap="wrap">
					{dialog.error}
				</Text>
			) : null}
		</Box>
	);
}

/** The last line: how to choose, how to finish the comment, the confirmation, or "Sending…". */
function PhaseLine({dialog}: {readonly dialog: ChoiceDialogState}) {
	const theme = useTheme();
	switch (dialog.phase) {
		case 'choose':
			return <Text dimColor>{chooseHint(theme.ascii)}</Text>;
		case 'comment':
			return <Text dimColor>{dialogHint('text', ['modal.confirm', 'modal.close'], {'modal.confirm': 'continue', 'modal.close': 'back'}, theme.ascii)}</Text>;
		case 'confirm':
			return (
				<Text bold color={tint(theme, 'yellow')} wrap="wrap">
					{`${dialog.pending?.question ?? ''} ${dialogHint('question', ['confirm.yes', 'confirm.no'], {}, theme.ascii)}`}
				</Text>
			);
		case 'sending':
			return <Text dimColor>Sending…</Text>;
	}
}
