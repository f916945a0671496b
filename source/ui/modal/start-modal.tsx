/**
 * The start-run dialog (`n`) and the re-run dialog (`R`), drawn from their store state: runbook →
 * parameters → run settings → review (the equivalent CLI command) → confirmation → start. The state
 * machine is core/dialogs/start-form-transition.ts; keys reach it through the dispatcher and
 * answers from AWS through the effect runner, so this component only draws.
 */
import {Box} from 'ink';
import {Text} from '../text.js';
import {renderCliCommand} from '../../core/start-form/cli-command.js';
import {allErrors, fieldsOf, filteredDocuments, stepMessageKey, visibleError, type FieldDef} from '../../core/dialogs/start-form-fields.js';
import type {StartFormState, StartStep} from '../../core/dialogs/start-form-state.js';
import {buildFromState, startAccount, startQuestion} from '../../core/dialogs/start-form-transition.js';
import {useAppStore} from '../store-context.js';
import {tint} from '../theme.js';
import {useTheme} from '../theme-context.js';
import {dialogHint, dialogKey, startHint} from './dialog-keys.js';
import {FieldList} from './field-list.js';

const STEP_TITLES: ReadonlyArray<readonly [StartStep, string]> = [
	['document', 'Runbook'],
	['parameters', 'Parameters'],
	['settings', 'Run settings'],
	['review', 'Review'],
];

export function StartModal({form: state}: {readonly form: StartFormState}) {
	const theme = useTheme();
	const viewport = useAppStore(app => app.viewport);
	const account = useAppStore(app => app.context.account);
	const errors = allErrors(state);
	const fields = fieldsOf(state);
	// The shell keeps a header and footer around the dialog; the dialog's own chrome takes about ten lines.
	const noteLines =
		state.notes.length + (state.serviceError ? 2 : 0) + (state.step === 'parameters' ? 2 : state.step === 'review' ? (state.account === undefined ? 8 : 9) : 0);
	const maxLines = Math.max(4, viewport.rows - 16 - noteLines);
	const documentLines = Math.min(8, filteredDocuments(state).length) + 1;
	const red = tint(theme, 'red');
	const stepMessage = stepMessageKey(state.step);
	const stepError = stepMessage ? visibleError(state, errors, stepMessage) : undefined;

	return (
		<Box
			flexDirection="column"
			borderStyle={theme.ascii ? 'classic' : 'round'}
			// No side borders on the review: a mouse selection of the command then copies no border characters.
			borderLeft={state.step !== 'review'}
			borderRight={state.step !== 'review'}
			paddingX={state.step === 'review' ? 0 : 1}
		>
			<Text bold>
				{state.source || state.rerunSource ? `Re-run ${state.source?.id ?? state.rerunSource?.executionId ?? ''}` : 'Start a run'}
				<Text
					dimColor
				>{`  ${titleAccount(state)}${state.region}${state.documentName ? ` · ${state.documentName}${state.documentVersion ? ` (${state.documentVersion})` : ''}` : ''}`}</Text>
			</Text>
			{state.step === 'source' ? (
				<Text dimColor>{`Reading execution ${state.rerunSource?.executionId ?? ''} to fill the form…`}</Text>
			) : state.step === 'scope' ? (
				<Text>Re-run what?</Text>
			) : (
				<Text>
					{STEP_TITLES.map(([step, title], index) => (
						<Text key={step} bold={step === state.step} dimColor={step !== state.step}>
							{`${index > 0 ? ' › ' : ''}${index + 1} ${title}`}
						</Text>
					))}
				</Text>
			)}
			{state.notes.map(note => (
				<Text key={note} color={tint(theme, 'cyan')} wrap="wrap">
					{note}
				</Text>
			))}
			<StepBody state={state} />
			<FieldList
				fields={fields}
				focus={state.focus}
				cursor={state.cursor}
				errorOf={key => visibleError(state, errors, key)}
				{...(state.openChoice ? {openChoice: state.openChoice} : {})}
				maxLines={maxLines}
				width={viewport.columns - 4}
				renderSpecial={(field, focused) => <DocumentMatches state={state} field={field} focused={focused} />}
				specialLines={documentLines}
			/>
			{stepError ? <Text color={red}>{`✗ ${stepError}`}</Text> : null}
			{state.fileMessage && state.step === 'settings' ? <Text color={state.fileMessage.ok ? tint(theme, 'green') : red}>{state.fileMessage.text}</Text> : null}
			{state.serviceError ? (
				<Text color={red} wrap="wrap">
					{state.serviceError}
				</Text>
			) : null}
			{state.confirmingCancel || state.confirmingStart ? (
				<Text bold color={tint(theme, 'yellow')} wrap="wrap">
					{`${state.confirmingStart ? startQuestion(state, account === undefined ? {} : {account}) : 'Discard this form?'} ${startHint(state, theme.ascii)}`}
				</Text>
			) : (
				<Text dimColor>{startHint(state, theme.ascii)}</Text>
			)}
		</Box>
	);
}

/** Several accounts watched: the account the run starts in, by name and id ('' with one account). */
function accountWords(state: StartFormState): string {
	const {account, accountName} = startAccount(state);
	if (account === undefined) return '';
	return accountName !== undefined && accountName !== account ? `${accountName} (${account})` : account;
}

/** The title says the account before the Region. */
function titleAccount(state: StartFormState): string {
	const words = accountWords(state);
	return words === '' ? '' : `${words} · `;
}

function StepBody({state}: {readonly state: StartFormState}) {
	const theme = useTheme();
	if (state.step === 'parameters') {
		if (state.definition.state === 'loading' || state.definition.state === 'idle') return <Text dimColor>Reading the runbook…</Text>;
		if (state.definition.state === 'error')
			return (
				<Text color={tint(theme, 'red')} wrap="wrap">
					{state.definition.error}
				</Text>
			);
		const {description, specs} = state.definition.value;
		return (
			<Box flexDirection="column">
				{description ? (
					<Text dimColor wrap="truncate-end">
						{description.split('\n')[0]}
					</Text>
				) : null}
				{specs.length === 0 ? <Text dimColor>This runbook takes no parameters.</Text> : <Text dimColor>* required (no default)</Text>}
			</Box>
		);
	}
	if (state.step === 'review') {
		const built = buildFromState(state);
		if (!built.ok) return <Text color={tint(theme, 'red')}>Something needs fixing first: {Object.values(built.errors)[0]}</Text>;
		return (
			<Box flexDirection="column">
				<Text>{`This is the request, as the equivalent AWS CLI command (${dialogHint('review', ['form.copy'], {'form.copy': 'copy it as one line'}, theme.ascii)}):`}</Text>
				<Text wrap="wrap">{renderCliCommand(built.request, {multiline: true})}</Text>
				<Text dimColor>The client token makes a repeated submit return the same run instead of starting another.</Text>
				{state.account === undefined ? null : (
					<Text dimColor wrap="wrap">{`It starts in account ${accountWords(state)}: run the command with that account's credentials.`}</Text>
				)}
				{state.copyNote ? <Text color={tint(theme, 'green')}>{state.copyNote}</Text> : null}
			</Box>
		);
	}
	return null;
}

function DocumentMatches({state, field, focused}: {readonly state: StartFormState; readonly field: FieldDef; readonly focused: boolean}) {
	const theme = useTheme();
	if (state.documents.state === 'loading' || state.documents.state === 'idle') return <Text dimColor>{'  Listing runbooks…'}</Text>;
	if (state.documents.state === 'error') return <Text color={tint(theme, 'red')} wrap="wrap">{`  ${state.documents.error}`}</Text>;
	const matches = filteredDocuments(state);
	if (matches.length === 0) return <Text dimColor>{`  No runbook matches “${state.query}”.`}</Text>;
	const size = 8;
	const start = Math.min(Math.max(0, state.documentIndex - Math.floor(size / 2)), Math.max(0, matches.length - size));
	return (
		<Box flexDirection="column">
			<Text
				dimColor
			>{`  ${field.label}: ${matches.length}${focused ? '' : ` (${dialogKey('list.up', 'list', theme.ascii)}/${dialogKey('list.down', 'list', theme.ascii)} to pick)`}`}</Text>
			{matches.slice(start, start + size).map((document, offset) => {
				const selected = start + offset === state.documentIndex;
				return (
					<Text key={document.name} inverse={selected} wrap="truncate-end">
						{`  ${selected ? '›' : ' '} ${document.name}`}
						<Text dimColor>{document.owner ? `  ${document.owner}` : ''}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
